import { afterAll, beforeAll, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { deriveProspect } from '../../src/domain/derive';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Prospect } from '../../src/domain/types';
import { command, readProspects, sleep, writeRecords } from '../e2e/extension';
import { ms, stats, table, writeSection } from './report';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
const sections: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
});
afterAll(async () => {
  await browser?.close();
  writeSection('3-reminders', 'Reminders', sections.join('\n\n'));
});

it('how late reminders fire', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  const start = Date.now() + 5_000;
  const created: Prospect[] = [];
  for (let i = 0; i < 100; i++) {
    created.push(await command(page, 'prospect.create', { email: `late${i}@bench.test`, mailbox: '', snoozedUntil: start + i * 300 }));
  }
  const deadline = start + 100 * 300 + 30_000;
  let stored: Prospect[] = [];
  while (Date.now() < deadline) {
    stored = await readProspects(page);
    if (stored.every((p) => p.notified)) break;
    await sleep(500);
  }
  const lateness = stored.filter((p) => p.notified).map((p) => p.notified!.at - p.notified!.dueAt);
  const s = stats(lateness);
  sections.push(
    '100 prospects falling due 300 ms apart; lateness = when the reminder was shown − its due time.\n\n' +
      table(['reminders shown', 'median', 'p95', 'worst'], [[`${lateness.length} / 100`, ms(s.median), ms(s.p95), ms(s.worst)]]),
  );
  await page.close();
});

it('cost of re-arming with 10,000 prospects', async () => {
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  const now = Date.now();
  const day = 86_400_000;
  // Every due instance is already notified, as in a profile used for months: the run must not
  // read them again (the pending-reminder index holds none of them).
  const records = Array.from({ length: 10_000 }, (_, i) => {
    const base = {
      id: `bench-${i}`, email: `p${i}@bench.test`, mailbox: 'rep@example.com', name: `Prospect ${i}`, company: 'Bench', stageId: ['new', 'contacted', 'proposal', 'won', 'nurture'][i % 5]!,
      value: 1000 + i, currency: 'EUR', decisionMaker: 'unknown' as const, expectedCloseDate: null, channel: 'email' as const, cadenceDays: null, nextMeetingAt: null,
      snoozedUntil: null, notes: '', threads: [], createdAt: now - (i % 400) * day, updatedAt: now, stageEnteredAt: now - (i % 400) * day,
    };
    const dueAt = deriveProspect(base, [], DEFAULT_SETTINGS).dueAt;
    return deriveProspect(dueAt === undefined ? base : { ...base, notified: { dueAt, at: now } }, [], DEFAULT_SETTINGS);
  });
  for (let i = 0; i < records.length; i += 2_000) await writeRecords(page, { prospects: records.slice(i, i + 2_000) });
  const worker = browser.context.serviceWorkers()[0]!;
  const durations: number[] = [];
  for (let run = 0; run < 7; run++) {
    await worker.evaluate(() => chrome.alarms.onAlarm.dispatch({ name: 'touchbase-due', scheduledTime: Date.now(), persistAcrossSessions: true }));
    await sleep(800);
    const measured = await worker.evaluate(() => performance.getEntriesByName('touchbase:reconcile').at(-1)?.duration ?? NaN);
    durations.push(measured);
  }
  const due = records.filter((p) => (p.dueAt ?? Infinity) <= now).length;
  const s = stats(durations.slice(1));
  sections.push(
    `One scheduler run (read due, notify new, badge, arm alarm) with 10,000 prospects in the store, ${due} of them due and already notified; 6 runs after a warm-up. Nothing is read for the pending reminders (a sparse index holds none); the badge is two counts of the dueAt index (src/domain/dueCounts.ts says why they equal the popup's sections), which IndexedDB makes by walking the index without reading a record: the cost grows with what is due, not with the store.\n\n` +
      table(['prospects', 'due now', 'median', 'worst'], [['10,000', due, ms(s.median), ms(s.worst)]]),
  );
  await page.close();
});
