import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, it } from 'vitest';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { deriveProspect } from '../../src/domain/derive';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { MAILBOX_HOLD_LIMIT, PROTOCOL_TAG } from '../../src/messaging/protocol';
import { inContent } from '../e2e/closedRoots';
import { command, writeRecords } from '../e2e/extension';
import { kb, ms, stats, table, writeSection } from './report';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
const sections: string[] = [];
const REP = 'rep@example.com';
/** BENCH_ROWS=100 measures one size only (a quicker run while trying a change). */
const SIZES = process.env.BENCH_ROWS ? [Number(process.env.BENCH_ROWS)] : [100, 1_000];
/** Every other row belongs to a tracked prospect. */
const TRACKED_EVERY = 2;

const PAGE = `<!doctype html><title>Inbox (3) - ${REP} - Gmail</title><div role="main"><table><tbody></tbody></table></div>`;

beforeAll(async () => {
  browser = await launchWithExtension();
  for (const host of ['https://mail.google.com/**', 'https://baseline.test/**']) {
    await browser.context.route(host, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  }
  // As many as a tab holds: the first ones belong to rows of the lists below, the rest are never on screen.
  await seed(MAILBOX_HOLD_LIMIT);
});
afterAll(async () => {
  await browser?.close();
  writeSection('2-annotation', 'Gmail annotation', sections.join('\n\n'));
});

const hex = (i: number) => (0x18c0000000000000n + BigInt(i)).toString(16);

/** Tracked prospects straight into the browser's IndexedDB, one per tracked row. */
async function seed(count: number): Promise<void> {
  const popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  // The background creates the schema; writing before it would meet an empty database.
  await command(popup, 'settings.get', {});
  const now = Date.now();
  const records = Array.from({ length: count }, (_, i) =>
    deriveProspect(
      {
        id: `row-${i}`, email: `p${i}@bench.test`, mailbox: REP, name: `Prospect ${i}`, company: 'Bench', stageId: 'proposal', value: 1000, currency: 'EUR',
        decisionMaker: 'unknown', expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, notes: '',
        threads: [{ threadId: hex(i * TRACKED_EVERY), mailbox: REP, subject: `Deal ${i}` }], createdAt: now - (i % 30) * 86_400_000, updatedAt: now, stageEnteredAt: now,
      },
      [],
      DEFAULT_SETTINGS,
    ),
  );
  await writeRecords(popup, { prospects: records });
  await popup.close();
}

/** Where a renderer's main-thread time goes, by Chrome trace event (thread CPU time, ms). */
const PHASES = {
  style: ['UpdateLayoutTree', 'ParseAuthorStyleSheet'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'Commit'],
  gc: ['MinorGC', 'MajorGC'],
} as const;
type Phase = keyof typeof PHASES | 'script';
type Breakdown = Record<Phase, number>;
type TraceEvent = { name: string; ph: string; pid: number; tid: number; tdur?: number };
/** The mark that tells the page's main thread apart from every other thread in the trace. */
const TRACE_MARK = 'touchbase-bench-start';

/**
 * Main-thread CPU time of the traced window by phase. Script is every task's time that is not
 * style, layout, paint or GC (scripts, message handling, microtasks): no layout is forced inside
 * a script here, so the phases do not overlap.
 */
function breakdown(events: readonly TraceEvent[]): Breakdown {
  const mark = events.find((event) => event.name === TRACE_MARK);
  if (!mark) throw new Error('the trace lost its start mark');
  const cpu = (names: readonly string[]) =>
    events.filter((e) => e.pid === mark.pid && e.tid === mark.tid && e.ph === 'X' && names.includes(e.name)).reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
  const phases = { style: cpu(PHASES.style), layout: cpu(PHASES.layout), paint: cpu(PHASES.paint), gc: cpu(PHASES.gc) };
  return { ...phases, script: cpu(['RunTask']) - phases.style - phases.layout - phases.paint - phases.gc };
}

/** The page's main-thread task time so far (CDP `TaskDuration`, with `Performance.enable` sent), in ms. */
async function taskDuration(cdp: CDPSession): Promise<number> {
  return ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** Inserts `count` Gmail-like rows in one go and reports when our chips for them were all painted. */
async function insertAndWait(page: Page, count: number, expectChips: boolean, trace = false): Promise<{ wall: number; taskMs: number; phases: Breakdown | null; sameFrame: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  if (trace) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
    await page.evaluate((mark) => performance.mark(mark), TRACE_MARK);
  }
  await cdp.send('Performance.enable');
  const before = await taskDuration(cdp);
  if (process.env.PROFILE) { await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 100 }); await cdp.send('Profiler.start'); }
  const { wall, sameFrame } = await page.evaluate(
    ({ count, every, expectChips, rep }) =>
      new Promise<{ wall: number; sameFrame: boolean }>((resolve) => {
        const tbody = document.querySelector('tbody')!;
        const start = performance.now();
        const fragment = document.createDocumentFragment();
        for (let i = 0; i < count; i++) {
          const id = (0x18c0000000000000n + BigInt(i)).toString(16);
          const row = document.createElement('tr');
          row.className = 'zA yO';
          const people = document.createElement('td');
          const yw = document.createElement('div');
          yw.className = 'yW';
          const person = document.createElement('span');
          person.className = 'yP';
          person.setAttribute('email', i % every === 0 ? `p${i / every}@bench.test` : `someone${i}@other.test`);
          person.setAttribute('name', `Person ${i}`);
          person.textContent = `Person ${i}`;
          yw.append(person);
          people.append(yw);
          const subjectCell = document.createElement('td');
          const y6 = document.createElement('div');
          y6.className = 'y6';
          const subject = document.createElement('span');
          subject.className = 'bog';
          subject.textContent = `Subject ${i}`;
          const ids = document.createElement('span');
          ids.setAttribute('data-thread-id', `#thread-f:${BigInt('0x' + id).toString()}`);
          ids.setAttribute('data-legacy-thread-id', id);
          y6.append(subject, ids);
          subjectCell.append(y6);
          row.append(people, subjectCell);
          fragment.append(row);
        }
        // A ResizeObserver reports after the layout of the frame that first lays the rows out,
        // after every animation-frame callback of that frame: were the chips there already?
        let sameFrame = false;
        const firstLayout = new ResizeObserver(() => {
          firstLayout.disconnect();
          // Row 0 belongs to a tracked prospect.
          sameFrame = firstRow.querySelector('[data-touchbase="chip"]') !== null;
        });
        const firstRow = fragment.firstElementChild!;
        tbody.append(fragment);
        firstLayout.observe(firstRow);
        const wanted = expectChips ? Math.ceil(count / every) : 0;
        // Woken by mutations only (no polling, which would cost main-thread time of its own).
        const done = () => requestAnimationFrame(() => resolve({ wall: performance.now() - start, sameFrame }));
        if (wanted === 0) return done();
        const observer = new MutationObserver(() => {
          if (document.querySelectorAll('[data-touchbase="chip"]').length < wanted) return;
          observer.disconnect();
          done();
        });
        observer.observe(tbody, { childList: true, subtree: true });
        setTimeout(() => (observer.disconnect(), resolve({ wall: Number.NaN, sameFrame })), 20_000);
        void rep;
      }),
    { count, every: TRACKED_EVERY, expectChips, rep: REP },
  );
  await page.waitForTimeout(300);
  const taskMs = (await taskDuration(cdp)) - before;
  if (process.env.PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
      self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000);
    });
    console.log([...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
  }
  if (trace) {
    await cdp.send('Tracing.end');
    await traced;
  }
  await cdp.detach();
  return { wall, taskMs, phases: trace ? breakdown(events) : null, sameFrame };
}

