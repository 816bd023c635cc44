import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { makeBackup } from '../../src/domain/backup';
import { deriveProspect } from '../../src/domain/derive';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Prospect, Touch } from '../../src/domain/types';
import { command, readProspects, readTouches } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A fixed moment: the records and the backup's stamp do not depend on today. */
const NOW = Date.UTC(2026, 2, 10, 12);
const DAY = 86_400_000;
const PROSPECTS = 2_000;
const TOUCHES_EACH = 10;
/** Big enough that checking it takes seconds here: a progress bar has time to move. */
function bigBackup(): string {
  const prospects: Prospect[] = [];
  const touches: Touch[] = [];
  for (let i = 0; i < PROSPECTS; i++) {
    const base = {
      id: `p-${i}`, email: `p${i}@big.test`, mailbox: '', name: `Prospect ${i}`, company: `Company ${i % 300}`, stageId: 'contacted',
      value: null, currency: '', decisionMaker: 'unknown' as const, expectedCloseDate: null, channel: 'email' as const, cadenceDays: null,
      nextMeetingAt: null, snoozedUntil: null, notes: '', threads: [], createdAt: NOW - 200 * DAY, updatedAt: NOW - DAY, stageEnteredAt: NOW - 200 * DAY, reachedStages: ['contacted'],
    };
    const own: Touch[] = Array.from({ length: TOUCHES_EACH }, (_, k) => ({
      id: `t-${i}-${k}`, prospectId: base.id, at: NOW - (k * 5 + 1) * DAY, channel: 'email', direction: k % 3 === 2 ? 'inbound' : 'outbound', source: 'manual', note: '', createdAt: NOW - DAY,
    }));
    prospects.push(deriveProspect(base, own, DEFAULT_SETTINGS));
    touches.push(...own);
  }
  return JSON.stringify(makeBackup({ settings: DEFAULT_SETTINGS, prospects, touches }, NOW));
}

async function axeViolations(tab: Page): Promise<string[]> {
  await tab.evaluate(axeSource);
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function openOptions(): Promise<Page> {
  const tab = await browser.context.newPage();
  await tab.goto(browser.extensionUrl('src/options/index.html'));
  await tab.getByRole('heading', { name: 'Touchbase settings' }).waitFor();
  return tab;
}

/** The progress bar's accessible name (what a screen reader says), from the element that names it. */
const barName = (bar: Locator) => bar.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.textContent ?? '');

/**
 * Starts noting, inside the page, every count the progress bar named `prefix…` shows (every 20 ms),
 * so that a fast run cannot finish between two looks from the test.
 */
function noteCounts(tab: Page, prefix: string): Promise<void> {
  return tab.evaluate((start) => {
    const seen: number[] = [];
    (window as unknown as { countsSeen: Record<string, number[]> }).countsSeen ??= {};
    (window as unknown as { countsSeen: Record<string, number[]> }).countsSeen[start] = seen;
    setInterval(() => {
      for (const bar of document.querySelectorAll('[role=progressbar], progress')) {
        const name = document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const match = /: ([\d,]+) of ([\d,]+)$/.exec(name);
        if (name.startsWith(start) && match) seen.push(Number(match[1]!.replaceAll(',', '')));
      }
    }, 20);
  }, prefix);
}

/** The bar's count was seen at two values, the later one higher. */
async function countRose(tab: Page, prefix: string): Promise<boolean> {
  const seen = await tab.evaluate((start) => (window as unknown as { countsSeen: Record<string, number[]> }).countsSeen[start] ?? [], prefix);
  return seen.some((count, index) => index > 0 && count > seen[0]!);
}

beforeAll(async () => {
  browser = await launchWithExtension();
  const page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  await command(page, 'settings.get', {});
  await page.close();
});
afterAll(async () => browser?.close());

