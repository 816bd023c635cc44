import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openTouchbaseDB } from '../../../src/store/db';
import { DB_VERSION } from '../../../src/store/migrations';
import { createV1Database, v1Prospect } from './v1';
import { createV2Database } from './v2';
import { createV3Database } from './v3';

/** What a store looks like, as plain data: the contract each migration must reach. */
async function describeSchema(name: string) {
  const db = await openDB(name);
  const stores = [...db.objectStoreNames].sort().map((storeName) => {
    const store = db.transaction(storeName).objectStore(storeName);
    const indexes = [...store.indexNames].sort().map((indexName) => {
      const index = store.index(indexName);
      return { name: indexName, keyPath: index.keyPath, unique: index.unique, multiEntry: index.multiEntry };
    });
    return { name: storeName, keyPath: store.keyPath, indexes };
  });
  const version = db.version;
  db.close();
  return { version, stores };
}

describe('schema migrations', () => {
  it('creates the current schema from nothing with every index the design asks for', async () => {
    const name = `migrate-v0-${Math.random()}`;
    (await openTouchbaseDB(name)).close();
    expect(await describeSchema(name)).toEqual({
      version: 4,
      stores: [
        { name: 'outbox', keyPath: null, indexes: [] },
        {
          name: 'prospects',
          keyPath: 'id',
          indexes: [
            { name: 'byDueAt', keyPath: 'dueAt', unique: false, multiEntry: false },
            { name: 'byEmail', keyPath: 'email', unique: false, multiEntry: false },
            { name: 'byMailboxEmail', keyPath: ['mailbox', 'email'], unique: true, multiEntry: false },
            { name: 'byRemindAt', keyPath: 'remindAt', unique: false, multiEntry: false },
            { name: 'byStage', keyPath: 'stageId', unique: false, multiEntry: false },
            { name: 'byThreadId', keyPath: 'threadIds', unique: false, multiEntry: true },
          ],
        },
        { name: 'settings', keyPath: null, indexes: [] },
        { name: 'sync', keyPath: null, indexes: [] },
        { name: 'syncPending', keyPath: 'id', indexes: [{ name: 'byProspectKey', keyPath: 'prospectKey', unique: false, multiEntry: false }] },
        { name: 'syncProspects', keyPath: 'key', indexes: [{ name: 'byLocalId', keyPath: 'localId', unique: true, multiEntry: false }] },
        {
          name: 'touches',
          keyPath: 'id',
          indexes: [
            { name: 'byMessageProspect', keyPath: ['messageId', 'prospectId'], unique: true, multiEntry: false },
            { name: 'byProspectAt', keyPath: ['prospectId', 'at'], unique: false, multiEntry: false },
          ],
        },
      ],
    });
  });

  it('v1 → v2: indexes pending reminders of stored prospects, leaving shown ones and everything else intact', async () => {
    const name = `migrate-v1-${Math.random()}`;
    const pending = v1Prospect('p1', { threadIds: ['t1'] });
    const shown = v1Prospect('p2', { notified: { dueAt: 1000, at: 1001 } });
    const lost = v1Prospect('p3', { stageId: 'lost', dueAt: undefined, dueKind: undefined });
    const touch = { id: 'x1', prospectId: 'p1', at: 5, channel: 'email', direction: 'outbound', source: 'gmail', messageId: 'm1', note: '', createdAt: 5 };
    await createV1Database(name, [pending, shown, lost], [touch]);

    const db = await openTouchbaseDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.get('prospects', 'p1')).toEqual({ ...pending, remindAt: 1000 });
    expect(await db.get('prospects', 'p2')).toEqual(shown);
    expect(await db.get('prospects', 'p3')).toEqual(lost);
    expect(await db.getAllKeysFromIndex('prospects', 'byRemindAt')).toEqual(['p1']);
    expect(await db.getAllKeysFromIndex('prospects', 'byThreadId', 't1')).toEqual(['p1']);
    expect(await db.getFromIndex('touches', 'byMessageProspect', ['m1', 'p1'])).toEqual(touch);
    db.close();
  });

  it('v2 → v3: a Gmail message is unique per prospect, every stored record unchanged', async () => {
    const name = `migrate-v2-${Math.random()}`;
    const ann = v1Prospect('ann', { remindAt: 1000, threadIds: ['t1'] });
    const bo = v1Prospect('bo', { threadIds: ['t1'] });
    const base = { channel: 'email', source: 'gmail', note: '', threadId: 't1' };
    // As v2 stored them: message m1 only for Ann (v2 refused it for Bo), m2 for Bo, a call without a message.
    const touches = [
      { ...base, id: 'a1', prospectId: 'ann', at: 10, direction: 'outbound', messageId: 'm1', createdAt: 10 },
      { ...base, id: 'b2', prospectId: 'bo', at: 20, direction: 'inbound', messageId: 'm2', createdAt: 20 },
      { id: 'a3', prospectId: 'ann', at: 30, channel: 'phone', direction: 'outbound', source: 'manual', note: 'call', createdAt: 30 },
    ];
    await createV2Database(name, [ann, bo], touches);

    const db = await openTouchbaseDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('prospects')).toEqual([ann, bo]);
    // getAll lists by primary key: a1, a3, b2.
    expect(await db.getAll('touches')).toEqual([touches[0], touches[2], touches[1]]);
    // The rule: one index entry [messageId, prospectId] per touch that carries a message id.
    expect(await db.getAllKeysFromIndex('touches', 'byMessageProspect')).toEqual(['a1', 'b2']);
    expect(await db.getFromIndex('touches', 'byMessageProspect', ['m1', 'ann'])).toEqual(touches[0]);
    expect([...db.transaction('touches').store.indexNames]).not.toContain('byMessageId');

    // What v2 refused is now stored; the same message for the same person is still refused.
    await db.add('touches', { ...touches[0], id: 'b1', prospectId: 'bo' } as never);
    await expect(db.add('touches', { ...touches[0], id: 'again' } as never)).rejects.toMatchObject({ name: 'ConstraintError' });
    expect(await db.getAllKeysFromIndex('touches', 'byMessageProspect', IDBKeyRange.bound(['m1'], ['m1', []]))).toEqual(['a1', 'b1']);
    db.close();
  });

  it('v3 → v4: adds the sync stores and a device id, every stored record unchanged', async () => {
    const name = `migrate-v3-${Math.random()}`;
    const ann = v1Prospect('ann', { threadIds: ['t1'], remindAt: 1000 });
    const touch = { id: 'a1', prospectId: 'ann', at: 10, channel: 'email', direction: 'outbound', source: 'gmail', messageId: 'm1', note: '', createdAt: 10 };
    await createV3Database(name, [ann], [touch]);

    const db = await openTouchbaseDB(name);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('prospects')).toEqual([ann]);
    expect(await db.getAll('touches')).toEqual([touch]);
    expect([await db.count('outbox'), await db.count('syncProspects'), await db.count('syncPending')]).toEqual([0, 0, 0]);
    expect(await db.getAllKeys('sync')).toEqual(['device']);
    expect(await db.get('sync', 'device')).toMatch(/^[0-9a-z]{16}$/);
    db.close();
  });

  it('reopens a database at the current version without touching its records', async () => {
    const name = `migrate-current-${Math.random()}`;
    const first = await openTouchbaseDB(name);
    const record = v1Prospect('p1', { remindAt: 1000 });
    await first.put('prospects', record as never);
    first.close();
    const again = await openTouchbaseDB(name);
    expect(await again.get('prospects', 'p1')).toEqual(record);
    again.close();
  });
});
