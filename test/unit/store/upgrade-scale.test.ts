import { openDB } from 'idb';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTouchbaseDB, type TouchbaseDB } from '../../../src/store/db';
import { DB_VERSION } from '../../../src/store/migrations';
import { dueWithoutReminder } from '../../../src/store/reminders';
import type { Prospect, Touch } from '../../../src/domain/types';
import { createV1Database } from './v1';
import { RELEASE, expectedAfterV2, generateV1, type V1Prospect } from './v1-generator';

/**
 * A v1 store at the size the design is measured against (10,000 prospects, 100,000 touches) is
 * upgraded by the real openTouchbaseDB. A failing future step is injected under that same code:
 * db.ts takes its version and steps from migrations.ts, so the mock appends one block that writes
 * half of its changes and throws, exactly as a broken release would.
 */
const future = vi.hoisted(() => ({ failing: false }));
vi.mock('../../../src/store/migrations', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/store/migrations')>();
  const next = real.DB_VERSION + 1;
  return {
    ...real,
    get DB_VERSION() {
      return future.failing ? next : real.DB_VERSION;
    },
    migrate: async (...args: Parameters<typeof real.migrate>) => {
      const [db, oldVersion, tx] = args;
      // db.ts does not observe tx.done, which rejects when the upgrade aborts; observed here so
      // the run reports the open's rejection, not an unhandled one. Harmless once db.ts does it.
      tx.done.catch(() => undefined);
      await real.migrate(...args);
      if (!future.failing || oldVersion >= next) return;
      // Half of a plausible future block: a record rewritten, one removed, a store added.
      const first = await tx.objectStore('prospects').openCursor();
      if (first) await first.update({ ...first.value, notes: 'rewritten by the failing step' });
      const touch = await tx.objectStore('touches').openCursor();
      if (touch) await touch.delete();
      (db as unknown as IDBDatabase).createObjectStore('futureStore');
      throw new Error(`schema v${next} failed half-way`);
    },
  };
});

const PROSPECTS = 10_000;
const TOUCHES = 100_000;
const NAME = 'upgrade-scale';
const fixture = generateV1(PROSPECTS, TOUCHES);
const upgraded = fixture.prospects.map(expectedAfterV2);

/** Same records, field for field (absent ≠ undefined); on failure, the diff of the first differing record only. */
function expectSameRecords(actual: readonly { id: string }[], expected: readonly { id: string }[]) {
  expect(actual.length).toBe(expected.length);
  const byId = new Map(actual.map((record) => [record.id, record]));
  const wrong = expected.find((record) => !isDeepStrictEqual(byId.get(record.id), record));
  if (wrong) expect(byId.get(wrong.id)).toStrictEqual(wrong);
}

/** The primary keys an index must list: sorted by index key, then primary key, as IndexedDB orders them. */
function keysInIndexOrder<T extends { id: string }>(records: readonly T[], keysOf: (record: T) => (string | number)[][]) {
  const entries = records.flatMap((record) => keysOf(record).map((key) => [...key, record.id]));
  const order = (a: (string | number)[], b: (string | number)[]) => {
    for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return (a[i] as string | number) < (b[i] as string | number) ? -1 : 1;
    return 0;
  };
  return entries.sort(order).map((entry) => entry.at(-1));
}

/** A sparse index holds a record only when the key is present. */
const sparse = <T>(key: T | undefined): T[][] => (key === undefined ? [] : [[key]]);

/** Equal key lists, reported as the first position where they part. */
function expectSameOrder(actual: readonly unknown[], expected: readonly unknown[]) {
  const at = expected.findIndex((key, i) => key !== actual[i]);
  expect({ length: actual.length, firstDifference: at === -1 ? null : { at, actual: actual[at], expected: expected[at] } }).toEqual({
    length: expected.length,
    firstDifference: null,
  });
}

/** The store as raw IndexedDB sees it, without any upgrade. */
async function rawState(name: string) {
  const db = await openDB(name);
  const state = {
    version: db.version,
    stores: [...db.objectStoreNames],
    prospectIndexes: [...db.transaction('prospects').store.indexNames],
    prospects: (await db.getAll('prospects')) as V1Prospect[],
    touches: (await db.getAll('touches')) as { id: string }[],
  };
  db.close();
  return state;
}

/**
 * Opening with the failing block must reject. db.ts aborts the upgrade transaction, so the caller
 * sees IndexedDB's AbortError; db.ts does not yet pass on the failing step's own error.
 */
async function expectOpenToFail(name: string) {
  future.failing = true;
  try {
    await expect(openTouchbaseDB(name)).rejects.toThrow(/stays at its previous version: .*failed/);
  } finally {
    future.failing = false;
  }
}

