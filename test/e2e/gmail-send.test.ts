import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Touch } from '../../src/domain/types';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, serveDemoMailbox } from '../demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { readProspects, readTouches } from './extension';

/**
 * Sends counted when they are sent: a message the rep sends to a tracked prospect is a
 * provisional touch as soon as Gmail shows its "sent" notice, becomes the real message once a
 * thread shows it (one touch, never two), and goes away on Undo. All input is trusted (real
 * mouse and keyboard through the DevTools protocol); the demo mailbox is served at
 * https://mail.google.com.
 */

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

let browser: Launched;
let popup: Page;
let gmail: Page;

const byStage = (stageId: string) => DEMO_PROSPECTS.find((p) => p.stageId === stageId)!;
const aroha = byStage('new');
const rahul = byStage('contacted');
const sofia = byStage('meeting');
const kenji = byStage('won');
const lena = byStage('qualified');
const olusegun = DEMO_PROSPECTS.find((p) => p.email.startsWith('olusegun'))!;
const chiamaka = DEMO_PROSPECTS.find((p) => p.email.startsWith('chiamaka'))!;
const mateus = byStage('negotiation');
const UNTRACKED = 'someone.new@elsewhere.example';

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemoMailbox(browser.context);
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await seedDemoProspects(popup);
  gmail = await browser.context.newPage();
});
afterAll(async () => browser?.close());

async function idOf(email: string): Promise<string> {
  return (await readProspects(popup)).find((p) => p.email === email)!.id;
}

async function touchesOf(email: string): Promise<Touch[]> {
  const id = await idOf(email);
  return (await readTouches(popup)).filter((t) => t.prospectId === id);
}

/** Opens the demo inbox and waits until the content script has annotated it (a chip shows). */
async function openInbox(query = ''): Promise<void> {
  await gmail.goto(`${DEMO_MAILBOX_URL}${query}#inbox`);
  await gmail.locator('div[role=main] tr.zA [data-touchbase="chip"]').first().waitFor();
}

/** Writes a new message in the compose window, as the rep types it; returns the window. */
async function compose(recipients: readonly string[], subject: string, page = gmail) {
  await page.locator('.T-I-KE[role=button]').click();
  const dialog = page.locator('div[role=dialog]');
  for (const address of recipients) {
    await dialog.locator('input.agP').fill(address);
    await dialog.locator('input.agP').press('Enter');
  }
  await dialog.locator('input[name=subjectbox]').fill(subject);
  await dialog.locator('textarea').fill('Hello, following up as promised.');
  return dialog;
}

describe('a message sent from the compose window', () => {
  it('is a provisional touch for each tracked recipient at once, and nothing for the others', async () => {
    await openInbox();
    const before = await readTouches(popup);
    const dialog = await compose([aroha.email, UNTRACKED], 'Kauri order for spring');
    const sentAt = Date.now();
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await touchesOf(aroha.email)).filter((t) => t.provisional === true).length).toBe(1);
    const [touch] = (await touchesOf(aroha.email)).filter((t) => t.provisional === true);
    expect(touch).toMatchObject({ direction: 'outbound', channel: 'email', source: 'gmail' });
    expect(touch!.messageId).toBeUndefined();
    expect(touch!.at).toBeGreaterThanOrEqual(sentAt - 1000);
    expect(touch!.at).toBeLessThanOrEqual(Date.now());
    // Only Aroha's touch was added; the untracked address got neither a touch nor a prospect.
    expect((await readTouches(popup)).length).toBe(before.length + 1);
    expect((await readProspects(popup)).some((p) => p.email === UNTRACKED)).toBe(false);
  });

  it('becomes the real message when the thread is opened: still one touch, with the message id', async () => {
    // The new thread tops the inbox; open it as the rep does.
    await gmail.locator('div[role=main] tr.zA', { hasText: 'Kauri order for spring' }).first().click();
    await gmail.locator('h2.hP').waitFor();
    const messageId = await gmail.locator('div.adn').last().getAttribute('data-legacy-message-id');
    expect(messageId).toMatch(/^[0-9a-f]{16}$/);
    await expect.poll(async () => (await touchesOf(aroha.email)).filter((t) => t.messageId === messageId).length).toBe(1);
    const sent = (await touchesOf(aroha.email)).filter((t) => t.source === 'gmail' && t.direction === 'outbound');
    // Aroha's seeded history has no outbound Gmail touch in the last minutes: the send is the only one near now.
    const recent = sent.filter((t) => t.at > Date.now() - 10 * 60_000);
    expect(recent).toHaveLength(1);
    expect(recent[0]).toMatchObject({ messageId });
    expect(recent[0]).not.toHaveProperty('provisional');
    // Leaving and opening the thread again shows the message again: the store already has it.
    await gmail.evaluate(() => (window as unknown as { __demo: { navigate(hash: string): void } }).__demo.navigate('#inbox'));
    await gmail.locator('div[role=main] tr.zA', { hasText: 'Kauri order for spring' }).first().click();
    await gmail.locator('h2.hP').waitFor();
    // The card is drawn after the pass that logs the thread's messages: a second touch would be stored by then.
    await gmail.locator('[data-touchbase="card"]').waitFor();
    expect((await touchesOf(aroha.email)).filter((t) => t.at > Date.now() - 10 * 60_000)).toHaveLength(1);
  });
});

