import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { CHANNELS, type Prospect } from '../../src/domain/types';
import { fakeGmailHtml, showThread } from '../fixtures/xss-payloads';
import { cardText, clickInCard, focusInCard, inCard, pressInCard } from './closedRoots';
import { command, readTouches } from './extension';

/**
 * The thread card is redrawn whenever its prospect changes elsewhere (the popup, another tab, an
 * email Gmail shows). The rep, meanwhile, is typing into it and clicking it: with real (trusted)
 * keyboard and mouse input, nothing they typed, picked or pressed may be lost to such a redraw.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let popup: Page;
let gmail: Page;
let ann: Prospect;

const MAILBOX = 'rep@redraw.test';
/** A redraw waits for a change event, a lookup and the recent touches: on a busy machine it takes a while. */
const REDRAW = { timeout: 15_000 };
const THREAD = '18bc1a2b3c4d6a01';

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: fakeGmailHtml(MAILBOX) }));
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  ann = await command(popup, 'prospect.create', { email: 'ann@redraw.test', mailbox: MAILBOX, name: 'Ann Able', company: 'Able Co', thread: { threadId: THREAD, mailbox: MAILBOX, subject: 'Pricing' } });
  gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await gmail.evaluate(showThread, { threadId: THREAD, subject: 'Pricing', messages: [{ from: { email: ann.email, name: 'Ann Able' }, to: [{ email: MAILBOX, name: 'me' }] }] });
});
afterAll(async () => browser?.close());

/** Changes Ann from the popup and waits until the card shows the change: the card has been redrawn. */
async function changeFromPopup(company: string): Promise<void> {
  await command(popup, 'prospect.update', { id: ann.id, patch: { company } });
  await expect.poll(() => cardText(gmail), REDRAW).toContain(company);
}

/** Gmail shows a new message from Ann in the open thread: it is logged as a touch, and the card redrawn. */
async function emailArrives(messageId: string): Promise<void> {
  await gmail.evaluate(
    ({ id, email }) => {
      const item = document.querySelector('div[role=main] div.thread .nH.hx')!.appendChild(document.createElement('div')).appendChild(document.createElement('div'));
      item.className = 'adn ads';
      item.setAttribute('data-legacy-message-id', id);
      const from = item.appendChild(document.createElement('span'));
      Object.assign(from, { className: 'gD', textContent: 'Ann Able' });
      from.setAttribute('email', email);
      from.setAttribute('name', 'Ann Able');
    },
    { id: messageId, email: ann.email },
  );
  await expect.poll(async () => (await readTouches(popup)).some((touch) => touch.messageId === messageId), REDRAW).toBe(true);
}

/** Whether the card shows everything (More open), as its More control tells a screen reader. */
const expanded = () => inCard(gmail, (root) => root.querySelector('button[aria-controls]')?.getAttribute('aria-expanded'), undefined);

