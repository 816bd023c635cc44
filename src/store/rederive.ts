import type { IDBPTransaction } from 'idb';
import { deriveProspect, type ProspectBase } from '../domain/derive';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { SETTINGS_KEY, type TouchbaseSchema } from './schema';

/** Every store a change may write: the records, and the sync bookkeeping that commits with them. */
export const WRITE_STORES = ['prospects', 'touches', 'settings', 'syncProspects', 'outbox', 'syncPending', 'sync'] as const;

export type WriteTx = IDBPTransaction<TouchbaseSchema, (typeof WRITE_STORES)[number][], 'readwrite'>;

/** The rep's settings as this transaction sees them (the defaults until they change something). */
export async function settingsIn(tx: WriteTx): Promise<Settings> {
  return (await tx.objectStore('settings').get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
}

/** The [prospectId, at] index range holding every touch of one prospect, oldest first. */
export function touchRangeOf(prospectId: string): IDBKeyRange {
  return IDBKeyRange.bound([prospectId, -Infinity], [prospectId, Infinity]);
}

/**
 * Recomputes a prospect's derived fields from its stored touches and writes it, inside the
 * caller's transaction: the record and its indexes (dueAt, threadIds) change atomically with
 * the write that caused them.
 */
export async function rederiveAndPut(tx: WriteTx, base: ProspectBase, settings: Settings): Promise<Prospect> {
  const touches = await tx.objectStore('touches').index('byProspectAt').getAll(touchRangeOf(base.id));
  const prospect = deriveProspect(base, touches, settings);
  await tx.objectStore('prospects').put(prospect);
  return prospect;
}
