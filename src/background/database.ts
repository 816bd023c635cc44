import { openTouchbaseDB, type TouchbaseDB } from '../store/db';

let connection: Promise<TouchbaseDB> | undefined;

/**
 * One connection per worker life. Keeping the connection (not data) in memory is safe: a killed
 * worker simply opens it again. A failed open is not cached, so the next message retries; nor
 * is a connection the browser closed (terminated) or that gave way to a deletion or a newer
 * version elsewhere (versionchange): the next command opens afresh instead of failing on it.
 */
export function database(): Promise<TouchbaseDB> {
  if (connection) return connection;
  const opening: Promise<TouchbaseDB> = openTouchbaseDB(undefined, () => forget(opening)).then(
    (db) => {
      db.addEventListener('versionchange', () => forget(opening));
      return db;
    },
    (error: unknown) => {
      forget(opening);
      throw error;
    },
  );
  connection = opening;
  return opening;
}

/** Drops a connection from the cache, unless a newer one already replaced it. */
function forget(stale: Promise<TouchbaseDB>): void {
  if (connection === stale) connection = undefined;
}
