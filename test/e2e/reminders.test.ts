import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { WorkerControl } from './cdp';
import { command, prospectById, readProspects, readTouches, sleep } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let page: Page;

const REP = 'rep@example.com';
const THREAD = '18bc1a2b3c4d5e6f';

async function open(): Promise<void> {
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
}

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('https://mail.google.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Inbox - ${REP} - Gmail</title><p>mail</p>` }),
  );
  await open();
});
afterAll(async () => browser?.close());

/** A prospect whose reminder falls due `inMs` from now (a snooze ending then). */
async function dueIn(email: string, inMs: number, withThread = true) {
  return command(page, 'prospect.create', {
    email,
    mailbox: REP,
    name: email.split('@')[0] ?? email,
    company: 'Acme',
    snoozedUntil: Date.now() + inMs,
    ...(withThread ? { thread: { threadId: THREAD, mailbox: REP, subject: 'Pricing' } } : {}),
  });
}

async function waitForReminder(id: string, timeoutMs = 20_000) {
  const started = Date.now();
  for (;;) {
    const prospect = await prospectById(page, id);
    if (prospect?.notified) return prospect;
    if (Date.now() - started > timeoutMs) throw new Error(`no reminder for ${id} within ${timeoutMs} ms`);
    await sleep(250);
  }
}

const worker = () => browser.context.serviceWorkers()[0]!;
const shown = () => worker().evaluate(() => chrome.notifications.getAll());

describe('reminders in real Chromium', () => {
  it('fires within seconds of the due time, once, and counts on the badge', async () => {
    const created = await dueIn('ana@acme.test', 2_000);
    const reminded = await waitForReminder(created.id);
    expect(reminded.notified!.at).toBeGreaterThanOrEqual(created.dueAt!);
    expect(Object.keys(await shown())).toContain(`due:${created.id}`);
    await expect.poll(() => worker().evaluate(() => chrome.action.getBadgeText({})), { timeout: 20_000 }).toBe('1');

    // Further wakes (commands, alarms) must not notify this instance again. The positive signal
    // that a later run has finished: the reminder of a prospect created after it was recorded.
    const later = await dueIn('someone-else@acme.test', 0);
    await waitForReminder(later.id);
    expect((await prospectById(page, created.id))?.notified).toEqual(reminded.notified);
  });

  it('still fires when the service worker was stopped before the due time', async () => {
    const created = await dueIn('bo@beta.test', 4_000);
    const cdp = await browser.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v: { runningStatus: string }) => v.runningStatus === 'stopped')) resolve();
      }),
    );
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    const reminded = await waitForReminder(created.id);
    expect(reminded.notified!.at).toBeGreaterThanOrEqual(created.dueAt!);
    await cdp.detach();
  });

  it('opens the thread in a new tab when no Gmail tab of that mailbox is open', async () => {
    const created = await dueIn('cy@gamma.test', 0);
    await waitForReminder(created.id);
    await worker().evaluate((id) => chrome.notifications.onClicked.dispatch(id), `due:${created.id}`);
    // Read the tab from the browser itself: a freshly created tab may show an error page before routing attaches.
    const expected = `https://mail.google.com/mail/u/rep%40example.com/#inbox/${THREAD}`;
    const tabUrls = () => worker().evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url));
    await expect.poll(tabUrls, { timeout: 20_000 }).toContain(expected);
    await worker().evaluate(async (url) => {
      const opened = (await chrome.tabs.query({})).filter((tab) => (tab.pendingUrl || tab.url) === url);
      await chrome.tabs.remove(opened.flatMap((tab) => (tab.id === undefined ? [] : [tab.id])));
    }, expected);
    await expect.poll(tabUrls, { timeout: 20_000 }).not.toContain(expected);
  });

  it('focuses and navigates an open Gmail tab of the mailbox instead of opening another', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    const created = await dueIn('dee@delta.test', 0);
    await waitForReminder(created.id);
    const pagesBefore = browser.context.pages().length;
    await worker().evaluate((id) => chrome.notifications.onClicked.dispatch(id), `due:${created.id}`);
    await expect.poll(() => gmail.url(), { timeout: 20_000 }).toBe(`https://mail.google.com/mail/u/0/#inbox/${THREAD}`);
    expect(browser.context.pages().length).toBe(pagesBefore);
    await gmail.close();
  });

  it('snoozes and logs a touch (once, however often pressed) from the notification buttons, updating the badge', async () => {
    const snoozeMe = await dueIn('eve@eps.test', 0);
    const logMe = await dueIn('fay@phi.test', 0);
    await waitForReminder(snoozeMe.id);
    await waitForReminder(logMe.id);
    const badgeBefore = Number(await worker().evaluate(() => chrome.action.getBadgeText({})));

    await worker().evaluate((id) => chrome.notifications.onButtonClicked.dispatch(id, 0), `due:${snoozeMe.id}`);
    await expect.poll(async () => (await prospectById(page, snoozeMe.id))?.snoozedUntil ?? 0, { timeout: 20_000 }).toBeGreaterThan(Date.now());

    // Pressed twice (a double click, or a click replayed after a worker restart): one touch.
    await worker().evaluate((id) => {
      chrome.notifications.onButtonClicked.dispatch(id, 1);
      chrome.notifications.onButtonClicked.dispatch(id, 1);
    }, `due:${logMe.id}`);
    await expect.poll(async () => (await prospectById(page, logMe.id))?.touchCount, { timeout: 20_000 }).toBe(1);
    const touches = (await readTouches(page)).filter((t) => t.prospectId === logMe.id);
    expect(touches).toMatchObject([{ source: 'notification', direction: 'outbound', channel: 'email' }]);
    await expect.poll(async () => Number(await worker().evaluate(() => chrome.action.getBadgeText({}))), { timeout: 20_000 }).toBe(badgeBefore - 2);
  });
});

