import { openTouchbaseDB, type TouchbaseDB } from '../store/db';

let connection: Promise<TouchbaseDB> | undefined;

/**
 * One connection per worker life. Keeping the connection (not data) in memory is safe: a killed
 * worker simply opens it again. A failed open is not cached, so the next message retries.
 */
export function database(): Promise<TouchbaseDB> {
  connection ??= openTouchbaseDB().then(
    (db) => {
      // Closed for a deletion or a newer version elsewhere: the next command opens afresh.
      db.addEventListener('versionchange', () => (connection = undefined));
      return db;
    },
    (error: unknown) => {
      connection = undefined;
      throw error;
    },
  );
  return connection;
}
