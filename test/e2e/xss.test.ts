import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';
import { addRows, fakeGmailHtml, inspectPage, INJECTED_SELECTOR, MARKUP_ADDRESSES, PAYLOADS, showThread, type Payload } from '../fixtures/xss-payloads';
import { cardText as cardTextOf, inCard, inContent } from './closedRoots';
import { command, readProspects } from './extension';

/**
 * Every payload of the corpus goes where Touchbase shows text: prospect names, companies and notes
 * (through the commands the popup sends), and Gmail's sender names, subjects and addresses (as
 * the page's own markup). Chips, the thread card, the popup and the notifications must show it as
 * text: no payload runs, none becomes an element, and the text reads exactly as written.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let ext: Page;
let gmail: Page;

const MAILBOX = 'rep@example.com';
/** Names and companies may hold 200 characters; longer payloads must be refused. */
const STORABLE = PAYLOADS.filter((p) => p.text.length <= 200);
const OVERSIZE = PAYLOADS.filter((p) => p.text.length > 200);
/** Reminders falling due together: at most three are shown one by one, more become a summary. */
const PER_WAKE = 3;
const WAKE_SPACING_MS = 2_500;

interface Tracked {
  readonly prospect: Prospect;
  readonly name: Payload;
  readonly company: Payload;
}
const tracked: Tracked[] = [];

const threadOf = (index: number) => `18bc1a2b3c4e${index.toString(16).padStart(4, '0')}`;
const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: fakeGmailHtml(MAILBOX) }));
  ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('src/popup/index.html'));
  // The notifications API gives back ids only, so the worker's calls are recorded to read their text.
  await browser.worker.evaluate(() => {
    const shown: chrome.notifications.NotificationOptions[] = [];
    const create = chrome.notifications.create.bind(chrome.notifications) as (...args: unknown[]) => unknown;
    Object.assign(globalThis, { __shown: shown });
    Object.assign(chrome.notifications, { create: (...args: unknown[]) => (shown.push(args[1] as chrome.notifications.NotificationOptions), create(...args)) });
  });
  // Two payloads per prospect (name and company) keeps the number of reminders, and so the run, short.
  const firstDue = Date.now() + 2_000;
  for (let index = 0; index * 2 < STORABLE.length; index++) {
    const name = STORABLE[index * 2]!;
    const company = STORABLE[index * 2 + 1] ?? STORABLE[0]!;
    const prospect = await command(ext, 'prospect.create', {
      email: `xss${index}@payload.test`,
      mailbox: MAILBOX,
      name: name.text,
      company: company.text,
      notes: name.text,
      snoozedUntil: firstDue + Math.floor(index / PER_WAKE) * WAKE_SPACING_MS,
      thread: { threadId: threadOf(index), mailbox: MAILBOX, subject: company.text },
    });
    tracked.push({ prospect, name, company });
  }
  gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
});
afterAll(async () => browser?.close());

const cardText = () => cardTextOf(gmail);