async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await page.waitForTimeout(500);
  await cdp.detach();
}

/**
 * warm: a fresh list, the worker running; cold: the same with the worker stopped first;
 * re-render: the same rows drawn again in the same tab (Gmail redraws its list, e.g. back to the
 * inbox): the tab already knows every row's answer, so no lookup separates the rows' frame from
 * their chips'.
 */
type Scenario = 'warm' | 'cold' | 're-render';
const SCENARIO_LABEL: Record<Scenario, string> = { warm: 'warm', cold: 'cold (stopped)', 're-render': 'warm, list re-rendered' };

async function run(url: string, count: number, scenario: Scenario, expectChips: boolean, trace = false) {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.waitForTimeout(400);
  if (scenario === 'cold') await stopWorker(page);
  if (scenario === 're-render') {
    await insertAndWait(page, count, expectChips);
    await page.evaluate(() => new Promise((resolve) => (document.querySelector('tbody')!.replaceChildren(), requestAnimationFrame(() => requestAnimationFrame(resolve)))));
  }
  const result = await insertAndWait(page, count, expectChips, trace);
  await page.close();
  return result;
}

/**
 * Runs are paired: each run of the measured page follows a run of the baseline page in the same
 * scenario, and the figure is the median of the differences, so a slow minute of the shared
 * machine weighs on both sides of a pair rather than on one side of the table.
 */
const PAIRS = 9;
/** Traced pairs are separate from the timed ones: tracing costs main-thread time of its own. */
const TRACED_PAIRS = 7;
const PHASE_ORDER: readonly Phase[] = ['script', 'style', 'layout', 'paint', 'gc'];
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox';
const BASELINE = 'https://baseline.test/';

