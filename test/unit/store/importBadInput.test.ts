import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeBackup, MAX_IMPORT_BYTES, parseBackup } from '../../../src/domain/backup';
import { importBackup } from '../../../src/store/imports';
import { readSettings } from '../../../src/store/settings';
import { dump, seedPipeline } from './backupFixture';
import { freshDB, NOW } from './helpers';

async function validBackup() {
  const db = await freshDB();
  await seedPipeline(db);
  const data = await dump(db);
  return makeBackup({ settings: await readSettings(db), prospects: data.prospects, touches: data.touches }, NOW);
}

type Row = Record<string, unknown>;
type BackupData = Row & { settings: { stages: unknown[] }; prospects: Row[]; touches: Row[] };

/** A valid backup as plain JSON data, changed by `edit`, back to text. */
async function variant(edit: (data: BackupData) => void): Promise<string> {
  const data = JSON.parse(JSON.stringify(await validBackup())) as BackupData;
  edit(data);
  return JSON.stringify(data);
}

describe('bad backups are refused with a message naming the problem', () => {
  const cases: [string, () => Promise<string>, RegExp][] = [
    ['malformed JSON', async () => (await variant(() => undefined)).slice(0, -20), /not valid JSON/],
    ['another file', async () => JSON.stringify({ hello: 'world' }), /this is not a Touchbase backup/],
    ['a newer version', () => variant((d) => (d.version = 2)), /newer Touchbase \(format version 2\)/],
    ['an invalid email', () => variant((d) => (d.prospects[1]!.email = 'not-an-address')), /prospects\[1\]\.email: "not-an-address" is not a valid email/],
    ['a duplicate email', () => variant((d) => (d.prospects[2] = { ...d.prospects[0]!, id: 'copy-1' })), /prospects\[2\]\.email: .* appears twice/],
    ['an impossible date', () => variant((d) => (d.prospects[0]!.expectedCloseDate = '2026-02-30')), /prospects\[0\]\.expectedCloseDate: 2026-02-30 is not a real date/],
    ['a time out of range', () => variant((d) => (d.touches[0]!.at = 1e300)), /touches\[0\]\.at: must be/],
    ['a __proto__ key', async () => (await variant(() => undefined)).replace('"name":', '"__proto__":{"polluted":1},"name":'), /__proto__: is not allowed/],
    ['a name too long', () => variant((d) => (d.prospects[0]!.name = 'n'.repeat(201))), /prospects\[0\]\.name: is longer than 200 characters/],
    ['a note that is not text', () => variant((d) => (d.touches[2]!.note = { html: '<b>hi</b>' })), /touches\[2\]\.note: must be text/],
    ['a touch of an unknown prospect', () => variant((d) => (d.touches[0]!.prospectId = 'nobody')), /touches\[0\]\.prospectId: no prospect nobody/],
    ['an unknown stage', () => variant((d) => (d.prospects[0]!.stageId = 'vip')), /prospects\[0\]\.stageId: stage "vip" does not exist/],
    ['a removed stage', () => variant((d) => d.settings.stages.pop()), /settings\.stages: stages can be renamed and reordered, not added or removed/],
    ['an unknown field', () => variant((d) => (d.prospects[0]!.password = 'x')), /prospects\[0\]\.password: is not a known field/],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const result = parseBackup(await make());
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it('a file over the size limit, before parsing it', () => {
    const result = parseBackup(' '.repeat(MAX_IMPORT_BYTES + 1));
    expect(result).toMatchObject({ ok: false, error: 'the file is larger than 32 MB', problem: { key: 'fileTooLarge', values: ['32'] } });
  });
});

describe('random corruptions of a valid backup (property)', () => {
  it('are imported whole or rejected whole, never half', async () => {
    const backup = await validBackup();
    const text = JSON.stringify(backup);
    // Where an address is written: an edit there keeps the file readable but moves a known
    // prospect id to another address, which the store refuses half way (the rollback branch).
    const addressAt = backup.prospects.map((p) => text.indexOf(`"email":"${p.email}"`) + '"email":"'.length + 1);
    // Where a company is written: an edit there keeps every record valid (the import branch).
    const companyAt = backup.prospects.map((p) => text.indexOf(`"company":"${p.company}"`) + '"company":"'.length + 1);
    const edit = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 0, max: 12 }), fc.string({ maxLength: 12 })),
      fc.tuple(fc.constantFrom(...addressAt), fc.integer({ min: 0, max: 1 }), fc.stringMatching(/^[a-z0-9]{1,3}$/)),
      fc.tuple(fc.constantFrom(...companyAt), fc.integer({ min: 0, max: 1 }), fc.stringMatching(/^[a-z0-9]{1,3}$/)),
    );
    const RUNS = 300;
    const ran = { refused: 0, imported: 0, rolledBack: 0 };
    await fc.assert(
      fc.asyncProperty(edit, async ([at, cut, insert]) => {
        const parsed = parseBackup(text.slice(0, at) + insert + text.slice(at + cut));
        if (!parsed.ok) {
          ran.refused += 1;
          expect(parsed.error).toMatch(/\S/);
          return;
        }
        // Still readable: applied over its own restore, it either lands every record or changes nothing.
        const db = await freshDB();
        await importBackup(db, backup, true);
        const before = await dump(db);
        try {
          await importBackup(db, parsed.value, true);
        } catch {
          ran.rolledBack += 1;
          expect(await dump(db)).toEqual(before);
          return;
        }
        ran.imported += 1;
        const stored = await dump(db);
        for (const p of parsed.value.prospects) expect(stored.prospects.some((s) => s.email === p.email && s.mailbox === p.mailbox)).toBe(true);
        expect(stored.touches.length).toBeGreaterThanOrEqual(before.touches.length);
      }),
      { numRuns: RUNS },
    );
    // Each branch must have run, or the property proved less than it says.
    expect(ran.refused).toBeGreaterThan(0);
    expect(ran.imported).toBeGreaterThan(0);
    expect(ran.rolledBack).toBeGreaterThan(0);
    expect(ran.refused + ran.imported + ran.rolledBack).toBe(RUNS);
    console.log(`backup corruption property: ${ran.refused} refused, ${ran.imported} imported whole, ${ran.rolledBack} rolled back`);
  }, 180_000);
});
