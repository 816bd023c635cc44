import { useEffect, useState } from 'preact/hooks';
import { upcomingHorizon } from '../domain/classify';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { onChange } from '../platform/messages';
import { openTouchbaseDB, type TouchbaseDB } from '../store/db';
import { allProspects, prospectsDueBy } from '../store/queries';
import { readSettings } from '../store/settings';

export type StoreState =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: string }
  | {
      readonly status: 'ready';
      readonly due: readonly Prospect[];
      readonly settings: Settings;
      readonly now: number;
      /** Every prospect, read only once search or the pipeline asks for it. */
      readonly all: readonly Prospect[] | null;
    };

/**
 * What the popup shows, read straight from IndexedDB (extension pages may read; only the
 * background writes). The due list comes from the dueAt index up to the end of the upcoming week;
 * the whole store is read only when `wantAll` (search, pipeline). Everything is read again on
 * each change event.
 */
export function useStore(wantAll: boolean): StoreState {
  const [state, setState] = useState<StoreState>({ status: 'loading' });
  useEffect(() => {
    const stop = new AbortController();
    let db: Promise<TouchbaseDB> | undefined;
    const load = async () => {
      try {
        db ??= openTouchbaseDB();
        const connection = await db;
        const now = Date.now();
        const started = performance.now();
        const [due, settings, all] = await Promise.all([
          prospectsDueBy(connection, upcomingHorizon(now)),
          readSettings(connection),
          wantAll ? allProspects(connection) : Promise.resolve(null),
        ]);
        performance.measure('touchbase:due-query', { start: started, end: performance.now() });
        if (!stop.signal.aborted) setState({ status: 'ready', due, settings, now, all });
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
  }, [wantAll]);
  return state;
}