/** Median and interquartile range of paired differences, e.g. "19 ms (15–24)". */
function spread(values: readonly number[]): string {
  const { median, p25, p75 } = stats(values);
  const plain = (value: number) => ms(Math.max(0, value)).replace(' ms', '');
  return `${ms(Math.max(0, median))} (${plain(p25)}–${plain(p75)})`;
}

/** Per phase: the median of (measured − baseline) CPU time over traced pairs; and the totals' spread. */
async function tracedPhases(count: number, scenario: Scenario): Promise<{ phases: Breakdown; totals: number[] }> {
  const diffs: Breakdown[] = [];
  for (let i = 0; i < TRACED_PAIRS; i++) {
    const baseline = (await run(BASELINE, count, scenario === 'cold' ? 'warm' : scenario, false, true)).phases!;
    const ours = (await run(GMAIL, count, scenario, true, true)).phases!;
    diffs.push(Object.fromEntries(PHASE_ORDER.map((phase) => [phase, ours[phase] - baseline[phase]])) as Breakdown);
  }
  const phases = Object.fromEntries(PHASE_ORDER.map((phase) => [phase, stats(diffs.map((d) => d[phase])).median])) as Breakdown;
  return { phases, totals: diffs.map((d) => PHASE_ORDER.reduce((sum, phase) => sum + d[phase], 0)) };
}

it('annotation cost: rows inserted → all chips painted', async () => {
  const rows: (string | number)[][] = [];
  const phaseRows: (string | number)[][] = [];
  const totals = new Map<Scenario, number>();
  for (const count of SIZES) {
    for (const scenario of ['warm', 're-render'] as const) {
      const traced = await tracedPhases(count, scenario);
      if (count === SIZES[0]) totals.set(scenario, stats(traced.totals).median);
      phaseRows.push([count, Math.ceil(count / TRACKED_EVERY), SCENARIO_LABEL[scenario], ...PHASE_ORDER.map((phase) => ms(Math.max(0, traced.phases[phase]))), spread(traced.totals)]);
    }
    for (const scenario of ['warm', 'cold', 're-render'] as const) {
      const task: number[] = [];
      const wall: number[] = [];
      let sameFrame = 0;
      for (let i = 0; i < PAIRS; i++) {
        // The baseline page draws a fresh list, or a list it drew once before, as the measured page does.
        const baseline = await run(BASELINE, count, scenario === 'cold' ? 'warm' : scenario, false);
        const ours = await run(GMAIL, count, scenario, true);
        task.push(ours.taskMs - baseline.taskMs);
        wall.push(ours.wall);
        if (ours.sameFrame) sameFrame += 1;
      }
      rows.push([count, Math.ceil(count / TRACKED_EVERY), SCENARIO_LABEL[scenario], spread(task), ms(stats(wall).median), `${sameFrame} of ${PAIRS}`]);
    }
  }
  sections.push(
    `Rows inserted at once into a Gmail-like list; every other row belongs to a tracked prospect. *Main thread* is the page's main-thread task time (CDP \`TaskDuration\`) minus that of the same insertion on a page without the extension, run just before it: the median of ${PAIRS} such pairs, and in brackets the middle half of them (the machine is shared, and a single run moves by several milliseconds). *Wall* is insertion → every chip painted, including any wait for the background (and, when cold, its start-up). *Chips at first layout* counts the runs whose chips were already there when the browser first laid the new rows out, so the list was laid out and painted once, not twice. [architecture.md](architecture.md#quality-bars) asks for 16 ms of main-thread time for 100 rows with a warm worker; \`PROFILE=1\` prints a JavaScript CPU profile of each run.\n\n` +
      table(['rows', 'chips', 'worker', 'main thread (ours)', 'wall', 'chips at first layout'], rows),
    `Where our main-thread time goes, from a Chrome trace of the same insertion (${TRACED_PAIRS} traced pairs apart from the timed ones): per phase, the median of the page main thread's CPU time with the extension minus without it; the total's middle half in brackets. *Script* is every task's time outside style, layout, paint and GC: our content script, its messaging and the microtasks it runs. CPU time, not wall time, so it moves less with other load on the machine than the table above; tracing itself adds to it.\n\n` +
      table(['rows', 'chips', 'worker', ...PHASE_ORDER.map((phase) => (phase === 'gc' ? 'GC' : phase)), 'total (CPU)'], phaseRows) +
      `\n\nThe tab holds its mailbox's prospects (up to 2,000) from the moment it knows the mailbox, so a list it has never shown gets its chips in the frame that first lays its rows out, as a list it drew before does: at ${SIZES[0]} rows ${ms(totals.get('warm')!)} of CPU for a fresh list against ${ms(totals.get('re-render')!)} for a re-rendered one. Before the tab held them, a fresh list paid for two frames: its rows were laid out and painted without chips, the lookup's answer came after that frame, and the chips made the browser lay out and paint the list again. What a page pays the first time it lays a chip out (the chip font, the sheet's rules, the shapes of digits and words) it pays while idle, on one sample chip laid out unseen and removed (\`prepareChips\` in src/content/rowChips.ts), not in the frame of its first list. What is left is reading the rows, building the chips (a host, a closed shadow root with the shared sheet, two elements each), and their style, layout and paint. The price of holding is paid once per tab: see the next table.`,
  );
});