const field = (name: string) =>
  inCard(gmail, (root, n) => ({ value: root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name=${n}]`)?.value, focused: root.activeElement?.getAttribute('name') === n }), name);

describe('a card redrawn while the rep works in it', () => {
  it('keeps the typed note, the focus and the picked channel, and logs exactly what the rep typed', async () => {
    await expect.poll(() => cardText(gmail), REDRAW).toContain('Able Co');
    // The note field is in the open card: More opens it, and the redraws below must keep it open.
    await clickInCard(gmail, 'button[aria-controls]');
    await expect.poll(expanded).toBe('true');
    // Picks the second channel with the keyboard, then types into the note field.
    await focusInCard(gmail, 'select[name=channel]');
    await gmail.keyboard.press('ArrowDown');
    await clickInCard(gmail, 'input[name=note]');
    await gmail.keyboard.type('Called about ');
    await changeFromPopup('Able Holdings');
    expect(await field('note')).toEqual({ value: 'Called about ', focused: true });
    await gmail.keyboard.type('the 40 seats');
    await emailArrives('18bc1a2b3c4d6a02');
    await expect.poll(() => cardText(gmail), REDRAW).toMatch(/← /); // the inbound touch is listed: redrawn again
    expect(await field('note')).toEqual({ value: 'Called about the 40 seats', focused: true });
    expect((await field('channel')).value).toBe(CHANNELS[1]);
    expect(await expanded()).toBe('true');
    await gmail.keyboard.press('Enter');
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.source === 'manual').map((t) => [t.note, t.channel])).toEqual([['Called about the 40 seats', CHANNELS[1]]]);
    // Logged: the field is emptied for the next note.
    await expect.poll(async () => (await field('note')).value).toBe('');
    // The redraw that lists the touch comes after, and moves the forms below the list down: the
    // next test clicks by position, so it waits for that layout.
    await expect.poll(() => cardText(gmail), REDRAW).toContain('Called about the 40 seats');
  });

  it('keeps a value the rep is editing, while values they did not touch follow the store', async () => {
    await clickInCard(gmail, 'input[name=days]');
    await gmail.keyboard.type('14');
    await command(popup, 'prospect.update', { id: ann.id, patch: { company: 'Able Group', cadenceDays: 30, nextMeetingAt: Date.UTC(2030, 0, 15, 9, 30) } });
    await expect.poll(() => cardText(gmail), REDRAW).toContain('Able Group');
    expect(await field('days')).toEqual({ value: '14', focused: true });
    expect((await field('at')).value).toMatch(/^2030-01-1[45]T\d\d:\d\d$/);
  });

  it('does not lose a click whose press lands before a redraw and whose release lands after it', async () => {
    const manual = async () => (await readTouches(popup)).filter((t) => t.source === 'manual').length;
    const before = await manual();
    await pressInCard(gmail, '[data-form=log] button');
    await changeFromPopup('Able International');
    await gmail.mouse.up();
    await expect.poll(manual).toBe(before + 1);
  });
});

describe('a popup item that moves to another section while the rep types in its panel', () => {
  it('comes back with its Log touch panel open, the note typed so far and the focus', async () => {
    const DAY = 86_400_000;
    const cleo = await command(popup, 'prospect.create', { email: 'cleo@redraw.test', mailbox: MAILBOX, name: 'Cleo Clay' });
    await command(popup, 'touch.log', { prospectId: cleo.id, channel: 'email', direction: 'outbound', source: 'manual', note: '', at: Date.now() - 40 * DAY });
    const list = await browser.context.newPage();
    await list.setViewportSize({ width: 400, height: 600 });
    await list.goto(browser.extensionUrl('src/popup/index.html'));
    const item = (section: RegExp) => list.getByRole('region', { name: section }).getByRole('listitem', { name: 'Cleo Clay' });
    await item(/Overdue/).waitFor();
    await list.getByRole('button', { name: 'Log touch: Cleo Clay' }).click();
    const panel = list.getByRole('group', { name: 'Log touch: Cleo Clay' });
    await panel.getByRole('textbox').click();
    await list.keyboard.type('Left a voicemail');
    // Another window snoozes Cleo: the item moves from Overdue to the next seven days.
    await command(popup, 'prospect.update', { id: cleo.id, patch: { snoozedUntil: Date.now() + 3 * DAY } });
    await item(/Next 7 days/).waitFor();
    expect(await panel.count()).toBe(1);
    expect(await panel.getByRole('textbox').inputValue()).toBe('Left a voicemail');
    expect(await list.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Note');
    await list.keyboard.type(', will call back');
    await panel.getByRole('button', { name: 'Phone' }).click();
    await expect
      .poll(async () => (await readTouches(popup)).filter((t) => t.prospectId === cleo.id && t.channel === 'phone').map((t) => t.note))
      .toEqual(['Left a voicemail, will call back']);
    await list.close();
  });
});
