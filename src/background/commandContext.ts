import type { ThreadLink } from '../domain/types';
import type { ProgressWork, RelayedSend } from '../messaging/protocol';
import type { TouchbaseDB } from '../store/db';
import type { SyncControl } from './sync/service';

/** What a command's handler is given: the store, the moment, and the browser effects it may cause. */
export interface CommandContext {
  readonly db: TouchbaseDB;
  readonly now: number;
  /** Opens a thread in Gmail; injected so commands stay free of browser APIs (and testable). */
  readonly openThread: (thread: ThreadLink) => Promise<void>;
  /** Looks up UI text (stage names in CSV files); absent in tests that do not need it. */
  readonly translate?: (key: string) => string;
  /** Tells the pages how far an import has got; absent where nobody watches (tests). */
  readonly progress?: (work: ProgressWork, done: number, total: number) => void;
  /** Hands a pop-out window's send to the Gmail tabs; answers how many were told. Absent in tests that do not relay. */
  readonly relaySend?: (sent: RelayedSend) => Promise<number>;
  /** Sync's connection and runs; absent in tests that do not sync. */
  readonly sync?: SyncControl;
}

export interface CommandResult<T> {
  readonly value: T;
  /** Prospects this command wrote; non-empty means a change event goes out. */
  readonly changed: readonly string[];
  /** The settings changed (or were deleted): pages and tabs reload them too. */
  readonly settingsChanged?: boolean;
}
