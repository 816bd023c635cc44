import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { openTouchbaseDB } from '../../../src/store/db';
import { DB_VERSION } from '../../../src/store/migrations';

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
  it('creates schema v1 from nothing with every index the design asks for', async () => {
    const name = `migrate-v0-${Math.random()}`;
    (await openTouchbaseDB(name)).close();
    expect(await describeSchema(name)).toEqual({
      version: 1,
      stores: [
        {
          name: 'prospects',
          keyPath: 'id',
          indexes: [
            { name: 'byDueAt', keyPath: 'dueAt', unique: false, multiEntry: false },
            { name: 'byEmail', keyPath: 'email', unique: false, multiEntry: false },
            { name: 'byMailboxEmail', keyPath: ['mailbox', 'email'], unique: true, multiEntry: false },
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

  it('reopens a stored v1 database at the current version with its records intact', async () => {
    const name = `migrate-v1-${Math.random()}`;
    const v1 = await openTouchbaseDB(name);
    const record = { id: 'p1', email: 'a@x.test', mailbox: '', stageId: 'new', threadIds: ['t1'], dueAt: 5 };
    await v1.put('prospects', record as never);
    v1.close();
    const reopened = await openTouchbaseDB(name);
    expect(reopened.version).toBe(DB_VERSION);
    expect(await reopened.get('prospects', 'p1')).toEqual(record);
    expect(await reopened.getAllKeysFromIndex('prospects', 'byThreadId', 't1')).toEqual(['p1']);
    reopened.close();
  });
});
