import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup, type Backup } from '../../../src/domain/backup';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { importBackup } from '../../../src/store/imports';
import { readSettings, sameRecord } from '../../../src/store/settings';
import { writeSettings } from '../../../src/store/settingsWrites';
import { deleteAllData } from '../../../src/store/wipe';
import { dump, seedPipeline } from './backupFixture';
import { freshDB, NOW } from './helpers';

async function exportText(db: Awaited<ReturnType<typeof freshDB>>): Promise<string> {
  const data = await dump(db);
  return JSON.stringify(makeBackup({ settings: await readSettings(db), prospects: data.prospects, touches: data.touches }, NOW));
}

function parsed(text: string): Backup {
  const result = parseBackup(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('backup and restore', () => {
  it('round-trips into an empty profile field for field', async () => {
    const source = await freshDB();
    await seedPipeline(source);
    await writeSettings(source, { ...DEFAULT_SETTINGS, reminderHour: 8, workingDays: [0, 1, 2, 3, 4] }, NOW);
    const text = await exportText(source);
    const target = await freshDB();
    const summary = await importBackup(target, parsed(text), true);
    expect(summary.prospects).toEqual({ new: 3, updated: 0, unchanged: 0, keptNewer: 0 });
    expect(summary.touches).toEqual({ new: 3, unchanged: 0 });
    expect(summary.settings).toBe('replaced');
    expect(await dump(target)).toEqual(await dump(source));
  });

  it('previews without writing, and the preview equals what applying does', async () => {
    const source = await freshDB();
    await seedPipeline(source);
    const backup = parsed(await exportText(source));
    const target = await freshDB();
    const preview = await importBackup(target, backup, false);
    expect(await dump(target)).toEqual({ prospects: [], touches: [], settings: [] });
    expect(await importBackup(target, backup, true)).toEqual(preview);
    const again = await importBackup(target, backup, false);
    expect(again.prospects).toEqual({ new: 0, updated: 0, unchanged: 3, keptNewer: 0 });
    expect(again.touches).toEqual({ new: 0, unchanged: 3 });
  });

  it('resolves conflicts by the newer record', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const backup = parsed(await exportText(db));
    const [first, second] = backup.prospects;
    const edited: Backup = {
      ...backup,
      prospects: [
        { ...first!, company: 'Renamed in the backup', updatedAt: first!.updatedAt + 1 }, // newer: wins
        { ...second!, company: 'Stale copy', updatedAt: second!.updatedAt - 1 }, // older: the store keeps its own
        ...backup.prospects.slice(2),
      ],
    };
    const summary = await importBackup(db, edited, true);
    expect(summary.prospects).toEqual({ new: 0, updated: 1, unchanged: 1, keptNewer: 1 });
    expect((await db.get('prospects', first!.id))?.company).toBe('Renamed in the backup');
    expect((await db.get('prospects', second!.id))?.company).toBe(second!.company);
  });

  it('imports all or nothing: a clash found half way writes nothing', async () => {
    const source = await freshDB();
    await seedPipeline(source);
    const backup = parsed(await exportText(source));
    const target = await freshDB();
    await importBackup(target, backup, true);
    await writeSettings(target, { ...DEFAULT_SETTINGS, reminderHour: 7 }, NOW);
    const before = await dump(target);
    // New records first, then one whose id is taken by another address here.
    const clash: Backup = {
      ...backup,
      prospects: [{ ...backup.prospects[0]!, id: 'fresh-1', email: 'fresh@x.test' }, ...backup.prospects, { ...backup.prospects[0]!, id: backup.prospects[1]!.id, email: 'other@x.test' }],
    };
    await expect(importBackup(target, clash, true)).rejects.toThrow(/prospects\[4\]\.id: .* belongs to another prospect here/);
    expect(await dump(target)).toEqual(before);
  });

  it('does not double touches shared by two profiles (same prospect, moment and way)', async () => {
    const a = await freshDB();
    const b = await freshDB();
    await seedPipeline(a);
    await seedPipeline(b); // the same history, logged with other ids
    const summary = await importBackup(b, parsed(await exportText(a)), true);
    expect(summary.touches).toEqual({ new: 0, unchanged: 3 });
    expect(await b.count('touches')).toBe(3);
  });

  it('restores a Gmail message logged for two people as a touch for each, and refuses the same pair twice', async () => {
    const source = await freshDB();
    await seedPipeline(source);
    const backup = parsed(await exportText(source));
    const seen = backup.touches.find((t) => t.messageId !== undefined)!;
    const other = backup.prospects.find((p) => p.id !== seen.prospectId)!;
    const shared = { ...backup, touches: [...backup.touches, { ...seen, id: 'same-message-other-person', prospectId: other.id }] };
    const target = await freshDB();
    const summary = await importBackup(target, parsed(JSON.stringify(shared)), true);
    expect(summary.touches).toEqual({ new: 4, unchanged: 0 });
    expect((await target.getAll('touches')).filter((t) => t.messageId === seen.messageId).map((t) => t.prospectId).sort()).toEqual([seen.prospectId, other.id].sort());
    const twice = { ...backup, touches: [...backup.touches, { ...seen, id: 'same-message-same-person' }] };
    const refused = parseBackup(JSON.stringify(twice));
    expect(refused.ok).toBe(false);
  });

  it('deletes all data in one go', async () => {
    const db = await freshDB();
    await seedPipeline(db);
    const { counts } = await deleteAllData(db);
    expect(counts).toEqual({ prospects: 3, touches: 3 });
    expect(await dump(db)).toEqual({ prospects: [], touches: [], settings: [] });
  });
});

describe('record comparison', () => {
  it('ignores key order at every depth but sees nested differences', () => {
    expect(sameRecord({ a: 1, n: { x: 1, y: [1, { p: 1, q: 2 }] } }, { n: { y: [1, { q: 2, p: 1 }], x: 1 }, a: 1 })).toBe(true);
    expect(sameRecord({ n: { at: 1 } }, { n: { at: 2 } })).toBe(false);
    expect(sameRecord({ t: [{ subject: 'a' }] }, { t: [{ subject: 'b' }] })).toBe(false);
  });
});
