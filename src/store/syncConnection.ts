import type { Problem } from '../domain/problems';
import type { SyncTarget } from '../domain/syncTarget';
import type { Millis } from '../domain/types';
import type { TouchbaseDB } from './db';
import { SYNC_KEYS } from './schema';
import { settingsIn, WRITE_STORES } from './rederive';
import { queueSettings } from './syncSettings';
import { queueEverything } from './syncWrites';

/**
 * The sync connection and what became of the last runs. Kept in the `sync` store of this
 * device's database: a backup reads prospects, touches and settings only, and nothing here is
 * ever sent to the server, so the password stays on this computer.
 */

export interface SyncConnection extends SyncTarget {
  /** As the rep typed them, to show in Options. */
  readonly serverUrl: string;
  readonly database: string;
}

export interface SyncRunState {
  readonly lastSyncAt: Millis | null;
  /** When the runs started failing (null while the last one succeeded): a day of it is shown in the popup. */
  readonly failingSince: Millis | null;
  readonly lastError: Problem | null;
}

const NEVER_RAN: SyncRunState = { lastSyncAt: null, failingSince: null, lastError: null };
/** The database the outbox and the checkpoint were last kept for: reconnecting to it resumes. */
const SYNCED_WITH = 'syncedWith';

function isConnection(value: unknown): value is SyncConnection {
  return typeof value === 'object' && value !== null && typeof (value as SyncConnection).databaseUrl === 'string';
}

export async function readConnection(db: TouchbaseDB): Promise<SyncConnection | null> {
  const stored = await db.get('sync', SYNC_KEYS.connection);
  return isConnection(stored) ? stored : null;
}

/**
 * Stores the connection. Another database than the one synced with before starts afresh: the
 * pull from its beginning, and every local record queued to push (the new database lacks them).
 */
export async function saveConnection(db: TouchbaseDB, connection: SyncConnection): Promise<void> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const sync = tx.objectStore('sync');
  if ((await sync.get(SYNCED_WITH)) !== connection.databaseUrl) {
    await sync.put('0', SYNC_KEYS.checkpoint);
    await sync.put(connection.databaseUrl, SYNCED_WITH);
    await queueEverything(tx);
    await queueSettings(tx, await settingsIn(tx));
  }
  await sync.put(connection, SYNC_KEYS.connection);
  await sync.put(NEVER_RAN, SYNC_KEYS.state);
  await tx.done;
}

/** Forgets the connection and its password; the local data, outbox and checkpoint stay. */
export async function forgetConnection(db: TouchbaseDB): Promise<void> {
  const tx = db.transaction('sync', 'readwrite');
  await Promise.all([tx.store.delete(SYNC_KEYS.connection), tx.store.put(NEVER_RAN, SYNC_KEYS.state), tx.done]);
}

export async function readRunState(db: TouchbaseDB): Promise<SyncRunState> {
  const stored = (await db.get('sync', SYNC_KEYS.state)) as SyncRunState | undefined;
  return stored ?? NEVER_RAN;
}

export async function recordRun(db: TouchbaseDB, outcome: { readonly at: Millis; readonly error: Problem | null }): Promise<SyncRunState> {
  const tx = db.transaction('sync', 'readwrite');
  const before = ((await tx.store.get(SYNC_KEYS.state)) as SyncRunState | undefined) ?? NEVER_RAN;
  const state: SyncRunState =
    outcome.error === null
      ? { lastSyncAt: outcome.at, failingSince: null, lastError: null }
      : { lastSyncAt: before.lastSyncAt, failingSince: before.failingSince ?? outcome.at, lastError: outcome.error };
  await Promise.all([tx.store.put(state, SYNC_KEYS.state), tx.done]);
  return state;
}

/** Changes made here that the server does not have yet. */
export function waitingCount(db: TouchbaseDB): Promise<number> {
  return db.count('outbox');
}
