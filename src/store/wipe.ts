import type { TouchbaseDB } from './db';
import { WRITE_STORES } from './rederive';

export interface StoredCounts {
  readonly prospects: number;
  readonly touches: number;
}

export async function storedCounts(db: TouchbaseDB): Promise<StoredCounts> {
  const tx = db.transaction(['prospects', 'touches']);
  const [prospects, touches] = await Promise.all([tx.objectStore('prospects').count(), tx.objectStore('touches').count()]);
  return { prospects, touches };
}

/**
 * Deletes every prospect, touch and setting in one transaction; returns what was there. The sync
 * bookkeeping goes with them (connection included): deleting is for this computer only, sends no
 * tombstones, and a copy on a sync server stays there. Syncing again is a new connection.
 */
export async function deleteAllData(db: TouchbaseDB): Promise<{ counts: StoredCounts; ids: string[] }> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const [ids, prospects, touches] = await Promise.all([tx.objectStore('prospects').getAllKeys(), tx.objectStore('prospects').count(), tx.objectStore('touches').count()]);
  await Promise.all([...WRITE_STORES.map((store) => tx.objectStore(store).clear()), tx.done]);
  return { counts: { prospects, touches }, ids };
}
