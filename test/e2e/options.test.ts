import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';
import { command, readProspects, readTouches } from './extension';

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let page: Page;
const REP = 'rep@example.com';
const DAY = 86_400_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function openOptions(target: Launched = browser): Promise<Page> {
  const tab = await target.context.newPage();
  await tab.goto(target.extensionUrl('src/options/index.html'));
  await tab.getByRole('heading', { name: 'Touchbase settings' }).waitFor();
  return tab;
}

async function axeViolations(tab: Page): Promise<string[]> {
  await tab.evaluate(axeSource);
  return tab.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document)).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const readSettingsRecord = (tab: Page) =>
  tab.evaluate(() => new Promise<unknown>((resolve) => {
    const open = indexedDB.open('touchbase');
    open.onsuccess = () => {
      const get = open.result.transaction('settings').objectStore('settings').get('settings');
      get.onsuccess = () => (open.result.close(), resolve(get.result));
    };
  }));

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(browser.extensionUrl('src/popup/index.html'));
  // Text that looks like markup and notes with their own blanks: a backup gives them back as they are.
  const ana = await command(page, 'prospect.create', { email: 'ana@altamira.test', mailbox: REP, name: 'Ana Sofía', company: 'Altamira', value: 12_000, currency: 'EUR', notes: '  Budget "approved", see <https://acme.test/pricing>' });
  await command(page, 'touch.log', { prospectId: ana.id, channel: 'email', direction: 'outbound', source: 'manual', note: ' intro <b>call</b> ', at: Date.now() - 5 * DAY });
  await command(page, 'prospect.create', { email: 'bo@beta.test', mailbox: '', name: 'Bo Li <bo@beta.test>', company: 'Beta', stageId: 'proposal' });
});
afterAll(async () => browser?.close());

