import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { command, readProspects, readTouches } from './extension';
import { rowStates } from './gmail';

/**
 * Chips on a Gmail page captured from real Gmail (test/fixtures/gmail/SOURCES.md), served at
 * https://mail.google.com: an inbox of 2014 whose rows carry no thread ids, so chips can only
 * come from the sender's address. The page is served with the title Gmail shows while it boots
 * ("Gmail"): the rep's address arrives in the title later, as in real Gmail.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

const CAPTURED = join(import.meta.dirname, '../fixtures/gmail/captured/inboxsdk-2014-inbox.html');
/** InboxSDK's captured row literals, one main pane each (a default row, two vertical-pane threads). */
const CAPTURED_ROWS = join(import.meta.dirname, '../fixtures/gmail/captured/inboxsdk-2014-thread-rows.html');
/** A new-message window of real Gmail, 2020, no recipient typed (published as a bare fragment). */
const CAPTURED_COMPOSE = join(import.meta.dirname, '../fixtures/gmail/captured/js-min-2020-compose.html');
/** The signed-in account of the captured page, and two senders in its rows. */
const REP = 'streak.web.test.1@gmail.com';
const TRACKED = 'news@twilio.com';
const ALSO_TRACKED = 'cowan@streak.com';

let browser: Launched;
let gmail: Page;
let popup: Page;
const logged: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  const page = (await readFile(CAPTURED, 'utf8')).replace(/<title>[^<]*<\/title>/, '<title>Gmail</title>');
  const rowsPage = (await readFile(CAPTURED_ROWS, 'utf8')).replace(/<title>[^<]*<\/title>/, `<title>Inbox - ${REP} - Gmail</title>`);
  // The fragment goes into a page of its own, titled as Gmail titles a signed-in tab.
  const composePage = `<!doctype html><html><head><title>Inbox - ${REP} - Gmail</title></head><body>${await readFile(CAPTURED_COMPOSE, 'utf8')}</body></html>`;
  await browser.context.route('https://mail.google.com/**', (route) => {
    const { pathname } = new URL(route.request().url());
    const pages: Record<string, string> = { '/mail/u/0/': page, '/mail/u/1/': rowsPage, '/mail/u/2/': composePage };
    const body = Object.entries(pages).find(([prefix]) => pathname.startsWith(prefix))?.[1] ?? null;
    return body === null
      ? route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in the capture' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  for (const email of [TRACKED, ALSO_TRACKED]) await command(popup, 'prospect.create', { email, name: '', mailbox: REP, stageId: 'qualified' });
  const ids = new Map((await readProspects(popup)).map((p) => [p.email, p.id]));
  expect(ids.size).toBe(2);
  gmail = await browser.context.newPage();
  gmail.on('console', (message) => logged.push(message.text()));
});
afterAll(async () => browser?.close());

/** The prospect each row should show: the one whose address is among the row's people. */
async function expectedChips(): Promise<(string | null)[]> {
  const rows = await rowStates(gmail);
  return rows.map((row) => (row.emails.includes(TRACKED) ? TRACKED : row.emails.includes(ALSO_TRACKED) ? ALSO_TRACKED : null));
}

describe('a captured 2014 Gmail inbox', () => {
  it('gets chips by sender address as soon as the title names the rep, not before', async () => {
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.locator('div[role=main] tr.zA').first().waitFor();
    const expected = await expectedChips();
    expect(expected.filter(Boolean).length).toBe(7);
    // The title still reads "Gmail": the content script has looked and logged that miss; no chip yet.
    await expect.poll(() => logged.some((text) => text.includes('not in the title yet'))).toBe(true);
    expect((await rowStates(gmail)).every((row) => row.chips.length === 0)).toBe(true);
    await gmail.evaluate((rep) => (document.title = `Inbox (41) - ${rep} - Gmail`), REP);
    const prospects = new Map((await readProspects(popup)).map((p) => [p.id, p.email]));
    await expect
      .poll(async () => (await rowStates(gmail)).map((row) => (row.chips.length === 1 ? (prospects.get(row.chips[0]!.prospectId ?? '') ?? '?') : row.chips.length ? 'many' : null)))
      .toEqual(expected);
  });

  it('puts one chip per thread on captured vertical-pane rows, beside the subject in the thread\'s second row', async () => {
    const rows = await browser.context.newPage();
    await rows.goto('https://mail.google.com/mail/u/1/#inbox');
    const prospects = new Map((await readProspects(popup)).map((p) => [p.email, p.id]));
    /** Per captured case: for each tr of the pane, the prospect ids of the chips in it. */
    const chipsByRow = () =>
      rows.evaluate(() =>
        Object.fromEntries(
          [...document.querySelectorAll('[data-case]')].map((pane) => [
            pane.getAttribute('data-case'),
            [...pane.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('[data-touchbase="chip"]')].map((chip) => chip.getAttribute('data-prospect-id'))),
          ]),
        ),
      );
    const cowan = prospects.get(ALSO_TRACKED)!;
    // cowan@streak.com is tracked, Streak Bot is not: the default row and the three-row thread get
    // one chip each, in the row holding the subject; the continuation rows are not threads of their own.
    await expect.poll(chipsByRow).toEqual({ horizontal: [[cowan]], vertical: [[], [cowan], []], 'vertical-no-snippet': [[], []] });
    await rows.close();
  });
});

describe('a captured 2020 Gmail compose window', () => {
  it('gets the follow-up control beside its Send button once the rep clicks into the draft', async () => {
    await gmail.goto('https://mail.google.com/mail/u/2/#inbox?compose=new');
    // Found by its id in the capture, not by the adapter's hooks.
    const nextToSend = () => gmail.evaluate(() => document.getElementById(':79')?.nextElementSibling?.getAttribute('data-touchbase') ?? null);
    expect(await nextToSend()).toBeNull();
    await gmail.locator('[contenteditable="true"][role="textbox"]').click();
    await expect.poll(nextToSend).toBe('follow-up');
  });

  it('sent with no recipient typed: logs one miss, records nothing and leaves the page working', async () => {
    await gmail.locator('[id=":79"]').click();
    await expect.poll(() => logged.filter((line) => line.includes('gmail: draft without recipients')).length).toBe(1);
    expect(await readTouches(popup)).toEqual([]);
    expect((await readProspects(popup)).map((p) => p.email).sort()).toEqual([ALSO_TRACKED, TRACKED].sort());
  });
});
