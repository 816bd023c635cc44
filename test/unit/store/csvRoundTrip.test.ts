import { describe, expect, it } from 'vitest';
import { parseProspectsCsv, prospectsToCsv } from '../../../src/domain/csv';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { importCsv } from '../../../src/store/imports';
import { createProspect } from '../../../src/store/prospects';
import { logTouch } from '../../../src/store/touches';
import { dump } from './backupFixture';
import { DAY, freshDB, NOW } from './helpers';

const stages = new Map(DEFAULT_SETTINGS.stages.flatMap((s) => [[s.id, s.id], [s.name.toLowerCase(), s.id]] as const));
const label = (id: string) => DEFAULT_SETTINGS.stages.find((s) => s.id === id)?.name ?? id;

describe("Touchbase's own CSV file", () => {
  it('re-imports into the same profile without changing anything', async () => {
    const db = await freshDB();
    const tricky = [
      // One address tracked in two mailboxes: each row is that mailbox's prospect.
      { email: 'ann@x.test', mailbox: 'rep@example.com', name: 'Ann <ann@x.test>', company: '=SUM(A1:A2)', value: 800.5, currency: 'EUR', notes: "'quoted from the call" },
      { email: 'ann@x.test', mailbox: 'other@example.com', name: 'Ann  Double  Space', company: '-40% deal', value: 1.234, notes: '  indented first line\nsecond line  ' },
      { email: 'bo@y.test', mailbox: '', name: 'Bo', company: "'=already guarded", value: 0.1 + 0.2, stageId: 'proposal', expectedCloseDate: '2027-02-28', notes: '@mention\ttab' },
      { email: 'cy@z.test', mailbox: 'rep@example.com', name: '', company: '', value: 12_500, notes: '+1 555 0100 see <https://acme.test/pricing>' },
    ];
    for (const [index, fields] of tricky.entries()) {
      const created = await createProspect(db, fields, NOW - (index + 1) * DAY);
      await logTouch(db, { prospectId: created.id, channel: 'email', direction: 'outbound', source: 'manual', note: '', at: NOW - DAY }, NOW - DAY);
    }
    const before = await dump(db);
    const text = `\uFEFF${prospectsToCsv(before.prospects, label)}`;
    const parsed = parseProspectsCsv(text, stages);
    expect(parsed.ok ? '' : parsed.error).toBe('');
    if (!parsed.ok) return;
    const summary = await importCsv(db, parsed.value, {}, NOW, true);
    expect(summary.prospects).toEqual({ new: 0, updated: 0, unchanged: tricky.length, keptNewer: 0 });
    expect(await dump(db)).toEqual(before);
  });

  it('imported into an empty profile, gives back every field it carries', async () => {
    const source = await freshDB();
    await createProspect(source, { email: 'ann@x.test', mailbox: 'rep@example.com', name: 'Ann  Lee', company: '@Acme', value: 800.5, notes: " 'x" }, NOW);
    await createProspect(source, { email: 'ann@x.test', mailbox: 'other@example.com', name: 'Ann', company: 'Acme', value: null, notes: '' }, NOW);
    const parsed = parseProspectsCsv(prospectsToCsv(await source.getAll('prospects'), label), stages);
    if (!parsed.ok) throw new Error(parsed.error);
    const target = await freshDB();
    expect((await importCsv(target, parsed.value, {}, NOW, true)).prospects.new).toBe(2);
    const carried = (p: { email: string; mailbox: string; name: string; company: string; value: number | null; notes: string }) => [p.mailbox, p.email, p.name, p.company, p.value, p.notes];
    const sorted = async (db: typeof source) => (await db.getAll('prospects')).map(carried).sort();
    expect(await sorted(target)).toEqual(await sorted(source));
  });
});
