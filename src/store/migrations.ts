import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { TouchbaseSchema } from './schema';

/** The schema version this build expects. Raise it together with a new block below. */
export const DB_VERSION = 2;

type UpgradeTx = IDBPTransaction<TouchbaseSchema, StoreNames<TouchbaseSchema>[], 'versionchange'>;

/**
 * Cascading upgrades: a profile at version N runs every block above N, in order, inside the
 * one versionchange transaction IndexedDB gives us, so a failed step rolls the whole upgrade
 * back and the old data stays readable. Released blocks are never edited; each has a test that
 * opens stored data of the version before it.
 */
export async function migrate(db: IDBPDatabase<TouchbaseSchema>, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) {
    const prospects = db.createObjectStore('prospects', { keyPath: 'id' });
    prospects.createIndex('byEmail', 'email');
    prospects.createIndex('byMailboxEmail', ['mailbox', 'email'], { unique: true });
    prospects.createIndex('byDueAt', 'dueAt');
    prospects.createIndex('byStage', 'stageId');
    prospects.createIndex('byThreadId', 'threadIds', { multiEntry: true });

    const touches = db.createObjectStore('touches', { keyPath: 'id' });
    touches.createIndex('byProspectAt', ['prospectId', 'at']);
    touches.createIndex('byMessageId', 'messageId', { unique: true });

    db.createObjectStore('settings');
  }

  if (oldVersion < 2) {
    // v2: pending reminders get their own sparse index, so the scheduler reads only what it has
    // not shown yet instead of every overdue prospect on every wake.
    const prospects = tx.objectStore('prospects');
    prospects.createIndex('byRemindAt', 'remindAt');
    for (let cursor = await prospects.openCursor(); cursor; cursor = await cursor.continue()) {
      const { dueAt, notified } = cursor.value;
      if (dueAt !== undefined && notified?.dueAt !== dueAt) await cursor.update({ ...cursor.value, remindAt: dueAt });
    }
  }
}
