import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Settings } from '../../src/domain/settings';
import { DEMO_MAILBOX_URL, DEMO_PROSPECTS, serveDemoMailbox } from '../demo-mailbox/serve.mjs';
import { seedDemoProspects } from '../demo-mailbox/seed.mjs';
import { inContent } from './closedRoots';
import { command, readProspects, readTouches } from './extension';

/**
 * *Follow up in N days if no reply* beside Gmail's send button: offered with the prospect's
 * cadence, operated with the keyboard alone (trusted keys), applied only when the message is
 * sent; for a draft to no tracked person, *Track and remind* tracks them at the send and never
 * for a draft that was only saved.
 */

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Launched;
let popup: Page;
let gmail: Page;
let settings: Settings;

const mateus = DEMO_PROSPECTS.find((p) => p.stageId === 'negotiation')!;
const chiamaka = DEMO_PROSPECTS.find((p) => p.email.startsWith('chiamaka'))!;

beforeAll(async () => {
  browser = await launchWithExtension();
  await serveDemoMailbox(browser.context);
  popup = await browser.context.newPage();
  await popup.goto(browser.extensionUrl('src/popup/index.html'));
  await seedDemoProspects(popup);
  settings = await command(popup, 'settings.get', {});
  gmail = await browser.context.newPage();
  await gmail.goto(`${DEMO_MAILBOX_URL}#inbox`);
  await gmail.locator('div[role=main] tr.zA [data-touchbase="chip"]').first().waitFor();
});
afterAll(async () => browser?.close());

const DAY = 24 * 60 * 60 * 1000;
const working = (date: Date) => settings.workingDays.includes(date.getDay());

/** The rule, written here: N calendar days after the send, at the reminder hour, on that day or the next working day. */
function expectedFollowUp(sentAt: number, days: number): number {
  const date = new Date(sentAt);
  date.setDate(date.getDate() + days);
  date.setHours(settings.reminderHour, 0, 0, 0);
  while (!working(date)) date.setDate(date.getDate() + 1);
  return date.getTime();
}

/** Calendar days from today to `count` working days ahead (today never counts). */
function workingDaysAhead(count: number): number {
  const date = new Date();
  date.setHours(12, 0, 0, 0);
  const start = date.getTime();
  for (let left = count; left > 0; ) {
    date.setDate(date.getDate() + 1);
    if (working(date)) left -= 1;
  }
  return Math.round((date.getTime() - start) / DAY);
}

async function compose(address: string, subject: string) {
  await gmail.locator('.T-I-KE[role=button]').click();
  const dialog = gmail.locator('div[role=dialog]');
  await dialog.locator('input.agP').fill(address);
  await dialog.locator('input.agP').press('Enter');
  await dialog.locator('input[name=subjectbox]').fill(subject);
  return dialog;
}

interface ControlState {
  beside: boolean;
  label: string;
  days: string;
  daysName: string | null;
}

/** The control in the open draft, read from the content script's world (its root is closed). */
function control(page = gmail): Promise<ControlState | null> {
  return inContent(page, (open) => {
    const host = document.querySelector('div[role=dialog] [data-touchbase="follow-up"]');
    const root = open(host);
    if (!host || !root) return null;
    return {
      beside: host.previousElementSibling?.matches('div.aoO[role=button]') ?? false,
      label: root.querySelector('label')?.textContent ?? '',
      days: root.querySelector<HTMLInputElement>('input[type=number]')?.value ?? '',
      daysName: root.querySelector('input[type=number]')?.getAttribute('aria-label') ?? null,
    };
  }, undefined).catch(() => null);
}

/** Gives the focus to one of the control's inputs; the keys that follow are the rep's own. */
function focusControl(selector: string, page = gmail): Promise<void> {
  return inContent(page, (open, sel) => open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))?.querySelector<HTMLElement>(sel)?.focus(), selector);
}

/** The type of the control's input that has the keyboard focus, or null. */
function focusedInControl(): Promise<string | null> {
  return inContent(gmail, (open) => (open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))?.activeElement as HTMLInputElement | null)?.type ?? null, undefined);
}

/** axe-core on a copy of the control's markup in an open root (axe cannot enter a closed one). */
async function axeOnControl(): Promise<string[]> {
  await inContent(gmail, (open) => {
    const root = open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))!;
    const copy = document.createElement('div');
    copy.id = 'axe-copy';
    const shadow = copy.attachShadow({ mode: 'open' });
    for (const child of root.children) shadow.append(child.cloneNode(true));
    document.body.append(copy);
  }, undefined);
  await gmail.evaluate(axeSource);
  const violations = await gmail.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['#axe-copy']] }, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.filter((v) => v.id !== 'region').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  await gmail.evaluate(() => document.getElementById('axe-copy')?.remove());
  return violations;
}

