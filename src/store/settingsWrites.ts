import type { Settings } from '../domain/settings';
import type { TouchbaseDB } from './db';
import { settingsIn, WRITE_STORES } from './rederive';
import { SETTINGS_KEY } from './schema';
import { rederiveAll } from './settings';
import { noteSettingsWrite } from './syncSettings';

/*
 * Apart from src/store/settings.ts, which the popup and the options page load to read the
 * settings: what a write records for sync stays in the background's code.
 */

/**
 * Stores new settings and brings every prospect's due time in line with them, in one
 * transaction: a new reminder hour or working week is never half applied, and the change of each
 * synced field is stamped `now` and queued for sync with it. Returns the ids of the prospects
 * whose derived fields changed.
 */
export async function writeSettings(db: TouchbaseDB, settings: Settings, now: number): Promise<string[]> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  await noteSettingsWrite(tx, await settingsIn(tx), settings, now);
  await tx.objectStore('settings').put(settings, SETTINGS_KEY);
  const changed = await rederiveAll(tx, settings);
  await tx.done;
  return changed;
}

