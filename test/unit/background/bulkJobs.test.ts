import { beforeEach, describe, expect, it } from 'vitest';
import { makeBackup } from '../../../src/domain/backup';
import { createRouter } from '../../../src/background/router';
import { envelope, type ProgressWork } from '../../../src/messaging/protocol';
import type { TouchbaseDB } from '../../../src/store/db';
import { readSettings } from '../../../src/store/settings';
import { freshDB, NOW } from '../store/helpers';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const options = { id: EXT_ID, url: `${ORIGIN}src/options/index.html` };

const ROWS = 1_200;
const csv = `Email,Name\n${Array.from({ length: ROWS }, (_, i) => `lead${i}@example.test,Lead ${i}`).join('\n')}\n`;
const busy = { ok: false, code: 'conflict', problem: { key: 'bulkJobRunning', values: [], path: '' } };

let db: TouchbaseDB;
let reports: { work: ProgressWork; done: number; total: number }[];
let firstReport: Promise<void>;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = await freshDB();
  reports = [];
  let reported: () => void;
  firstReport = new Promise((resolve) => (reported = resolve));
  route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    now: () => NOW,
    afterWrite: async () => undefined,
    openThread: async () => undefined,
    progress: (work, done, total) => {
      reports.push({ work, done, total });
      reported();
    },
  });
});

describe('imports and deleting everything run one at a time', () => {
  it('refuses a second import or a deletion while an import runs, with a reason; the first is written once', async () => {
    const first = route(envelope('import.apply', { kind: 'csv', text: csv }), options);
    await firstReport; // the first import is under way
    expect(await route(envelope('import.apply', { kind: 'csv', text: csv }), options)).toMatchObject(busy);
    expect(await route(envelope('import.preview', { kind: 'csv', text: csv }), options)).toMatchObject(busy);
    expect(await route(envelope('data.deleteAll', {}), options)).toMatchObject(busy);
    expect(await first).toMatchObject({ ok: true, value: { prospects: { new: ROWS, updated: 0 } } });
    expect(await db.count('prospects')).toBe(ROWS);
  });

  it('takes the next job once the running one has ended, whether it succeeded or failed', async () => {
    expect(await route(envelope('import.preview', { kind: 'backup', text: '{"broken' }), options)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await route(envelope('import.apply', { kind: 'csv', text: csv }), options)).toMatchObject({ ok: true });
    expect(await route(envelope('data.deleteAll', {}), options)).toMatchObject({ ok: true, value: { prospects: ROWS } });
  });
});

describe('progress of an import', () => {
  it('reports records checked, then written: every 500th record and the last, of the file’s total', async () => {
    await route(envelope('import.preview', { kind: 'csv', text: csv }), options);
    await route(envelope('import.apply', { kind: 'csv', text: csv }), options);
    const expected = (work: ProgressWork) => [500, 1_000, 1_200].map((done) => ({ work, done, total: 1_200 }));
    expect(reports).toEqual([...expected('check'), ...expected('write')]);
  });

  it('counts a backup’s prospects and touches together', async () => {
    const created = await route(envelope('prospect.create', { email: 'ana@acme.test', mailbox: 'rep@example.com' }), options);
    const id = (created as { value: { id: string } }).value.id;
    for (let i = 0; i < 3; i += 1) {
      await route(envelope('touch.log', { prospectId: id, channel: 'phone', direction: 'outbound', source: 'manual', note: '', at: NOW - i * 60_000 }), options);
    }
    const backup = makeBackup({ settings: await readSettings(db), prospects: await db.getAll('prospects'), touches: await db.getAll('touches') }, NOW);
    expect(await route(envelope('import.preview', { kind: 'backup', text: JSON.stringify(backup) }), options)).toMatchObject({ ok: true });
    // One prospect and three touches: four records, and the last is always told.
    expect(reports).toEqual([{ work: 'check', done: 4, total: 4 }]);
  });
});