/**
 * What a tab pays once for holding its mailbox: the `lookup.mailbox` answer for the seeded
 * MAILBOX_HOLD_LIMIT prospects, asked from the Gmail tab's content-script world as the content
 * script asks it, timed from the ask to the answer in hand, with the tab's main-thread task time
 * over the same span.
 */
it('holding a mailbox: what the tab asks once', async () => {
  const runs: { wait: number; taskMs: number; bytes: number; held: number; complete: boolean }[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.context.newPage();
    await page.goto(GMAIL);
    await page.waitForTimeout(400);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const before = await taskDuration(cdp);
    const answer = await inContent(
      page,
      async (_open, { tag, mailbox }) => {
        const start = performance.now();
        const reply = (await chrome.runtime.sendMessage({ tag, name: 'lookup.mailbox', payload: { mailbox } })) as { value: { prospects: unknown[]; complete: boolean } };
        const wait = performance.now() - start;
        return { wait, bytes: JSON.stringify(reply.value).length, held: reply.value.prospects.length, complete: reply.value.complete };
      },
      { tag: PROTOCOL_TAG, mailbox: REP },
    );
    runs.push({ ...answer, taskMs: (await taskDuration(cdp)) - before });
    await cdp.detach();
    await page.close();
  }
  const last = runs.at(-1)!;
  if (!last.complete || last.held !== MAILBOX_HOLD_LIMIT) throw new Error(`the tab held ${last.held} prospects, complete: ${last.complete}`);
  sections.push(
    `Holding the mailbox: what a Gmail tab asks once, when it learns its mailbox, so that no list waits for the background afterwards. Asked from the tab's content-script world for ${MAILBOX_HOLD_LIMIT.toLocaleString('en')} prospects (the most a tab holds), median of ${runs.length} fresh tabs; *main thread* is the tab's task time over the same span, including reading the answer.\n\n` +
      table(['prospects held', 'answer (JSON)', 'ask → answer in hand', 'main thread'], [[MAILBOX_HOLD_LIMIT.toLocaleString('en'), kb(stats(runs.map((r) => r.bytes)).median), ms(stats(runs.map((r) => r.wait)).median), ms(stats(runs.map((r) => r.taskMs)).median)]]),
  );
});

/** Minifies and gzips a module graph the way an extension would ship it. */
async function shippedBytes(name: string, code: string): Promise<number> {
  mkdirSync('artifacts/bench-entries', { recursive: true });
  const entry = resolve(`artifacts/bench-entries/${name}.js`);
  writeFileSync(entry, code);
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: name } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : []));
  return outputs.reduce((sum, chunk) => sum + gzipSync('code' in chunk ? chunk.code : chunk.source, { level: 9 }).length, 0);
}

it('injected bytes beside other Gmail integrations', async () => {
  const ours = bundleSizes('dist/chrome').content.gzip;
  const inboxsdk =
    (await shippedBytes('inboxsdk-content', "import * as InboxSDK from '@inboxsdk/core'; globalThis.sdk = InboxSDK;")) +
    (await shippedBytes('inboxsdk-page', "import '@inboxsdk/core/pageWorld.js';"));
  const gmailjs = await shippedBytes('gmail-js', "import jQuery from 'jquery'; import gmailJs from 'gmail-js'; globalThis.gmail = new gmailJs.Gmail(jQuery);");
  sections.push(
    'Everything injected into a Gmail tab, minified and gzipped (level 9). InboxSDK counts its content-script bundle and its page-world script; gmail-js needs jQuery.\n\n' +
      table(['integration', 'gzip'], [['Touchbase content script', kb(ours)], ['@inboxsdk/core 2.2.26 (content + pageWorld)', kb(inboxsdk)], ['gmail-js 1.1.16 + jQuery 4.0.0', kb(gmailjs)]]),
  );
});
