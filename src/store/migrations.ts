import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { SYNC_KEYS, type TouchbaseSchema } from './schema';
import { newDeviceId } from './deviceId';

/** The schema version this build expects. Raise it together with a new block below. */
export const DB_VERSION = 4;

/**
 * The schema as the blocks below see it: today's, plus the indexes that released versions
 * created and later ones retired (byMessageId: v1–v2), so each block keeps compiling as released.
 */
interface SchemaHistory extends TouchbaseSchema {
  touches: TouchbaseSchema['touches'] & { indexes: { byMessageId: string } };
}

type UpgradeTx<Schema extends TouchbaseSchema> = IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>;

/**
 * Cascading upgrades: a profile at version N runs every block above N, in order, inside the
 * one versionchange transaction IndexedDB gives us, so a failed step rolls the whole upgrade
 * back and the old data stays readable. Released blocks are never edited; each has a test that
 * opens stored data of the version before it.
 */
export async function migrate(database: IDBPDatabase<TouchbaseSchema>, oldVersion: number, transaction: UpgradeTx<TouchbaseSchema>): Promise<void> {
  const db = database as unknown as IDBPDatabase<SchemaHistory>;
  const tx = transaction as unknown as UpgradeTx<SchemaHistory>;
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

  if (oldVersion < 3) {
    // v3: a Gmail message is one touch per prospect, not one touch in all: when two tracked people
    // of one deal share a thread, the message counts for each of them. v2 data already satisfies
    // the looser constraint, so no record changes; the index is rebuilt from the stored touches.
    const touches = tx.objectStore('touches');
    touches.deleteIndex('byMessageId');
    touches.createIndex('byMessageProspect', ['messageId', 'prospectId'], { unique: true });
  }

  if (oldVersion < 4) {
    // v4: sync. The stores sync keeps beside the records, and this device's id. No record
    // changes, and none is read: the synced copies of records stored before are made when the
    // rep first connects (syncWrites.queueEverything), or when one of them is next edited.
    db.createObjectStore('syncProspects', { keyPath: 'key' }).createIndex('byLocalId', 'localId', { unique: true });
    db.createObjectStore('outbox');
    db.createObjectStore('syncPending', { keyPath: 'id' }).createIndex('byProspectKey', 'prospectKey');
    await db.createObjectStore('sync').put(newDeviceId(), SYNC_KEYS.device);
  }
}
