import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { axeViolations } from './axe';
import { command, readProspects } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let page: Page;

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await page.locator('h1').waitFor();
});
afterAll(async () => browser?.close());

describe('the add form says what a value is', () => {
  it('starts the currency on the pipeline’s main currency, lets the rep choose, and refuses what is not a code', async () => {
    // README: the main currency is the one most valued prospects are in — here EUR (three), not
    // USD (one prospect, however large its deal), and a prospect without a value does not vote.
    const seeded = [
      { name: 'Ewa', value: 1_000, currency: 'EUR' },
      { name: 'Emil', value: 2_000, currency: 'EUR' },
      { name: 'Elke', value: 3_000, currency: 'EUR' },
      { name: 'Uma', value: 900_000, currency: 'USD' },
      { name: 'Yuki', value: null, currency: 'JPY' },
      { name: 'Yoko', value: null, currency: 'JPY' },
      { name: 'Yuto', value: null, currency: 'JPY' },
      { name: 'Yui', value: null, currency: 'JPY' },
    ];
    for (const p of seeded) await command(page, 'prospect.create', { email: `${p.name.toLowerCase()}@values.test`, mailbox: '', name: p.name, value: p.value, currency: p.currency });

    await page.getByRole('button', { name: 'Add prospect' }).click();
    const form = page.getByRole('form', { name: 'Add a prospect' });
    const currency = form.getByRole('combobox', { name: 'Currency' });
    await expect.poll(() => currency.inputValue()).toBe('EUR');

    await form.getByRole('textbox', { name: 'Email', exact: true }).fill('cleo@values.test');
    await form.getByLabel('Name', { exact: true }).fill('Cleo');
    await form.getByLabel('Value', { exact: true }).fill('4200');
    await currency.fill('euro');
    await form.getByRole('button', { name: 'Add prospect' }).click();
    await expect.poll(() => page.getByRole('alert').allTextContents()).toEqual(['Currency: "EURO" is not a currency code: use its three letters, like EUR or USD']);
    expect(await currency.getAttribute('aria-invalid')).toBe('true');
    expect((await readProspects(page)).some((p) => p.email === 'cleo@values.test')).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    await currency.fill('usd');
    await form.getByRole('button', { name: 'Add prospect' }).click();
    await page.getByRole('status').filter({ hasText: 'Added Cleo' }).waitFor();
    expect((await readProspects(page)).find((p) => p.email === 'cleo@values.test')).toMatchObject({ value: 4200, currency: 'USD' });
    // A new lead is due within the next seven days: its row shows the amount in its own currency.
    await expect.poll(() => page.getByRole('listitem', { name: 'Cleo' }).textContent()).toContain('$4,200');
  });
});
