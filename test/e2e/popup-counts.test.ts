import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { axeViolations } from './axe';
import { command } from './extension';
import { lastWorkingDayBefore, localDay } from './workingDays';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let page: Page;
const DAY = 86_400_000;
const REP = 'rep@example.com';

/*
 * Written here from the README's rules, not taken from the code: Monday to Friday, replies due two
 * hours after they arrive within working time, Contacted followed up after 3 working days, New
 * lead after 2, six unanswered touches ask for a decision, a snooze holds until its end, Lost is
 * never due, Nurture and Won come back after 30 and 90 days.
 */
async function create(name: string, stageId: string) {
  return command(page, 'prospect.create', { email: `${name.toLowerCase().replace(' ', '.')}@counts.test`, mailbox: REP, name, stageId });
}

async function touches(prospectId: string, daysAgo: readonly number[], direction: 'outbound' | 'inbound' = 'outbound') {
  for (const ago of daysAgo) await command(page, 'touch.log', { prospectId, channel: 'email', direction, source: 'manual', note: '', at: Date.now() - ago * DAY });
}

const badgeText = () => browser.context.serviceWorkers()[0]!.evaluate(() => chrome.action.getBadgeText({}));

/** "Overdue 2" → ['Overdue', 2]: each section header's name and its count. */
async function sectionCounts(): Promise<Record<string, number>> {
  const headers = await page.getByRole('heading', { level: 2 }).allTextContents();
  return Object.fromEntries(headers.map((text) => {
    const [, name, count] = /^(.*\S)\s+(\d+)$/.exec(text.trim()) ?? [];
    return [name ?? text, Number(count)];
  }));
}

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await page.locator('h1').waitFor();
});
afterAll(async () => browser?.close());

describe('one truth per number', () => {
  it('the badge, the section headers and the pipeline hint count the same prospects', async () => {
    const now = Date.now();
    // Reply needed: they answered on the last working day, after a touch six days ago.
    const rita = await create('Rita Reply', 'contacted');
    await touches(rita.id, [6]);
    await command(page, 'touch.log', { prospectId: rita.id, channel: 'email', direction: 'inbound', source: 'manual', note: '', at: lastWorkingDayBefore(now, 10) });
    // Decide: six unanswered touches, the last five days ago; and one whose decision is not due
    // yet (last touch just now: due after three working days, within the next seven days).
    await touches((await create('Dora Due', 'contacted')).id, [40, 33, 26, 19, 12, 5]);
    await touches((await create('Lena Later', 'contacted')).id, [40, 33, 26, 19, 12, 0]);
    // Overdue: Contacted, last touched 12 and 20 days ago (3 working days are at most 5 calendar days).
    await touches((await create('Otto Over', 'contacted')).id, [12]);
    await touches((await create('Olga Over', 'contacted')).id, [20]);
    // Today: snoozed until later today.
    const tara = await create('Tara Today', 'contacted');
    await touches(tara.id, [12]);
    await command(page, 'prospect.update', { id: tara.id, patch: { snoozedUntil: Math.floor((now + localDay(now, 1).getTime()) / 2) } });
    // Snoozed three days: next 7 days.
    const sid = await create('Sid Snoozed', 'contacted');
    await touches(sid.id, [12]);
    await command(page, 'prospect.update', { id: sid.id, patch: { snoozedUntil: now + 3 * DAY } });
    // New lead created now: due after two working days, within the next seven days.
    await create('Nell New', 'new');
    // Never or not soon: Lost, a decision answered with Lost, Nurture (30 days), Won (90 days).
    await touches((await create('Liam Lost', 'lost')).id, [12]);
    const stopped = await create('Stan Stopped', 'contacted');
    await touches(stopped.id, [40, 33, 26, 19, 12, 5]);
    await command(page, 'prospect.decide', { id: stopped.id, outcome: 'lost' });
    await touches((await create('Nora Nurture', 'nurture')).id, [12]);
    await touches((await create('Walt Won', 'won')).id, [1]);

    const expected = { 'Reply needed': 1, 'Decide: nurture or lost': 1, Overdue: 2, Today: 1, 'Next 7 days': 3 };
    // The badge counts what is due now: reply needed, decide, overdue and today.
    const dueNow = 1 + 1 + 2 + 1;

    await page.reload();
    await expect.poll(sectionCounts).toEqual(expected);
    await expect.poll(badgeText).toBe(String(dueNow));
    await page.getByRole('button', { name: 'Pipeline' }).click();
    const hints = page.getByRole('list', { name: 'What needs attention' });
    await expect.poll(() => hints.getByRole('listitem').allTextContents()).toContain(`Waiting for your decision (nurture or lost): ${expected['Decide: nurture or lost']}.`);
  });

  it('search and the stage filter keep the sections, counting matches, with the rest under Not due', async () => {
    await page.getByRole('button', { name: 'Due', exact: true }).click();
    const search = page.getByRole('searchbox', { name: 'Search prospects' });
    // Names and addresses with an "l": Rita Reply (reply needed), Olga Over (overdue), Lena Later
    // and Nell New (next 7 days), Walt Won (back in 90 days) and Liam Lost (never): not due.
    await search.fill('l');
    await expect.poll(sectionCounts).toEqual({ 'Reply needed': 1, Overdue: 1, 'Next 7 days': 2, 'Not due': 2 });
    const notDue = page.getByRole('region', { name: /^Not due/ }).getByRole('listitem');
    // Soonest due first, never due last.
    expect(await notDue.evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')))).toEqual(['Walt Won', 'Liam Lost']);
    expect(await axeViolations(page)).toEqual([]);
    // Contacted only: every due section but the new lead's, nothing under Not due.
    await search.fill('');
    await page.getByRole('combobox', { name: 'Filter by stage' }).selectOption({ label: 'Contacted' });
    await expect.poll(sectionCounts).toEqual({ 'Reply needed': 1, 'Decide: nurture or lost': 1, Overdue: 2, Today: 1, 'Next 7 days': 2 });
  });
});
