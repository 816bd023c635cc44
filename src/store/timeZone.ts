import { openDB } from 'idb';
import type { TouchbaseDB } from './db';
import { settingsIn, WRITE_STORES } from './rederive';
import { rederiveAll } from './settings';

/**
 * Due times are stored as moments, computed in the local time zone ("09:00 on the next working
 * day"). A rep who moves to another zone must get their reminders at 09:00 where they are now,
 * so the zone the stored moments were computed in is remembered, and when it differs on a wake,
 * every due time is computed again. It lives in a database of its own: it is not the rep's data
 * (no backup carries it) and it needs no change to the store's schema.
 */
const CLOCK_DB = 'touchbase-clock';
const ZONE_KEY = 'dueTimesZone';

function openClock(name: string) {
  return openDB(name, 1, { upgrade: (db) => db.createObjectStore('clock') });
}

/**
 * Recomputes every due time when they were computed in another zone than `zone` (or in an
 * unknown one, as after an update from a version that did not record it). Returns the ids of
 * the prospects whose due time moved. Recomputing first and recording the zone after means a
 * worker stopped in between recomputes again, which changes nothing twice.
 */
export async function followTimeZone(db: TouchbaseDB, zone: string, clockName: string = CLOCK_DB): Promise<string[]> {
  const clock = await openClock(clockName);
  try {
    if ((await clock.get('clock', ZONE_KEY)) === zone) return [];
    const tx = db.transaction([...WRITE_STORES], 'readwrite');
    const moved = await rederiveAll(tx, await settingsIn(tx));
    await tx.done;
    await clock.put('clock', zone, ZONE_KEY);
    return moved;
  } finally {
    clock.close();
  }
}