it('a big import shows its progress, allows nothing else meanwhile, and ends with its outcome', { timeout: 300_000 }, async () => {
  const tab = await openOptions();
  const file = { name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(bigBackup()) };
  const total = (PROSPECTS * (1 + TOUCHES_EACH)).toLocaleString('en');
  const status = tab.getByRole('status').last();
  // A message left from earlier work, which the progress must replace.
  await tab.getByRole('button', { name: 'Delete all data…' }).click();
  await tab.getByRole('alertdialog').getByRole('button', { name: 'Delete everything' }).click();
  await status.filter({ hasText: 'Deleted:' }).waitFor();

  await noteCounts(tab, 'Checking big.json');
  await tab.getByLabel('Import backup').setInputFiles(file);
  const checking = tab.getByRole('progressbar', { name: /^Checking big\.json — records checked: / });
  await checking.waitFor();
  expect(await status.textContent()).toBe('');
  for (const control of [tab.getByRole('button', { name: 'Export backup' }), tab.getByRole('button', { name: 'Export prospects as CSV' }), tab.getByRole('button', { name: 'Delete all data…' }), tab.getByLabel('Import backup'), tab.getByLabel('Import prospects from CSV')]) {
    expect(await control.isDisabled()).toBe(true);
  }
  await expect.poll(() => barName(checking), { timeout: 60_000 }).toMatch(new RegExp(` of ${total}$`));
  expect(await axeViolations(tab)).toEqual([]);

  const summary = tab.getByRole('region', { name: 'Importing big.json will:' });
  await summary.waitFor({ timeout: 240_000 });
  await status.filter({ hasText: 'big.json checked.' }).waitFor();
  expect(await checking.count()).toBe(0);
  expect(await readProspects(tab)).toEqual([]); // checking wrote nothing
  expect(await countRose(tab, 'Checking big.json')).toBe(true);

  const importButton = summary.getByRole('button', { name: 'Import', exact: true });
  // A second options tab, open before the import starts, tries a small file while it runs: a big
  // file of its own would take long enough to load that the first import could end meanwhile.
  const other = await openOptions();
  const small = { name: 'small.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(makeBackup({ settings: DEFAULT_SETTINGS, prospects: [], touches: [] }, NOW))) };
  await noteCounts(tab, 'Importing big.json');
  await importButton.click();
  const writing = tab.getByRole('progressbar', { name: /^Importing big\.json — records written: / });
  await writing.waitFor();
  expect(await importButton.isDisabled()).toBe(true);
  expect(await summary.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true);
  // A second click on Import starts nothing.
  await importButton.click({ force: true });
  // The second options tab cannot start another import meanwhile: it is told why.
  await other.getByLabel('Import backup').setInputFiles(small);
  await other.getByRole('alert').filter({ hasText: 'an import or a deletion is still running: wait until it ends' }).waitFor();
  expect(await other.getByRole('progressbar').count()).toBe(0);
  await other.close();

  await status.filter({ hasText: `big.json imported: ${PROSPECTS} new, 0 updated.` }).waitFor({ timeout: 240_000 });
  expect(await writing.count()).toBe(0);
  expect(await countRose(tab, 'Importing big.json')).toBe(true);
  expect(await importButton.count()).toBe(0);
  expect(await tab.getByRole('button', { name: 'Export backup' }).isDisabled()).toBe(false);
  expect((await readProspects(tab)).length).toBe(PROSPECTS);
  expect((await readTouches(tab)).length).toBe(PROSPECTS * TOUCHES_EACH);
  expect(await axeViolations(tab)).toEqual([]);

  // The export reads the store 2,000 records at a time: the file holds every record once.
  const download = tab.waitForEvent('download');
  await tab.getByRole('button', { name: 'Export backup' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as { prospects: { id: string }[]; touches: { id: string }[] };
  await status.filter({ hasText: `Backup saved (prospects: ${PROSPECTS}, touches: ${PROSPECTS * TOUCHES_EACH}).` }).waitFor();
  expect(new Set(exported.prospects.map((p) => p.id)).size).toBe(PROSPECTS);
  expect(new Set(exported.touches.map((t) => t.id)).size).toBe(PROSPECTS * TOUCHES_EACH);
  expect(await tab.getByRole('progressbar').count()).toBe(0);
});