describe(`${PAYLOADS.length} injection payloads`, () => {
  it('are stored verbatim, and oversize text or markup addresses are refused with a message naming the field', async () => {
    expect(tracked.length).toBe(Math.ceil(STORABLE.length / 2));
    for (const { prospect, name, company } of tracked) expect([prospect.name, prospect.company, prospect.notes]).toEqual([name.text, company.text, name.text]);
    const attempts = [...OVERSIZE.flatMap((p) => [{ name: p.text }, { company: p.text }]), ...MARKUP_ADDRESSES.map((email) => ({ email }))];
    const refusals = await Promise.all(
      attempts.map((fields) => command(ext, 'prospect.create', { email: 'refused@payload.test', mailbox: MAILBOX, ...fields }).then(() => 'accepted', (error: Error) => error.message)),
    );
    expect(OVERSIZE.length).toBeGreaterThan(0);
    for (const [index, message] of refusals.entries()) {
      expect(message).toMatch('email' in attempts[index]! ? /: payload\.email: ".+" is not a valid email address$/s : /: payload\.(name|company): is longer than 200 characters$/);
    }
    expect((await readProspects(ext)).filter((p) => p.email.includes('refused'))).toEqual([]);
  });

  it('in Gmail sender names, subjects and addresses leave rows intact, with inert chips', async () => {
    const holder = (payload: Payload) => Math.max(0, Math.floor(STORABLE.indexOf(payload) / 2));
    const rows = PAYLOADS.map((payload, i) => ({
      key: payload.id,
      threadId: threadOf(holder(payload)),
      people: [{ email: `sender${i}@gmail.test`, name: payload.text }, { email: MARKUP_ADDRESSES[i % MARKUP_ADDRESSES.length]!, name: payload.text }],
      subject: payload.text,
    }));
    await gmail.evaluate(addRows, rows);
    const state = () =>
      gmail.evaluate(
        (keys) => keys.map((key) => {
          const row = document.querySelector(`tr[data-test-row="${key}"]`);
          return { chip: row?.querySelector('[data-touchbase="chip"]')?.getAttribute('data-prospect-id') ?? null, subject: row?.querySelector('.bog')?.textContent, name: row?.querySelector('[name]')?.getAttribute('name') };
        }),
        rows.map((row) => row.key),
      );
    const expected = PAYLOADS.map((payload) => ({ chip: tracked[holder(payload)]!.prospect.id, subject: payload.text, name: payload.text }));
    await expect.poll(state).toEqual(expected);
    expect(await inContent(gmail, inspectPage, INJECTED_SELECTOR)).toMatchObject({ pwned: null, injected: [] });
  });

  it('show as text on the thread card of each prospect, and in "Track as prospect"', async () => {
    const problems: unknown[] = [];
    for (const [index, { prospect, name, company }] of tracked.entries()) {
      await gmail.evaluate(showThread, { threadId: threadOf(index), subject: company.text, messages: [{ from: { email: prospect.email, name: name.text }, to: [] }] });
      await expect.poll(cardText).toContain(name.text);
      const text = (await cardText()) ?? '';
      const page = await inContent(gmail, inspectPage, INJECTED_SELECTOR);
      // The name shows in the heading and again as the note.
      const literal = text.split(name.text).length - 1 >= 2 && text.includes(`· ${company.text}`);
      if (!literal || page.pwned !== null || page.injected.length > 0) problems.push({ name: name.id, company: company.id, page });
    }
    expect(problems).toEqual([]);

    // Gmail's own names reach the card as the choice of whom to track.
    const senders = PAYLOADS.map((payload, i) => ({ email: `p${i}@senders.test`, name: payload.text }));
    const messages = senders.map((from, i) => ({ id: `18bc1a2b3c5f${i.toString(16).padStart(4, '0')}`, from, to: [{ email: MARKUP_ADDRESSES[i % MARKUP_ADDRESSES.length]!, name: from.name }] }));
    await gmail.evaluate(showThread, { threadId: '18bc1a2b3c5fffff', subject: PAYLOADS.map((p) => p.text).join(' '), messages });
    const options = () => inCard(gmail, (root) => [...root.querySelectorAll('option')].map((o) => o.textContent), undefined).catch(() => null);
    await expect.poll(options).toEqual(senders.map((s) => `${collapsed(s.name)} <${s.email}>`));
    expect(await inContent(gmail, inspectPage, INJECTED_SELECTOR)).toMatchObject({ pwned: null, injected: [] });
  });

  it('show as text in the popup, in its list, its accessible names and its error messages', async () => {
    const popup = await browser.context.newPage();
    // A payload that became markup in an extension page would be stopped by its CSP: count those too.
    await popup.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => document.documentElement.setAttribute('data-csp-blocked', e.violatedDirective)));
    await popup.goto(browser.extensionUrl('src/popup/index.html'));
    await popup.getByRole('searchbox', { name: 'Search prospects' }).fill('payload.test');
    // The matches keep their sections, eight at first in each: every "Show more" that appears is pressed.
    const more = popup.getByRole('button', { name: /^Show more/ });
    const shown = async () => {
      while ((await more.count()) > 0) await more.first().click();
      return popup.evaluate((ids) => ids.map((id) => {
        const item = document.querySelector(`li[data-prospect-id="${id}"]`);
        return [item?.querySelector('.name')?.textContent, item?.querySelector('.company')?.textContent, item?.querySelector('button')?.getAttribute('aria-label')];
      }), tracked.map((t) => t.prospect.id));
    };
    await expect.poll(shown).toEqual(tracked.map((t) => [t.name.text, t.company.text, `Log touch: ${t.name.text}`]));

    await popup.getByRole('button', { name: 'Add prospect' }).click();
    await popup.getByRole('form', { name: 'Add a prospect' }).getByLabel('Email', { exact: true }).fill(MARKUP_ADDRESSES[0]!);
    await popup.getByRole('form', { name: 'Add a prospect' }).getByRole('button', { name: 'Add prospect' }).click();
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain(`"${MARKUP_ADDRESSES[0]!.slice(0, 20)}`);
    expect(await popup.evaluate<ReturnType<typeof inspectPage>>(`(${inspectPage.toString()})(() => null, ${JSON.stringify(INJECTED_SELECTOR)})`)).toMatchObject({ pwned: null, injected: [] });
    expect(await popup.evaluate(() => document.documentElement.getAttribute('data-csp-blocked'))).toBeNull();
    await popup.close();
  });

  it('show as plain text in reminders', async () => {
    const notified = async () => (await readProspects(ext)).filter((p) => tracked.some((t) => t.prospect.id === p.id) && p.notified).length;
    await expect.poll(notified, { timeout: 30_000 }).toBe(tracked.length);
    const titles = await browser.worker.evaluate(() => (globalThis as unknown as { __shown?: { title: string }[] }).__shown?.map((n) => n.title) ?? null);
    expect(titles).not.toBeNull();
    expect(tracked.filter((t) => !titles!.includes(`${t.name.text} · ${t.company.text}`)).map((t) => [t.name.id, t.company.id])).toEqual([]);
    const ids = Object.keys(await browser.worker.evaluate(() => chrome.notifications.getAll()));
    expect(tracked.filter((t) => !ids.includes(`due:${t.prospect.id}`)).length).toBe(0);
  });
});
