import type { Prospect, Touch } from '../domain/types';
import type { TouchbaseDB } from '../store/db';

/** Records read per request while exporting: a count the rep sees move, in few round trips. */
export const EXPORT_CHUNK = 2_000;

type Stored = { readonly prospects: Prospect[]; readonly touches: Touch[] };

/**
 * Reads the stores an export needs in one read transaction, a chunk at a time by key, telling
 * `progress` how many records have been read of how many are stored.
 */
export async function readForExport(db: TouchbaseDB, withTouches: boolean, progress: (done: number, total: number) => void): Promise<Stored> {
  const tx = db.transaction(['prospects', 'touches']);
  const prospectStore = tx.objectStore('prospects');
  const touchStore = tx.objectStore('touches');
  const total = (await prospectStore.count()) + (withTouches ? await touchStore.count() : 0);
  let done = 0;
  const inChunks = async <T extends { readonly id: string }>(getChunk: (after: IDBKeyRange | undefined) => Promise<T[]>): Promise<T[]> => {
    const all: T[] = [];
    for (;;) {
      const last = all.at(-1);
      const chunk = await getChunk(last ? IDBKeyRange.lowerBound(last.id, true) : undefined);
      all.push(...chunk);
      done += chunk.length;
      progress(done, total);
      if (chunk.length < EXPORT_CHUNK) return all;
    }
  };
  const prospects = await inChunks((after) => prospectStore.getAll(after, EXPORT_CHUNK));
  const touches = withTouches ? await inChunks((after) => touchStore.getAll(after, EXPORT_CHUNK)) : [];
  return { prospects, touches };
}