describe('follow-up set while writing', () => {
  it('offers a tracked prospect their agreed cadence beside Send, is axe-clean, works by keyboard and sets the follow-up at the send', async () => {
    const stored = (await readProspects(popup)).find((p) => p.email === mateus.email)!;
    await command(popup, 'prospect.update', { id: stored.id, patch: { cadenceDays: 10 } });
    const dialog = await compose(mateus.email, 'Contract redlines');
    await dialog.locator('textarea').focus();
    await expect.poll(control).toEqual({ beside: true, label: 'Follow up if no reply, in days:', days: '10', daysName: 'Days until the follow-up' });
    expect(await axeOnControl()).toEqual([]);
    // Control: the same check does report a control whose number field has no name.
    await inContent(gmail, (open) => open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))?.querySelector('input[type=number]')?.removeAttribute('aria-label'), undefined);
    expect((await axeOnControl()).join()).toMatch(/label/);
    await inContent(gmail, (open) => open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))?.querySelector('input[type=number]')?.setAttribute('aria-label', 'Days until the follow-up'), undefined);
    // Keyboard only: Tab from Send reaches the box, Space ticks it, Tab moves to the number, typed over.
    await dialog.locator('div.aoO[role=button]').focus();
    await gmail.keyboard.press('Tab');
    expect(await focusedInControl()).toBe('checkbox');
    await gmail.keyboard.press('Space');
    await gmail.keyboard.press('Tab');
    expect(await focusedInControl()).toBe('number');
    await gmail.keyboard.press('Control+A');
    await gmail.keyboard.type('5');
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.prospectId === stored.id && t.provisional === true).length).toBe(1);
    const touch = (await readTouches(popup)).find((t) => t.prospectId === stored.id && t.provisional === true)!;
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.id === stored.id)?.snoozedUntil).toBe(expectedFollowUp(touch.at, 5));
    expect((await readProspects(popup)).find((p) => p.id === stored.id)?.dueAt).toBe(expectedFollowUp(touch.at, 5));
  });

  it('offers "Track and remind" for a draft to no tracked person, and tracks only a draft that is sent', async () => {
    const saved = 'kept.as.draft@newco.example';
    const sent = 'first.contact@newco.example';
    // A draft with the box ticked, saved and closed: nobody is tracked.
    await compose(saved, 'Just a draft');
    await expect.poll(async () => (await control())?.label).toBe('Track and remind if no reply, in days:');
    expect((await control())?.days).toBe(String(workingDaysAhead(2)));
    await focusControl('input[type=checkbox]');
    await gmail.keyboard.press('Space');
    await gmail.locator('div[role=dialog] .Ha').click();
    // The same, sent.
    const dialog = await compose(sent, 'Introduction');
    await dialog.locator('textarea').focus();
    await expect.poll(async () => (await control())?.label).toBe('Track and remind if no reply, in days:');
    await focusControl('input[type=checkbox]');
    await gmail.keyboard.press('Space');
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.email === sent)?.touchCount).toBe(1);
    const prospect = (await readProspects(popup)).find((p) => p.email === sent)!;
    const [touch] = (await readTouches(popup)).filter((t) => t.prospectId === prospect.id);
    expect(touch).toMatchObject({ provisional: true, direction: 'outbound', source: 'gmail' });
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.email === sent)?.snoozedUntil).toBe(expectedFollowUp(touch!.at, workingDaysAhead(2)));
    expect(prospect).toMatchObject({ stageId: settings.stages[0]!.id, mailbox: 'rep@example.com' });
    expect((await readProspects(popup)).some((p) => p.email === saved)).toBe(false);
  });

  it('travels with a draft popped out into a window of its own: set there, applied when the send is logged', async () => {
    const stored = (await readProspects(popup)).find((p) => p.email === chiamaka.email)!;
    const dialog = await compose(chiamaka.email, 'Site plan');
    const [window] = await Promise.all([browser.context.waitForEvent('page'), dialog.locator('.Hq.aUG[role=button]').click()]);
    await window.bringToFront();
    await window.locator('div.M9 textarea').click();
    await expect.poll(async () => (await control(window))?.label).toBe('Follow up if no reply, in days:');
    // The rep ticks the box and types the days, with the keyboard, in the pop-out.
    await focusControl('input[type=checkbox]', window);
    await window.keyboard.press('Space');
    await focusControl('input[type=number]', window);
    await window.keyboard.press('Control+A');
    await window.keyboard.type('4');
    await window.locator('div.M9 div.aoO[role=button]').click();
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.prospectId === stored.id && t.provisional === true).length).toBe(1);
    const touch = (await readTouches(popup)).find((t) => t.prospectId === stored.id && t.provisional === true)!;
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.id === stored.id)?.snoozedUntil).toBe(expectedFollowUp(touch.at, 4));
    await window.close();
  });

  it('a box ticked by a script, not the rep, sets nothing: the send is a touch and no follow-up is set', async () => {
    const stored = (await readProspects(popup)).find((p) => p.email === mateus.email)!;
    const dialog = await compose(mateus.email, 'Small follow-up');
    await dialog.locator('textarea').focus();
    await expect.poll(async () => (await control())?.days).toBe('10');
    // A script holding the control (here, from the one world that can open its closed root) ticks it.
    const ticked = await inContent(gmail, (open) => {
      const box = open(document.querySelector('div[role=dialog] [data-touchbase="follow-up"]'))!.querySelector<HTMLInputElement>('input[type=checkbox]')!;
      box.click();
      return box.checked;
    }, undefined);
    expect(ticked).toBe(true);
    await dialog.locator('div.aoO[role=button]').click();
    await expect.poll(async () => (await readTouches(popup)).filter((t) => t.prospectId === stored.id && t.provisional === true).length).toBe(2);
    // The send ended the earlier snooze and set none.
    await expect.poll(async () => (await readProspects(popup)).find((p) => p.id === stored.id)?.snoozedUntil ?? null).toBeNull();
  });
});
