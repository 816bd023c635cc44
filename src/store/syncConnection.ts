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

/** A server document the checks refused: left on the server, never applied here. */
export interface RefusedDocument {
  readonly id: string;
  readonly problem: Problem;
}

export interface SyncRunState {
  readonly lastSyncAt: Millis | null;
  /** When the runs started failing (null while the last one succeeded): a day of it is shown in the popup. */
  readonly failingSince: Millis | null;
  readonly lastError: Problem | null;
  /**
   * Server documents refused so far, oldest first, until a good version of one is applied. Kept
   * across runs: a pull reads a document once, then its checkpoint is past it.
   */
  readonly refused: readonly RefusedDocument[];
}

const NEVER_RAN: SyncRunState = { lastSyncAt: null, failingSince: null, lastError: null, refused: [] };
/** Enough to count and name them; a server with more damaged documents than this needs its admin. */
const MAX_REFUSED_KEPT = 1000;
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
  const stored = (await db.get('sync', SYNC_KEYS.state)) as Partial<SyncRunState> | undefined;
  // A state stored before refused documents were kept has none.
  return { ...NEVER_RAN, ...stored };
}

export interface RunOutcome {
  readonly at: Millis;
  readonly error: Problem | null;
  /** Server documents this run refused. */
  readonly refused?: readonly RefusedDocument[];
  /** Ids of server documents this run applied: a refused one fixed on the server is no longer refused. */
  readonly applied?: ReadonlySet<string>;
}

export async function recordRun(db: TouchbaseDB, outcome: RunOutcome): Promise<SyncRunState> {
  const tx = db.transaction('sync', 'readwrite');
  const before: SyncRunState = { ...NEVER_RAN, ...((await tx.store.get(SYNC_KEYS.state)) as Partial<SyncRunState> | undefined) };
  const fresh = outcome.refused ?? [];
  const refusedNow = new Set(fresh.map((entry) => entry.id));
  const refused = [...before.refused.filter((entry) => !refusedNow.has(entry.id) && !(outcome.applied?.has(entry.id) ?? false)), ...fresh].slice(0, MAX_REFUSED_KEPT);
  const state: SyncRunState =
    outcome.error === null
      ? { lastSyncAt: outcome.at, failingSince: null, lastError: null, refused }
      : { lastSyncAt: before.lastSyncAt, failingSince: before.failingSince ?? outcome.at, lastError: outcome.error, refused };
  await Promise.all([tx.store.put(state, SYNC_KEYS.state), tx.done]);
  return state;
}

/** Changes made here that the server does not have yet. */
export function waitingCount(db: TouchbaseDB): Promise<number> {
  return db.count('outbox');
}