/**
 * What may be on screen, from the rule: at most one notification per prospect, only for a
 * prospect whose current due instance has come and was notified, and at most one summary, which
 * is there only when someone due has no notification of their own.
 */
function checkOnScreen(live: readonly string[], prospects: readonly Prospect[], now: number) {
  const current = new Set(prospects.filter((p) => p.dueAt !== undefined && p.dueAt <= now && p.notified?.dueAt === p.dueAt).map((p) => p.id));
  const singles = live.filter((id) => id !== 'summary');
  for (const id of singles) expect(id).toMatch(/^due:/);
  const shownFor = singles.map((id) => id.slice('due:'.length));
  expect(new Set(shownFor).size).toBe(shownFor.length);
  expect(shownFor.filter((id) => !current.has(id))).toEqual([]);
  const summaries = live.filter((id) => id === 'summary').length;
  expect(summaries).toBeLessThanOrEqual(1);
  if (summaries === 1) expect(current.size).toBeGreaterThan(shownFor.length);
}

describe('one notification per prospect, in real Chromium', () => {
  let demo: Launched;
  let popup: Page;
  const onScreen = async () => Object.keys(await popup.evaluate(() => chrome.notifications.getAll()));
  /** Chained scheduler runs: once a prospect created now has its reminder recorded, every earlier run is over. */
  async function schedulerSettled(): Promise<string> {
    const sentinel = await command(popup, 'prospect.create', { email: `sentinel-${Date.now()}@settle.test`, mailbox: REP, snoozedUntil: Date.now() });
    // A plain loop: this also runs in beforeAll, where expect.poll is not available.
    for (const started = Date.now(); (await prospectById(popup, sentinel.id))?.notified?.dueAt !== sentinel.dueAt; await sleep(250)) {
      if (Date.now() - started > 20_000) throw new Error('the scheduler did not record a reminder due now within 20 s');
    }
    return sentinel.id;
  }

  beforeAll(async () => {
    demo = await launchWithExtension();
    await demo.context.route('https://mail.google.com/**', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<!doctype html><title>Inbox - ${REP} - Gmail</title><p>mail</p>` }),
    );
    popup = await demo.context.newPage();
    await popup.goto(demo.extensionUrl('src/popup/index.html'));
    await seedDemoProspects(popup);
    await schedulerSettled();
  });
  afterAll(async () => demo?.close());

  it('after seeding the demo: one notification per prospect due, none for anyone else', async () => {
    const live = await onScreen();
    const prospects = await readProspects(popup);
    checkOnScreen(live, prospects, Date.now());
    // Seeded one by one, each due prospect (the sentinel included) came due in a run of its own: shown alone.
    const dueNow = prospects.filter((p) => p.dueAt !== undefined && p.dueAt <= Date.now());
    expect(dueNow.length).toBeGreaterThan(3);
    expect(live.sort()).toEqual(dueNow.map((p) => `due:${p.id}`).sort());
  });

  it('a touch logged from the popup takes the prospect’s notification away; a late button press logs nothing', async () => {
    const single = (await onScreen()).find((id) => id.startsWith('due:'))!;
    const prospectId = single.slice('due:'.length);
    const before = (await readTouches(popup)).filter((t) => t.prospectId === prospectId).length;
    await command(popup, 'touch.log', { prospectId, channel: 'email', direction: 'outbound', source: 'manual', note: '' });
    await expect.poll(onScreen, { timeout: 20_000 }).not.toContain(single);
    checkOnScreen(await onScreen(), await readProspects(popup), Date.now());

    // The notification's Log touch pressed after the touch (a notification left on another
    // screen, a press replayed after a worker restart): it opens the prospect instead.
    const tabUrls = () => popup.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url));
    const worker = demo.context.serviceWorkers()[0]!;
    await worker.evaluate((id) => chrome.notifications.onButtonClicked.dispatch(id, 1), single);
    await expect.poll(tabUrls, { timeout: 20_000 }).toContain(demo.extensionUrl(`src/popup/index.html#prospect=${prospectId}`));
    expect((await readTouches(popup)).filter((t) => t.prospectId === prospectId).length).toBe(before + 1);
  });

  it('a snooze takes the prospect’s notification away', async () => {
    const single = (await onScreen()).find((id) => id.startsWith('due:'))!;
    const id = single.slice('due:'.length);
    await command(popup, 'prospect.update', { id, patch: { snoozedUntil: Date.now() + 86_400_000 } });
    await expect.poll(onScreen, { timeout: 20_000 }).not.toContain(single);
    checkOnScreen(await onScreen(), await readProspects(popup), Date.now());
  });

  it('a worker stopped and woken again shows nothing twice', async () => {
    const before = await onScreen();
    const control = await WorkerControl.attach(demo.context, popup);
    await control.stop();
    const sentinel = await schedulerSettled();
    await control.detach();
    const after = await onScreen();
    checkOnScreen(after, await readProspects(popup), Date.now());
    // The woken worker's runs added the reminder that woke it, and nothing else.
    expect(after.filter((id) => !before.includes(id))).toEqual([`due:${sentinel}`]);
  });

  it('a decision (Lost) takes the prospect’s notification away, and deleting all data takes every one away', async () => {
    const single = (await onScreen()).find((id) => id.startsWith('due:'));
    if (single === undefined) throw new Error('expected a reminder of its own on screen');
    await command(popup, 'prospect.decide', { id: single.slice('due:'.length), outcome: 'lost' });
    await expect.poll(onScreen, { timeout: 20_000 }).not.toContain(single);
    checkOnScreen(await onScreen(), await readProspects(popup), Date.now());

    await command(popup, 'data.deleteAll', {});
    await expect.poll(onScreen, { timeout: 20_000 }).toEqual([]);
  });
});

describe('across browser restarts and extension updates', () => {
  it('notifies on start-up', async () => {
    const first = await launchWithExtension();
    const popup = await first.context.newPage();
    await popup.goto(first.extensionUrl('src/popup/index.html'));
    const created = await command(popup, 'prospect.create', { email: 'late@acme.test', mailbox: REP, snoozedUntil: Date.now() + 2_500 });
    await first.close();
    await sleep(3_500);

    const second = await launchWithExtension({ profile: first.profile });
    try {
      const again = await second.context.newPage();
      await again.goto(second.extensionUrl('src/popup/index.html'));
      let reminded;
      for (let i = 0; i < 60 && !reminded?.notified; i++) {
        reminded = await prospectById(again, created.id);
        await sleep(250);
      }
      expect(reminded?.notified?.dueAt).toBe(created.dueAt);
      expect(reminded!.notified!.at).toBeGreaterThan(created.dueAt!);
    } finally {
      await second.close();
    }
  });

  it('re-arms after an extension update and fires on time', async () => {
    // An update is the same profile starting a newer build; Chrome may clear alarms on update.
    const dist = mkdtempSync(join(tmpdir(), 'touchbase-update-'));
    cpSync('dist/chrome', dist, { recursive: true });
    const first = await launchWithExtension({ dist });
    const popup = await first.context.newPage();
    await popup.goto(first.extensionUrl('src/popup/index.html'));
    // Due well after the restart, even on a loaded machine: the alarm must be armed for it.
    const created = await command(popup, 'prospect.create', { email: 'update@acme.test', mailbox: REP, snoozedUntil: Date.now() + 30_000 });
    await first.close();

    const manifestPath = join(dist, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '99.0.0' }));
    const second = await launchWithExtension({ dist, profile: first.profile });
    try {
      const again = await second.context.newPage();
      await again.goto(second.extensionUrl('src/popup/index.html'));
      expect(await again.evaluate(() => chrome.runtime.getManifest().version)).toBe('99.0.0');
      await expect
        .poll(() => again.evaluate(() => chrome.alarms.get('touchbase-due').then((a) => a?.scheduledTime ?? null)), { timeout: 20_000 })
        .toBe(created.dueAt);
      let reminded;
      for (const giveUpAt = created.dueAt! + 30_000; Date.now() < giveUpAt && !reminded?.notified; ) {
        reminded = await prospectById(again, created.id);
        await sleep(250);
      }
      expect(reminded?.notified?.dueAt).toBe(created.dueAt);
      expect(reminded!.notified!.at).toBeGreaterThanOrEqual(created.dueAt!);
    } finally {
      await second.close();
    }
  });
});
