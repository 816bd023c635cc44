// Reminders in real Firefox, whose background is an event page that Firefox suspends when idle
// (here after one second): a reminder that falls due is shown as a notification, without buttons
// (Firefox has none), even though the page that scheduled it was unloaded in between, and nothing
// stored is lost. Clicking a notification cannot be simulated from WebDriver BiDi here.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command, launch, openExtensionPage, until, type Launched } from './firefox';

const REP = 'rep@example.com';
const THREAD = '18bc1a2b3c4d5e6f';
let firefox: Launched;
let page: Page;

type Notifications = Record<string, { title?: string; message?: string; buttons?: unknown }>;
type ExtensionGlobal = { browser: { runtime: { getBackgroundPage(): Promise<Window & { touchbaseTestMark?: string }> }; notifications: { getAll(): Promise<Notifications> } } };

beforeAll(async () => {
  firefox = await launch({ 'extensions.background.idle.timeout': 1000 });
  page = await openExtensionPage(firefox.browser, firefox.extensionUrl('src/popup/index.html'));
});
afterAll(async () => firefox?.close());

async function prospect(email: string) {
  const { prospects } = await command(page, 'lookup', { mailbox: REP, threadIds: [], emails: [email] });
  return prospects[0]!;
}

describe('reminders in Firefox', () => {
  it('fire after the event page was suspended, as a notification without buttons, losing nothing', async () => {
    const created = await command(page, 'prospect.create', {
      email: 'ana@acme.test',
      mailbox: REP,
      name: 'Ana Acme',
      company: 'Acme',
      snoozedUntil: Date.now() + 6_000,
      thread: { threadId: THREAD, mailbox: REP, subject: 'Pricing' },
    });
    // A mark on the running background page: a new page (after a suspension) does not carry it.
    await page.evaluate(async () => void ((await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage()).touchbaseTestMark = 'before'));
    // Polled without messaging the background (a message would keep it awake).
    const shown = await until(async () => {
      const all = await page.evaluate(() => (globalThis as unknown as ExtensionGlobal).browser.notifications.getAll());
      return Object.values(all).find((notification) => notification.message?.includes('Ana Acme') || notification.title?.includes('Ana Acme'));
    }, 'the notification listed', 40_000);
    expect(shown.buttons).toBeUndefined();
    expect(await page.evaluate(async () => (await (globalThis as unknown as ExtensionGlobal).browser.runtime.getBackgroundPage()).touchbaseTestMark ?? 'restarted')).toBe('restarted');
    const stored = await prospect(created.email);
    expect(stored).toMatchObject({ name: 'Ana Acme', company: 'Acme', threadIds: [THREAD] });
    expect(stored.notified!.at).toBeGreaterThanOrEqual(created.dueAt!);
  });
});
