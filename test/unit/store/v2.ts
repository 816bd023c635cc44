import { openDB } from 'idb';
import { createV1Database } from './v1';

/**
 * Schema v2 exactly as released: v1 (frozen in v1.ts) plus the sparse `byRemindAt` index on
 * prospects, with records written as v2 wrote them. Migration tests start from this, never from
 * the current code.
 */
export async function createV2Database(name: string, prospects: readonly object[] = [], touches: readonly object[] = []): Promise<void> {
  await createV1Database(name);
  const db = await openDB(name, 2, {
    upgrade(_database, _oldVersion, _newVersion, tx) {
      tx.objectStore('prospects').createIndex('byRemindAt', 'remindAt');
    },
  });
  const tx = db.transaction(['prospects', 'touches'], 'readwrite');
  for (const record of prospects) void tx.objectStore('prospects').put(record);
  for (const record of touches) void tx.objectStore('touches').put(record);
  await tx.done;
  db.close();
}
