import type { TouchbaseDB } from './db';

export interface StoredCounts {
  readonly prospects: number;
  readonly touches: number;
}

export async function storedCounts(db: TouchbaseDB): Promise<StoredCounts> {
  const tx = db.transaction(['prospects', 'touches']);
  const [prospects, touches] = await Promise.all([tx.objectStore('prospects').count(), tx.objectStore('touches').count()]);
  return { prospects, touches };
}

/** Deletes every prospect, touch and setting in one transaction; returns what was there. */
export async function deleteAllData(db: TouchbaseDB): Promise<{ counts: StoredCounts; ids: string[] }> {
  const tx = db.transaction(['prospects', 'touches', 'settings'], 'readwrite');
  const [ids, prospects, touches] = await Promise.all([tx.objectStore('prospects').getAllKeys(), tx.objectStore('prospects').count(), tx.objectStore('touches').count()]);
  await Promise.all([tx.objectStore('prospects').clear(), tx.objectStore('touches').clear(), tx.objectStore('settings').clear(), tx.done]);
  return { counts: { prospects, touches }, ids };
}
