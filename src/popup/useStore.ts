import { useEffect, useRef, useState } from 'preact/hooks';
import { startOfToday, upcomingHorizon } from '../domain/classify';
import { firstPageOfDue } from '../domain/firstPage';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { onChange } from '../platform/messages';
import type { TouchbaseDB } from '../store/db';
import { connection } from './connection';
import { allProspects, dueWindowHead, prospectsDueBy } from '../store/queries';
import { readSettings } from '../store/settings';

export interface Snapshot {
  readonly due: readonly Prospect[];
  /** false while only the head of the overdue list has been read (see domain/firstPage.ts). */
  readonly complete: boolean;
  readonly settings: Settings;
  readonly now: number;
  /** Every prospect, read only once search or the pipeline asks for it. */
  readonly all: readonly Prospect[] | null;
}

export type StoreState = { readonly status: 'ready'; readonly snapshot: Snapshot } | { readonly status: 'error'; readonly error: string };

/** Past-due prospects read for the first paint: enough to fill the first page of each section. */
const FIRST_PAINT_PAST = 64;

/**
 * What the popup shows, read straight from IndexedDB (extension pages may read; only the
 * background writes): the due list from the dueAt index up to the end of the upcoming week —
 * only its head when `head` (the first paint) — and every prospect when `wantAll`.
 */
export async function loadSnapshot({ wantAll = false, head = false } = {}): Promise<StoreState> {
  try {
    const db = await connection;
    const now = Date.now();
    const started = performance.now();
    const [{ list, complete, settings }, all] = await Promise.all([
      head ? readHead(db, now) : readDue(db, now),
      wantAll ? allProspects(db) : Promise.resolve(null),
    ]);
    const read = { start: started, end: performance.now() };
    if (head) performance.measure('touchbase:due-head-query', read);
    // A head read that reached the end of the past-due list was the full query too.
    if (!head || complete) performance.measure('touchbase:due-query', read);
    return { status: 'ready', snapshot: { due: list, complete, settings, now, all } };
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  }
}

async function readHead(db: TouchbaseDB, now: number) {
  const { past, current, truncated, settings } = await dueWindowHead(db, startOfToday(now), upcomingHorizon(now), FIRST_PAINT_PAST);
  return { list: firstPageOfDue(past, truncated, current, now), complete: !truncated, settings };
}

async function readDue(db: TouchbaseDB, now: number) {
  const [list, settings] = await Promise.all([prospectsDueBy(db, upcomingHorizon(now)), readSettings(db)]);
  return { list, complete: true, settings };
}

/**
 * Starts from the snapshot read before the first render (so the first paint is the list, not a
 * spinner), completes it if it was only the head, reads again on each change event, and reads
 * everything once `wantAll` turns on.
 *
 * Reads can finish out of order, and switching `wantAll` drops the reads in flight: each read
 * carries the number of change events seen when it started, a read older than the one shown is
 * thrown away, and a switch reads again if a change came after the snapshot on screen was read
 * (else the pipeline could show the prospects from before the change until the next one).
 */
export function useStore(wantAll: boolean, initial: StoreState): StoreState {
  const [state, setState] = useState(initial);
  const changes = useRef({ seen: 0, shown: 0 });
  const snapshot = state.status === 'ready' ? state.snapshot : null;
  const behind = snapshot !== null && (!snapshot.complete || (wantAll && snapshot.all === null));
  useEffect(() => {
    const stop = new AbortController();
    const reload = () => {
      const reading = changes.current.seen;
      void loadSnapshot({ wantAll }).then((next) => {
        if (stop.signal.aborted || reading < changes.current.shown) return;
        changes.current.shown = reading;
        setState(next);
      });
    };
    if (behind || changes.current.shown < changes.current.seen) reload();
    onChange(() => {
      changes.current.seen += 1;
      reload();
    }, stop.signal);
    return () => stop.abort();
    // `behind` is read once per wantAll switch: the reload that catches up must not re-subscribe.
  }, [wantAll]);
  return state;
}
