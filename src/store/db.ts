import { openDB, type IDBPDatabase } from 'idb';
import { migrate, DB_VERSION } from './migrations';
import { DB_NAME, type TouchbaseSchema } from './schema';

export type TouchbaseDB = IDBPDatabase<TouchbaseSchema>;

/**
 * Opens (and if needed upgrades) the store. When another context still holds an older
 * version open, that context closes its connection on `versionchange` so the upgrade can run.
 * `onTerminated` hears when the browser closes the connection on its own (storage cleared,
 * disk error): every later transaction on it would fail, so the holder must open a new one.
 */
export async function openTouchbaseDB(name: string = DB_NAME, onTerminated?: () => void): Promise<TouchbaseDB> {
  let stepError: unknown;
  try {
    return await openDB<TouchbaseSchema>(name, DB_VERSION, {
      // The upgrade transaction stays open while migrate awaits only IndexedDB requests. Any
      // failure aborts it, so the database stays at its old version with its old data.
      upgrade: (db, oldVersion, _newVersion, tx) => {
        tx.done.catch(() => undefined); // the open request reports the abort
        migrate(db, oldVersion, tx).catch((error: unknown) => {
          stepError = error;
          tx.abort();
        });
      },
      blocking: (_current, _blocked, event) => (event.target as IDBDatabase | null)?.close(),
      ...(onTerminated ? { terminated: onTerminated } : {}),
    });
  } catch (error) {
    if (stepError === undefined) throw error;
    const why = stepError instanceof Error ? stepError.message : String(stepError);
    throw new Error(`could not upgrade the Touchbase database to v${DB_VERSION}; it stays at its previous version: ${why}`, { cause: error });
  }
}
