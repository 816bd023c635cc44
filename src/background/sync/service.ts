import { problem, type Problem, type ProblemKey } from '../../domain/problems';
import { readSyncTarget } from '../../domain/syncTarget';
import type { SyncConnectRequest, SyncStatus } from '../../messaging/protocol';
import type { TouchbaseDB } from '../../store/db';
import { StoreError } from '../../store/errors';
import { forgetConnection, readConnection, readRunState, recordRun, saveConnection, waitingCount, type RefusedDocument } from '../../store/syncConnection';
import { StoreSyncLocal } from '../../store/syncLocal';
import { CouchClient, CouchError, type CouchFailure, type CouchTarget } from './couch';
import { replicate } from './replicate';

/**
 * Runs sync for the worker: after every committed change (debounced), on the alarm, and when the
 * rep asks. One run at a time; a change committed during a run makes one more run after it. A
 * worker stopped mid-run loses nothing: the next run resumes from the stored checkpoint (pulls)
 * and the stored outbox (pushes).
 */

export interface SyncDeps {
  readonly db: () => Promise<TouchbaseDB>;
  readonly now: () => number;
  /** Whether the browser lets Touchbase contact this origin (the rep granted it in Options). */
  readonly hasPermission: (pattern: string) => Promise<boolean>;
  readonly removePermission: (pattern: string) => Promise<void>;
  /** Starts (true) or stops (false) the periodic alarm. */
  readonly schedule: (connected: boolean) => Promise<void>;
  /** Pulled changes are stored: pages, tabs, reminders and the badge catch up. */
  /** Told what a run's pulls changed: the prospects, and whether the settings changed too. */
  readonly afterPull: (changedProspectIds: readonly string[], settingsChanged: boolean) => Promise<void>;
  readonly log: (message: string) => void;
  /** Injected in tests; the worker's own fetch otherwise. */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

export interface SyncControl {
  connect(request: SyncConnectRequest): Promise<SyncStatus>;
  disconnect(): Promise<SyncStatus>;
  status(): Promise<SyncStatus>;
  /** Runs now (or joins the run under way) and answers with the state after it. */
  run(): Promise<SyncStatus>;
  /** Runs shortly: changes committed close together go in one run. */
  soon(): void;
}

export const SYNC_ALARM = 'touchbase-sync';
export const SYNC_PERIOD_MINUTES = 15;
const DEBOUNCE_MS = 2000;

const FAILURE_PROBLEMS: Readonly<Record<CouchFailure, ProblemKey>> = {
  offline: 'syncOffline',
  unauthorized: 'syncUnauthorized',
  forbidden: 'syncForbidden',
  notFound: 'syncNoDatabase',
  server: 'syncServerError',
  badAnswer: 'syncBadAnswer',
};

function problemOf(error: unknown): Problem {
  return problem('', error instanceof CouchError ? FAILURE_PROBLEMS[error.failure] : 'syncServerError');
}

export function createSync(deps: SyncDeps): SyncControl {
  let running: Promise<SyncStatus> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const client = (target: CouchTarget) => new CouchClient(target, deps.fetch);

  async function status(): Promise<SyncStatus> {
    const db = await deps.db();
    const [connection, state, waiting] = await Promise.all([readConnection(db), readRunState(db), waitingCount(db)]);
    return {
      connected: connection !== null,
      serverUrl: connection?.serverUrl ?? null,
      database: connection?.database ?? null,
      user: connection?.user ?? null,
      waiting,
      ...state,
    };
  }

  async function runOnce(): Promise<void> {
    const db = await deps.db();
    const connection = await readConnection(db);
    if (connection === null) return;
    const local = new StoreSyncLocal(db, deps.now);
    let refused: readonly RefusedDocument[] = [];
    let error: Problem | null = null;
    try {
      if (!(await deps.hasPermission(connection.permissionPattern))) error = problem('', 'syncNoPermission');
      else {
        const report = await replicate(client(connection), local);
        // Damaged server documents are left on the server and never applied; the state names them.
        refused = report.refused;
        if (refused.length > 0) deps.log(`sync: ${refused.length} server documents refused: ${refused.map((r) => r.id).join(', ')}`);
        // The server kept refusing writes (every one conflicting, run after run): they wait in the outbox, and the rep is told.
        if (report.waiting > 0) error = problem('', 'syncWritesRefused', report.waiting);
      }
    } catch (caught) {
      error = problemOf(caught);
      if (!(caught instanceof CouchError)) deps.log(`sync: ${String(caught)}`);
    }
    // Pages are told about what was applied, even when a later page failed.
    if (local.changed.size > 0 || local.settingsChanged) await deps.afterPull([...local.changed], local.settingsChanged).catch((e: unknown) => deps.log(`sync: after pull: ${String(e)}`));
    await recordRun(db, { at: deps.now(), error, refused, applied: local.applied });
  }

  function run(): Promise<SyncStatus> {
    if (running !== null) {
      again = true;
      return running;
    }
    const current = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again);
        return await status();
      } finally {
        running = null;
      }
    })();
    running = current;
    return current;
  }

  return {
    status,
    run,
    soon() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        run().catch((error: unknown) => deps.log(`sync: ${String(error)}`));
      }, DEBOUNCE_MS);
    },
    async connect(request) {
      const target = readSyncTarget(request);
      if (!target.ok) throw new StoreError('invalid', target.problem);
      if (!(await deps.hasPermission(target.value.permissionPattern))) throw StoreError.of('invalid', '', 'syncNoPermission');
      try {
        await client(target.value).check();
      } catch (error) {
        throw new StoreError('invalid', problemOf(error));
      }
      const db = await deps.db();
      await saveConnection(db, { ...target.value, serverUrl: request.serverUrl, database: request.database });
      await deps.schedule(true);
      return run();
    },
    async disconnect() {
      const db = await deps.db();
      const connection = await readConnection(db);
      await forgetConnection(db);
      await deps.schedule(false);
      if (connection !== null) await deps.removePermission(connection.permissionPattern);
      return status();
    },
  };
}
