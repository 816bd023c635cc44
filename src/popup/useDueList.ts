import { useEffect, useState } from 'preact/hooks';
import { upcomingHorizon } from '../domain/classify';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { onChange } from '../platform/messages';
import { openTouchbaseDB, type TouchbaseDB } from '../store/db';
import { prospectsDueBy } from '../store/queries';
import { readSettings } from '../store/settings';

export type DueListState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | { readonly status: 'ready'; readonly prospects: readonly Prospect[]; readonly settings: Settings; readonly now: number };

/**
 * The due list, read straight from IndexedDB (extension pages may read; only the background
 * writes) through the dueAt index up to the end of the upcoming week, and read again on every
 * change event.
 */
export function useDueList(): DueListState {
  const [state, setState] = useState<DueListState>({ status: 'loading' });
  useEffect(() => {
    const stop = new AbortController();
    let db: Promise<TouchbaseDB> | undefined;
    const load = async () => {
      try {
        db ??= openTouchbaseDB();
        const connection = await db;
        const now = Date.now();
        const [prospects, settings] = await Promise.all([prospectsDueBy(connection, upcomingHorizon(now)), readSettings(connection)]);
        if (!stop.signal.aborted) setState({ status: 'ready', prospects, settings, now });
      } catch (error) {
        if (!stop.signal.aborted) setState({ status: 'error', error: error instanceof Error ? error.message : String(error) });
      }
    };
    void load();
    onChange(() => void load(), stop.signal);
    return () => {
      stop.abort();
      void db?.then((connection) => connection.close());
    };
  }, []);
  return state;
}
