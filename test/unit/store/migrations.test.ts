import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openTouchbaseDB } from '../../../src/store/db';
import { DB_VERSION } from '../../../src/store/migrations';
import { createV1Database, v1Prospect } from './v1';

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
      version: 2,
      stores: [
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
        {
          name: 'touches',
          keyPath: 'id',
          indexes: [
            { name: 'byMessageId', keyPath: 'messageId', unique: true, multiEntry: false },
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
    expect(await db.getFromIndex('touches', 'byMessageId', 'm1')).toEqual(touch);
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
