import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { command } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let page: Page;
const DAY = 86_400_000;
const REP = 'rep@example.com';
const OVERDUE = 150;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  // More past-due prospects than the first paint reads (see src/domain/firstPage.ts): two per day,
  // the older of each pair worth less, so the ranking inside a day is visible.
  const creates = Array.from({ length: OVERDUE }, (_, i) =>
    command(page, 'prospect.create', {
      email: `p${i}@long.test`, mailbox: REP, name: `Prospect ${String(i).padStart(3, '0')}`,
      value: i % 2 === 0 ? 100 : 5_000, snoozedUntil: Date.now() - (Math.floor(i / 2) + 2) * DAY,
    }),
  );
  await Promise.all(creates);
});
afterAll(async () => browser?.close());

describe('a long due list', () => {
  it('paints the most overdue first, then fills in the count and "Show more" without moving anything', async () => {
    await page.goto(browser.extensionUrl('src/popup/index.html'));
    const overdue = page.getByRole('region', { name: /Overdue/ });
    await expect.poll(() => overdue.getByRole('heading').textContent()).toMatch(new RegExp(`Overdue\\s*${OVERDUE}$`));
    const names = () => overdue.getByRole('listitem').evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
    // Most overdue day first; inside a day, the more valuable one first.
    expect(await names()).toEqual(['Prospect 149', 'Prospect 148', 'Prospect 147', 'Prospect 146', 'Prospect 145', 'Prospect 144', 'Prospect 143', 'Prospect 142']);
    // The README names the button as the popup shows it.
    expect(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).toContain('*Show more (N)* reveals the rest');
    await overdue.getByRole('button', { name: `Show more (${OVERDUE - 8})` }).click();
    await expect.poll(async () => (await names()).length).toBe(40);
    expect((await names())[39]).toBe('Prospect 110');
  });

  it('fills the 600 px popup in its first frame, so the rest of the page arrives out of sight', async () => {
    // The first frame holds the top ten items (src/popup/DueSections.tsx); they must reach past
    // the bottom of the popup, or the items added in the next frame would appear on screen.
    const tenth = await page.getByRole('listitem').nth(9).boundingBox();
    expect(tenth).not.toBeNull();
    expect(tenth!.y + tenth!.height).toBeGreaterThan(600);
  });
});
