import { openDB } from 'idb';
import { createV2Database } from './v2';

/**
 * Schema v3 exactly as released: v2 (frozen in v2.ts) with the Gmail message index unique per
 * prospect instead of per store, with records written as v3 wrote them.
 */
export async function createV3Database(name: string, prospects: readonly object[] = [], touches: readonly object[] = []): Promise<void> {
  await createV2Database(name);
  const db = await openDB(name, 3, {
    upgrade(_database, _oldVersion, _newVersion, tx) {
      const store = tx.objectStore('touches');
      store.deleteIndex('byMessageId');
      store.createIndex('byMessageProspect', ['messageId', 'prospectId'], { unique: true });
    },
  });
  const tx = db.transaction(['prospects', 'touches'], 'readwrite');
  for (const record of prospects) void tx.objectStore('prospects').put(record);
  for (const record of touches) void tx.objectStore('touches').put(record);
  await tx.done;
  db.close();
}
