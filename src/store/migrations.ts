import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { formatHlc } from '../domain/hlc';
import { SYNC_KEYS, type TouchbaseSchema } from './schema';
import { syncedFromLocal, touchSyncId } from './syncRecords';
import { newDeviceId } from './syncWrites';

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
    // v4: sync. Every record already stored gets its synced copy (each field stamped with the
    // record's last edit, so between two devices the more recently edited copy wins) and an outbox
    // entry: connecting later pushes the whole pipeline. Nothing of the records themselves changes.
    const syncProspects = db.createObjectStore('syncProspects', { keyPath: 'key' });
    syncProspects.createIndex('byLocalId', 'localId', { unique: true });
    const outbox = db.createObjectStore('outbox');
    db.createObjectStore('syncPending', { keyPath: 'id' }).createIndex('byProspectKey', 'prospectKey');
    const sync = db.createObjectStore('sync');
    const device = newDeviceId();
    await sync.put(device, SYNC_KEYS.device);
    let latest = 0;
    const keys = new Map<string, { key: string; mailbox: string }>();
    for (let cursor = await tx.objectStore('prospects').openCursor(); cursor; cursor = await cursor.continue()) {
      const prospect = cursor.value;
      const synced = syncedFromLocal(prospect, formatHlc({ wall: prospect.updatedAt, counter: 0, device }));
      // Two records that fold to one key (addresses differing only in case) sync as the first.
      if (await syncProspects.get(synced.key)) continue;
      await syncProspects.put({ key: synced.key, localId: prospect.id, synced });
      await outbox.put({ kind: 'prospect', key: synced.key }, synced.key);
      keys.set(prospect.id, synced);
      latest = Math.max(latest, prospect.updatedAt);
    }
    for (let cursor = await tx.objectStore('touches').openCursor(); cursor; cursor = await cursor.continue()) {
      const touch = cursor.value;
      const prospect = keys.get(touch.prospectId);
      if (prospect === undefined || touch.provisional === true) continue;
      await outbox.put({ kind: 'touch', localId: touch.id }, touchSyncId(touch, prospect));
    }
    await sync.put(formatHlc({ wall: latest, counter: 0, device }), SYNC_KEYS.clock);
  }
}
