import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { TouchbaseDB } from './db';
import { SETTINGS_KEY } from './schema';

/** The rep's settings, or the defaults until they change something. */
export async function readSettings(db: TouchbaseDB): Promise<Settings> {
  return (await db.get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
}
