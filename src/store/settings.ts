import { deriveProspect } from '../domain/derive';
import { DEFAULT_SETTINGS, type Settings } from '../domain/settings';
import type { Touch } from '../domain/types';
import type { TouchbaseDB } from './db';
import type { WriteTx } from './rederive';
import { SETTINGS_KEY } from './schema';

/** The rep's settings, or the defaults until they change something. */
export async function readSettings(db: TouchbaseDB): Promise<Settings> {
  return (await db.get('settings', SETTINGS_KEY)) ?? DEFAULT_SETTINGS;
}

/**
 * Keeps the thread card open or compact. Only the settings record is written: no due time depends
 * on how the card is drawn, so no prospect is re-derived, and the card's state is this device's
 * (DEVICE_SETTINGS_FIELDS), so nothing is queued for sync.
 */
export async function writeCardOpen(db: TouchbaseDB, open: boolean): Promise<Settings> {
  const tx = db.transaction('settings', 'readwrite');
  const settings = { ...((await tx.store.get(SETTINGS_KEY)) ?? DEFAULT_SETTINGS), cardOpen: open };
  await tx.store.put(settings, SETTINGS_KEY);
  await tx.done;
  return settings;
}

/** The same record whatever order its keys were written in. */
export function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(a, sortKeys) === JSON.stringify(b, sortKeys);
}

function sortKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)));
}

/**
 * Re-derives every prospect inside `tx` from one ordered read of all touches (not one read per
 * prospect), writing only those whose derived fields changed.
 */
export async function rederiveAll(tx: WriteTx, settings: Settings): Promise<string[]> {
  const touchesByProspect = new Map<string, Touch[]>();
  for (const touch of await tx.objectStore('touches').index('byProspectAt').getAll()) {
    const list = touchesByProspect.get(touch.prospectId);
    if (list) list.push(touch);
    else touchesByProspect.set(touch.prospectId, [touch]);
  }
  const changed: string[] = [];
  const writes: Promise<unknown>[] = [];
  const prospects = tx.objectStore('prospects');
  for (const prospect of await prospects.getAll()) {
    const derived = deriveProspect(prospect, touchesByProspect.get(prospect.id) ?? [], settings);
    if (sameRecord(derived, prospect)) continue;
    changed.push(prospect.id);
    writes.push(prospects.put(derived));
  }
  // Queued together (one round trip), awaited so a caller that aborts next has nothing in flight.
  await Promise.all(writes);
  return changed;
}