describe('the options page', () => {
  it('saves stage and rule changes at once: due times recomputed, the popup follows', async () => {
    const tab = await openOptions();
    expect(await axeViolations(tab)).toEqual([]);
    await tab.getByRole('textbox', { name: 'Name of stage Contacted' }).fill('Reached out');
    await tab.getByRole('button', { name: 'Move Qualified up' }).click();
    await tab.getByRole('combobox', { name: 'Remind me at' }).selectOption({ index: 7 });
    await tab.getByRole('button', { name: 'Save changes' }).click();
    await tab.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const settings = (await readSettingsRecord(tab)) as { reminderHour: number; stages: { id: string; name: string }[] };
    expect(settings.reminderHour).toBe(7);
    expect(settings.stages.slice(0, 3).map((s) => s.name)).toEqual(['New lead', 'Qualified', 'Reached out']);
    const ana = (await readProspects(tab)).find((p) => p.email === 'ana@altamira.test')!;
    expect(new Date(ana.dueAt!).getHours()).toBe(7);
    // The open popup hears the change and lists the stages in their new order and names.
    const filter = page.getByRole('combobox', { name: 'Filter by stage' });
    await expect.poll(() => filter.locator('option').allTextContents()).toEqual(expect.arrayContaining(['New lead', 'Qualified', 'Reached out']));
    const names = await filter.locator('option').allTextContents();
    expect(names.indexOf('Qualified')).toBeLessThan(names.indexOf('Reached out'));
    await tab.close();
  });

  it('refuses an invalid change with a message naming the field, and keeps the stored settings', async () => {
    const tab = await openOptions();
    const before = await readSettingsRecord(tab);
    await tab.getByRole('textbox', { name: 'Name of stage Negotiation' }).fill('<b>Hot</b>');
    await tab.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => tab.getByRole('alert').textContent()).toMatch(/Not saved: settings\.stages\[5\]\.name: must not contain markup/);
    expect(await readSettingsRecord(tab)).toEqual(before);
    await tab.close();
  });

  it('exports a backup that an empty profile imports field for field, after a summary and confirmation', async () => {
    const tab = await openOptions();
    const download = tab.waitForEvent('download');
    await tab.getByRole('button', { name: 'Export backup' }).click();
    const file = await (await download).path();
    const text = readFileSync(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ format: 'touchbase-backup', version: 1 });
    const original = { prospects: await readProspects(tab), touches: await readTouches(tab), settings: await readSettingsRecord(tab) };

    const fresh = await launchWithExtension();
    try {
      const other = await openOptions(fresh);
      await other.getByLabel('Import backup').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
      const summary = other.getByRole('region', { name: 'Importing backup.json will:' });
      await summary.waitFor();
      expect(await summary.textContent()).toContain('add 2 new prospects');
      expect(await readProspects(other)).toEqual([]); // nothing before confirmation
      await summary.getByRole('button', { name: 'Import', exact: true }).click();
      await other.getByRole('status').filter({ hasText: 'backup.json imported: 2 new' }).waitFor();
      const byId = (list: Prospect[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(await readProspects(other))).toEqual(byId(original.prospects));
      expect(await readTouches(other)).toEqual(original.touches);
      expect(await readSettingsRecord(other)).toEqual(original.settings);
    } finally {
      await fresh.close();
    }
    await tab.close();
  });

  it('refuses bad files with a clear message and writes nothing', async () => {
    const tab = await openOptions();
    const before = await readProspects(tab);
    const files: [string, string, Buffer, RegExp][] = [
      ['Import backup', 'broken.json', Buffer.from('{"format": "touchbase-backup", '), /not valid JSON/],
      ['Import backup', 'newer.json', Buffer.from('{"format":"touchbase-backup","version":9}'), /newer Touchbase \(format version 9\)/],
      ['Import backup', 'huge.json', Buffer.alloc(0), /huge\.json is 50 MB; files over 32 MB cannot be imported/],
      ['Import prospects from CSV', 'leads.csv', Buffer.from('Email,Company\nana@x.test,Acme\nnot-an-email,Beta\n'), /row 3: Email: "not-an-email" is not a valid email address/],
    ];
    // Playwright passes files over 50 MB by path.
    const huge = join(mkdtempSync(join(tmpdir(), 'touchbase-')), 'huge.json');
    writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 32));
    for (const [label, name, buffer, message] of files) {
      await tab.getByLabel(label).setInputFiles(name === 'huge.json' ? huge : { name, mimeType: 'application/octet-stream', buffer });
      await expect.poll(() => tab.getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(message);
    }
    expect(await readProspects(tab)).toEqual(before);
    await tab.close();
  });

  it('exports CSV and imports CSV matched by header, updating tracked prospects', async () => {
    const tab = await openOptions();
    const download = tab.waitForEvent('download');
    await tab.getByRole('button', { name: 'Export prospects as CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFFirst Name,Last Name,Email,Company,Stage,Amount,Currency,Close Date,Preferred Channel,Touches,Last Touch,Next Follow-up,Notes,Mailbox');
    expect(csv).toContain('Ana,Sofía,ana@altamira.test,Altamira,New lead,12000,EUR');
    await tab.getByLabel('Import prospects from CSV').setInputFiles({ name: 'crm.csv', mimeType: 'text/csv', buffer: Buffer.from('E-mail,Organization,Deal Stage\nbo@beta.test,Beta Group,Negotiation\ncy@gamma.test,Gamma,Qualified\n') });
    const summary = tab.getByRole('region', { name: 'Importing crm.csv will:' });
    expect(await summary.textContent()).toMatch(/add 1 new prospect.*update 1 prospect/);
    await summary.getByRole('button', { name: 'Import', exact: true }).click();
    await tab.getByRole('status').filter({ hasText: 'crm.csv imported' }).waitFor();
    const stored = await readProspects(tab);
    expect(stored.find((p) => p.email === 'bo@beta.test')).toMatchObject({ company: 'Beta Group', stageId: 'negotiation' });
    expect(stored.find((p) => p.email === 'cy@gamma.test')).toMatchObject({ company: 'Gamma', stageId: 'qualified' });
    await tab.close();
  });

  it('maps CSV stage values that are not the rep stages to a stage the rep picks, and remembers it', async () => {
    const tab = await openOptions();
    // A Salesforce leads report saved by a European Excel: ";" between cells, "," before decimals.
    const report = '"Lead Owner";"First Name";"Last Name";"Company / Account";"Email";"Lead Status";"Amount"\r\n"Sam";"Dee";"Park";"Delta";"dee@delta.test";"Open - Not Contacted";"800,50"\r\n';
    await tab.getByLabel('Import prospects from CSV').setInputFiles({ name: 'leads.csv', mimeType: 'text/csv', buffer: Buffer.from(report) });
    const summary = tab.getByRole('region', { name: 'Importing leads.csv will:' });
    const choice = summary.getByLabel('Stage for "Open - Not Contacted"');
    await expect.poll(() => choice.inputValue(), { timeout: 20_000 }).toBe('new');
    await choice.selectOption('contacted'); // renamed "Reached out" by the first test
    await expect.poll(() => choice.inputValue(), { timeout: 20_000 }).toBe('contacted');
    expect(await axeViolations(tab)).toEqual([]);
    await summary.getByRole('button', { name: 'Import', exact: true }).click();
    await tab.getByRole('status').filter({ hasText: 'leads.csv imported' }).waitFor();
    expect((await readProspects(tab)).find((p) => p.email === 'dee@delta.test')).toMatchObject({ name: 'Dee Park', company: 'Delta', stageId: 'contacted', value: 800.5 });
    expect(await readSettingsRecord(tab)).toMatchObject({ csvStageNames: { 'open - not contacted': 'contacted' } });
    await tab.close();
  });

  it('deletes all data after a confirmation that says what will be lost', async () => {
    const tab = await openOptions();
    await tab.getByRole('button', { name: 'Delete all data…' }).click();
    const dialog = tab.getByRole('alertdialog', { name: 'Delete everything?' });
    expect(await dialog.textContent()).toContain('all prospects (4), all touches (1)');
    expect(await axeViolations(tab)).toEqual([]);
    await dialog.getByRole('button', { name: 'Delete everything' }).click();
    await tab.getByRole('status').filter({ hasText: 'Deleted: prospects 4, touches 1.' }).waitFor();
    expect(await readProspects(tab)).toEqual([]);
    expect(await readTouches(tab)).toEqual([]);
    expect(await readSettingsRecord(tab)).toBeUndefined();
    await tab.close();
  });
});
