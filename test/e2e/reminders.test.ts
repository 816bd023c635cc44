import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { command, prospectById, readTouches, sleep } from './extension';

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
    expect(reminded.notified!.at - created.dueAt!).toBeLessThan(5_000);
    expect(reminded.notified!.at).toBeGreaterThanOrEqual(created.dueAt!);
    expect(Object.keys(await shown())).toContain(`due:${created.id}:${created.dueAt}`);
    await expect.poll(() => worker().evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

    // Further wakes (commands, alarms) must not notify this instance again.
    await dueIn('someone-else@acme.test', 3_600_000);
    await sleep(500);
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
    expect(reminded.notified!.at - created.dueAt!).toBeLessThan(10_000);
    await cdp.detach();
  });

  it('opens the thread in a new tab when no Gmail tab of that mailbox is open', async () => {
    const created = await dueIn('cy@gamma.test', 0);
    await waitForReminder(created.id);
    await worker().evaluate((id) => chrome.notifications.onClicked.dispatch(id), `due:${created.id}:${created.dueAt}`);
    // Read the tab from the browser itself: a freshly created tab may show an error page before routing attaches.
    const expected = `https://mail.google.com/mail/u/rep%40example.com/#inbox/${THREAD}`;
    const tabUrls = () => worker().evaluate(async () => (await chrome.tabs.query({})).map((t) => t.pendingUrl || t.url));
    await expect.poll(tabUrls).toContain(expected);
    await worker().evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      if (tab?.id) await chrome.tabs.remove(tab.id);
    }, expected);
  });

  it('focuses and navigates an open Gmail tab of the mailbox instead of opening another', async () => {
    const gmail = await browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    const created = await dueIn('dee@delta.test', 0);
    await waitForReminder(created.id);
    const pagesBefore = browser.context.pages().length;
    await worker().evaluate((id) => chrome.notifications.onClicked.dispatch(id), `due:${created.id}:${created.dueAt}`);
    await expect.poll(() => gmail.url()).toBe(`https://mail.google.com/mail/u/0/#inbox/${THREAD}`);
    expect(browser.context.pages().length).toBe(pagesBefore);
    await gmail.close();
  });

  it('snoozes and logs a touch (once, however often pressed) from the notification buttons, updating the badge', async () => {
    const snoozeMe = await dueIn('eve@eps.test', 0);
    const logMe = await dueIn('fay@phi.test', 0);
    await waitForReminder(snoozeMe.id);
    await waitForReminder(logMe.id);
    const badgeBefore = Number(await worker().evaluate(() => chrome.action.getBadgeText({})));

    await worker().evaluate((id) => chrome.notifications.onButtonClicked.dispatch(id, 0), `due:${snoozeMe.id}:${snoozeMe.dueAt}`);
    await expect.poll(async () => (await prospectById(page, snoozeMe.id))?.snoozedUntil ?? 0).toBeGreaterThan(Date.now());

    // Pressed twice (a double click, or a click replayed after a worker restart): one touch.
    await worker().evaluate((id) => {
      chrome.notifications.onButtonClicked.dispatch(id, 1);
      chrome.notifications.onButtonClicked.dispatch(id, 1);
    }, `due:${logMe.id}:${logMe.dueAt}`);
    await expect.poll(async () => (await prospectById(page, logMe.id))?.touchCount).toBe(1);
    const touches = (await readTouches(page)).filter((t) => t.prospectId === logMe.id);
    expect(touches).toMatchObject([{ source: 'notification', direction: 'outbound', channel: 'email' }]);
    await expect.poll(async () => Number(await worker().evaluate(() => chrome.action.getBadgeText({})))).toBe(badgeBefore - 2);
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
    const created = await command(popup, 'prospect.create', { email: 'update@acme.test', mailbox: REP, snoozedUntil: Date.now() + 9_000 });
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
        .poll(() => again.evaluate(() => chrome.alarms.get('touchbase-due').then((a) => a?.scheduledTime ?? null)), { timeout: 10_000 })
        .toBe(created.dueAt);
      let reminded;
      for (let i = 0; i < 80 && !reminded?.notified; i++) {
        reminded = await prospectById(again, created.id);
        await sleep(250);
      }
      expect(reminded?.notified?.dueAt).toBe(created.dueAt);
      expect(reminded!.notified!.at - created.dueAt!).toBeLessThan(5_000);
    } finally {
      await second.close();
    }
  });
});