describe(`a v1 store of ${PROSPECTS} prospects and ${TOUCHES} touches`, () => {
  beforeAll(() => createV1Database(NAME, fixture.prospects, fixture.touches), 60_000);

  it('survives a failed upgrade untouched: still version 1, no v2 or v3 change, every record as v1 wrote it', async () => {
    await expectOpenToFail(NAME);
    const after = await rawState(NAME);
    expect(after).toMatchObject({ version: 1, stores: ['prospects', 'settings', 'touches'] });
    expect(after.prospectIndexes).not.toContain('byRemindAt');
    expectSameRecords(after.prospects, fixture.prospects);
    expectSameRecords(after.touches, fixture.touches);
  }, 30_000);

  describe('opened by the current code', () => {
    let db: TouchbaseDB;
    beforeAll(async () => {
      db = await openTouchbaseDB(NAME);
    }, 30_000);
    afterAll(() => db.close());

    it('keeps every record field for field, adding remindAt exactly where the v2 rule says', async () => {
      expect(db.version).toBe(DB_VERSION);
      expect([await db.count('prospects'), await db.count('touches')]).toEqual([PROSPECTS, TOUCHES]);
      expectSameRecords(await db.getAll('prospects'), upgraded);
      expectSameRecords(await db.getAll('touches'), fixture.touches);
      // The generator must cover every case of the rule, or this test proves less than it says.
      const pending = upgraded.filter((p) => 'remindAt' in p).length;
      expect(pending).toBeGreaterThan(PROSPECTS / 3);
      expect(upgraded.filter((p) => p.dueAt !== undefined && !('remindAt' in p)).length).toBeGreaterThan(PROSPECTS / 5);
    }, 30_000);

    it('answers from every index in IndexedDB order', async () => {
      const ps = upgraded as unknown as Prospect[];
      const expected = {
        byDueAt: keysInIndexOrder(ps, (p) => sparse(p.dueAt)),
        byEmail: keysInIndexOrder(ps, (p) => [[p.email]]),
        byMailboxEmail: keysInIndexOrder(ps, (p) => [[p.mailbox, p.email]]),
        byStage: keysInIndexOrder(ps, (p) => [[p.stageId]]),
        byThreadId: keysInIndexOrder(ps, (p) => p.threadIds.map((id) => [id])),
        byRemindAt: keysInIndexOrder(ps, (p) => sparse(p.remindAt)),
      } as const;
      for (const [index, keys] of Object.entries(expected)) {
        expectSameOrder(await db.getAllKeysFromIndex('prospects', index as keyof typeof expected), keys);
      }
      const touches = fixture.touches as unknown as Touch[];
      expectSameOrder(await db.getAllKeysFromIndex('touches', 'byProspectAt'), keysInIndexOrder(touches, (t) => [[t.prospectId, t.at]]));
      const messageProspect = (t: Touch) => (t.messageId === undefined ? [] : [[t.messageId, t.prospectId]]);
      expectSameOrder(await db.getAllKeysFromIndex('touches', 'byMessageProspect'), keysInIndexOrder(touches, messageProspect));
    }, 30_000);

    it('still refuses a second touch for a Gmail message and a second prospect per mailbox and address', async () => {
      const touch = fixture.touches.find((t) => t.messageId !== undefined);
      const prospect = fixture.prospects[0];
      const tx = db.transaction('touches', 'readwrite');
      await expect(tx.store.add({ ...touch, id: 'copy' } as never)).rejects.toMatchObject({ name: 'ConstraintError' });
      await tx.done.catch(() => undefined);
      const again = db.transaction('prospects', 'readwrite');
      await expect(again.store.add({ ...prospect, id: 'copy' } as never)).rejects.toMatchObject({ name: 'ConstraintError' });
      await again.done.catch(() => undefined);
    });

    it('gives the scheduler exactly the v1 reminders that were due and never shown', async () => {
      const expected = upgraded.filter((p) => p.dueAt !== undefined && p.dueAt <= RELEASE && p.notified?.dueAt !== p.dueAt);
      const ids = (await dueWithoutReminder(db, RELEASE)).map((p) => p.id).sort();
      expect(ids).toEqual(expected.map((p) => p.id).sort());
    });

    it('survives a failed upgrade from the current version and reopens with every record', async () => {
      db.close();
      await expectOpenToFail(NAME);
      expect((await rawState(NAME)).version).toBe(DB_VERSION);
      db = await openTouchbaseDB(NAME);
      expectSameRecords(await db.getAll('prospects'), upgraded);
      expectSameRecords(await db.getAll('touches'), fixture.touches);
    }, 30_000);
  });
});