describe('an inline reply', () => {
  it('sent with Ctrl+Enter is a touch at the notice, and the same one touch once Gmail gives it its id', async () => {
    // Gmail's server answers late here: the notice (and the provisional touch) come first.
    await gmail.goto(`${DEMO_MAILBOX_URL}?confirmMs=3000#inbox/${rahul.threadIds[0]}`);
    await gmail.locator('[data-touchbase="card"]').waitFor();
    const before = (await touchesOf(rahul.email)).length;
    await gmail.locator('div[role=main] .amn .bkH').click();
    await gmail.locator('div.M9 textarea').fill('Rahul, the revised quote is attached.');
    await gmail.locator('div.M9 textarea').press('Control+Enter');
    await expect.poll(async () => (await touchesOf(rahul.email)).filter((t) => t.provisional === true).length).toBe(1);
    const messageId = await (await gmail.waitForFunction(() => [...document.querySelectorAll('div.adn')].at(-1)?.getAttribute('data-legacy-message-id'))).jsonValue();
    await expect.poll(async () => (await touchesOf(rahul.email)).filter((t) => t.messageId === messageId && t.provisional !== true).length).toBe(1);
    const touches = await touchesOf(rahul.email);
    expect(touches.length).toBe(before + 1);
    expect(touches.filter((t) => t.provisional === true)).toEqual([]);
  });
});

describe('a reply whose real message Gmail shows before the sent notice', () => {
  it('is still one touch: the send finds its real touch already stored', async () => {
    // The notice comes two seconds after the reply gains its real id (300 ms).
    await gmail.goto(`${DEMO_MAILBOX_URL}?sendingMs=2000#inbox/${lena.threadIds[0]}`);
    await gmail.locator('[data-touchbase="card"]').waitFor();
    const before = (await touchesOf(lena.email)).length;
    await gmail.locator('div[role=main] .amn .bkH').click();
    await gmail.locator('div.M9 textarea').fill('Lena, the revised quote is attached.');
    await gmail.locator('div.M9 textarea').press('Control+Enter');
    const messageId = await (await gmail.waitForFunction(() => [...document.querySelectorAll('div.adn')].at(-1)?.getAttribute('data-legacy-message-id'))).jsonValue();
    await expect.poll(async () => (await touchesOf(lena.email)).filter((t) => t.messageId === messageId).length).toBe(1);
    await gmail.locator('#link_vsm').waitFor();
    // A later send to someone else: once its touch is stored, Lena's send has been handled too.
    const dialog = await compose([olusegun.email], 'Proposal, signed copy');
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await touchesOf(olusegun.email)).filter((t) => t.provisional === true).length).toBe(1);
    const touches = await touchesOf(lena.email);
    expect(touches.length).toBe(before + 1);
    expect(touches.filter((t) => t.provisional === true)).toEqual([]);
  });
});

describe('Undo, drafts and scripts', () => {
  it('a saved draft is no touch; Undo on the sent notice takes the send back; a script cannot send or undo for the rep', async () => {
    await openInbox();
    const sofiaBefore = (await touchesOf(sofia.email)).length;
    const kenjiBefore = (await touchesOf(kenji.email)).length;
    // A draft saved and closed: nothing is sent.
    await compose([kenji.email], 'Draft only');
    await gmail.locator('div[role=dialog] .Ha').click();
    // A page script pressing Send: Gmail (here the demo) sends it, but it is not the rep sending.
    const scripted = await compose([kenji.email], 'Sent by a script');
    await scripted.locator('div.aoO[role=button]').evaluate((button: HTMLElement) => button.click());
    await gmail.locator('#link_vsm').waitFor();
    // The rep's own send comes after both: once its touch is stored, theirs would be too.
    const dialog = await compose([sofia.email], 'Meeting agenda');
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await touchesOf(sofia.email)).filter((t) => t.provisional === true).length).toBe(1);
    expect((await touchesOf(kenji.email)).length).toBe(kenjiBefore);
    // A script clicking Undo does undo in the page (the draft reopens), but takes no touch back.
    await gmail.locator('#link_undo').evaluate((link: HTMLElement) => link.click());
    const reopened = gmail.locator('div[role=dialog]');
    await expect.poll(() => reopened.locator('input[name=subjectbox]').inputValue()).toBe('Meeting agenda');
    // The rep sends the reopened draft again: two sends, both counted (the first was never undone by the rep)…
    await reopened.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await touchesOf(sofia.email)).filter((t) => t.provisional === true).length).toBe(2);
    // …and undoes this one with a real click.
    await gmail.locator('#link_undo').click();
    await expect.poll(async () => (await touchesOf(sofia.email)).filter((t) => t.provisional === true).length).toBe(1);
    expect((await touchesOf(sofia.email)).length).toBe(sofiaBefore + 1);
  });
});

