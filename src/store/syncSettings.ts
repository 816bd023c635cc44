import type { Settings } from '../domain/settings';
import {
  changedSettingsFields,
  editSettings,
  firstSyncedSettings,
  lastSettingsEdit,
  mergeSettings,
  sameValue,
  settingsFromSynced,
  type SyncedSettings,
} from '../domain/settingsSync';
import { SETTINGS_DOC_ID } from '../domain/syncDocs';
import type { WriteTx } from './rederive';
import { SETTINGS_KEY, SYNC_KEYS } from './schema';
import { deviceIn, nextStamp, receiveStamp } from './syncWrites';

/**
 * The synced copy of the rep's settings, kept in the `sync` store beside the device's clock and
 * written in the transaction of every settings change, with its outbox entry: a committed change
 * of a synced field cannot miss the next push.
 */

export function isSyncedSettings(value: unknown): value is SyncedSettings {
  return typeof value === 'object' && value !== null && typeof (value as SyncedSettings).fields === 'object';
}

/** The synced copy, or the first one made from the stored settings (see firstSyncedSettings). */
async function syncedSettingsIn(tx: WriteTx, local: Settings): Promise<SyncedSettings> {
  const held = await tx.objectStore('sync').get(SYNC_KEYS.settings);
  return isSyncedSettings(held) ? held : firstSyncedSettings(local, await deviceIn(tx));
}

async function keep(tx: WriteTx, synced: SyncedSettings): Promise<void> {
  await Promise.all([tx.objectStore('sync').put(synced, SYNC_KEYS.settings), tx.objectStore('outbox').put({ kind: 'settings' }, SETTINGS_DOC_ID)]);
}

/**
 * Records a settings change (`before` → `after`) the rep made. Each synced field that changed is
 * stamped now; a change of this device's own fields only (notifications, the card) records nothing.
 */
export async function noteSettingsWrite(tx: WriteTx, before: Settings, after: Settings, now: number): Promise<void> {
  const fields = changedSettingsFields(before, after);
  if (fields.length === 0) return;
  const synced = await syncedSettingsIn(tx, before);
  await keep(tx, editSettings(synced, after, fields, await nextStamp(tx, now)));
}

/** Queues the settings for the next push (connecting to a database that lacks them). */
export async function queueSettings(tx: WriteTx, local: Settings): Promise<void> {
  await keep(tx, await syncedSettingsIn(tx, local));
}

/**
 * Merges pulled settings into the store. Returns the settings this device now uses when they
 * changed (the caller re-derives every prospect with them in the same transaction), else null.
 */
export async function applyPulledSettings(tx: WriteTx, pulled: SyncedSettings, local: Settings, now: number): Promise<Settings | null> {
  const held = await syncedSettingsIn(tx, local);
  const merged = mergeSettings(held, pulled);
  if (sameValue(merged, held)) return null;
  await receiveStamp(tx, lastSettingsEdit(pulled), now);
  await tx.objectStore('sync').put(merged, SYNC_KEYS.settings);
  const next = settingsFromSynced(local, merged);
  if (sameValue(next, local)) return null;
  await tx.objectStore('settings').put(next, SETTINGS_KEY);
  return next;
}