describe('a message sent from a pop-out window', () => {
  it('whose notice the opening tab shows is logged by that tab, once, though another Gmail tab is open; Undo there takes it back', async () => {
    // The demo's pop-out hands the send to the tab that opened it, which shows the notice, and closes.
    await openInbox('?popOutNotice=opener');
    // A second Gmail tab of the same mailbox: it is handed the send too, and never shows its notice.
    const other = await browser.context.newPage();
    await other.goto(`${DEMO_MAILBOX_URL}#inbox`);
    await other.locator('div[role=main] tr.zA [data-touchbase="chip"]').first().waitFor();
    const before = (await touchesOf(chiamaka.email)).length;
    const dialog = await compose([chiamaka.email], 'Site visit dates');
    const [window] = await Promise.all([browser.context.waitForEvent('page'), dialog.locator('.Hq.aUG[role=button]').click()]);
    await expect.poll(() => window.locator('div.M9 input[name=subjectbox]').inputValue()).toBe('Site visit dates');
    expect(new URL(window.url()).pathname).toBe('/mail/u/0/popout');
    // Our content script runs in the pop-out: its follow-up control shows beside Send once the rep clicks into the draft.
    await window.locator('div.M9 textarea').click();
    await window.locator('div.M9 [data-touchbase="follow-up"]').waitFor();
    const sentAt = Date.now();
    await Promise.all([window.waitForEvent('close'), window.locator('div.M9 div.aoO[role=button]').click()]);
    // The pop-out is gone; the tab that opened it shows the notice and logs the send.
    await gmail.locator('#link_vsm').waitFor();
    await expect.poll(async () => (await touchesOf(chiamaka.email)).filter((t) => t.provisional === true).length).toBe(1);
    const [touch] = (await touchesOf(chiamaka.email)).filter((t) => t.provisional === true);
    expect(touch).toMatchObject({ direction: 'outbound', channel: 'email', source: 'gmail' });
    expect(touch!.at).toBeGreaterThanOrEqual(sentAt - 1000);
    expect(touch!.at).toBeLessThanOrEqual(Date.now());
    // The other tab, still waiting for the pop-out's notice, sends a message of its own: its
    // notice is its own send's (Mateus), not the pop-out's a second time.
    const otherDialog = await compose([mateus.email], 'Contract, last page', other);
    const mateusBefore = (await touchesOf(mateus.email)).length;
    await otherDialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await touchesOf(mateus.email)).length).toBe(mateusBefore + 1);
    expect((await touchesOf(chiamaka.email)).length).toBe(before + 1);
    // The rep's Undo on the notice in the tab that logged it takes the touch back.
    await gmail.locator('#link_undo').click();
    await expect.poll(async () => (await touchesOf(chiamaka.email)).length).toBe(before);
    await other.close();
  });

  it('whose notice the pop-out shows itself is logged by the pop-out, once; Undo there takes it back', async () => {
    await openInbox();
    const before = (await touchesOf(sofia.email)).length;
    // An earlier test left Sofia one provisional touch (a send the rep did not undo).
    const provisionalBefore = (await touchesOf(sofia.email)).filter((t) => t.provisional === true).length;
    const dialog = await compose([sofia.email], 'Tasting menu, second round');
    const [window] = await Promise.all([browser.context.waitForEvent('page'), dialog.locator('.Hq.aUG[role=button]').click()]);
    await expect.poll(() => window.locator('div.M9 input[name=subjectbox]').inputValue()).toBe('Tasting menu, second round');
    await window.locator('div.M9 textarea').click();
    await window.locator('div.M9 [data-touchbase="follow-up"]').waitFor();
    await window.locator('div.M9 div.aoO[role=button]').click();
    await window.locator('#link_vsm').waitFor();
    await expect.poll(async () => (await touchesOf(sofia.email)).filter((t) => t.provisional === true).length).toBe(provisionalBefore + 1);
    // The opening tab sent it but shows no notice: it logs nothing, so the store holds one touch.
    expect(await gmail.locator('#link_vsm').count()).toBe(0);
    expect((await touchesOf(sofia.email)).length).toBe(before + 1);
    // The rep's Undo in the pop-out takes the touch back and reopens the draft there.
    await window.locator('#link_undo').click();
    await expect.poll(async () => (await touchesOf(sofia.email)).length).toBe(before);
    await expect.poll(() => window.locator('div.M9 input[name=subjectbox]').inputValue()).toBe('Tasting menu, second round');
    await window.close();
  });
});
