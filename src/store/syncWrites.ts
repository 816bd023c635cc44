import type { ProspectBase } from '../domain/derive';
import { formatHlc, parseHlc, receive, tick, type Hlc, type HlcStamp } from '../domain/hlc';
import { mergeProspects, prospectSyncKey } from '../domain/merge';
import type { Settings } from '../domain/settings';
import type { Prospect, Touch } from '../domain/types';
import { rederiveAndPut, type WriteTx } from './rederive';
import { SYNC_KEYS } from './schema';
import { syncedFromLocal, touchSyncId, withLocalEdit } from './syncRecords';

/**
 * Sync bookkeeping written inside the transaction of every change the rep makes: the synced
 * copy of the record (with the clock of each field's edit) and its outbox entry commit or
 * abort together with the change itself, so no committed change can miss the next push.
 */

/** A new device id: 16 base-36 characters, random. */
export function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((byte) => (byte % 36).toString(36)).join('');
}

async function deviceIn(tx: WriteTx): Promise<string> {
  const store = tx.objectStore('sync');
  const stored = await store.get(SYNC_KEYS.device);
  if (typeof stored === 'string') return stored;
  const device = newDeviceId();
  await store.put(device, SYNC_KEYS.device);
  return device;
}

async function clockIn(tx: WriteTx): Promise<Hlc | null> {
  return parseHlc(await tx.objectStore('sync').get(SYNC_KEYS.clock));
}

/** The stamp of an edit made now on this device; the clock moves with it in the same transaction. */
export async function nextStamp(tx: WriteTx, now: number): Promise<HlcStamp> {
  const device = await deviceIn(tx);
  const stamp = formatHlc(tick(await clockIn(tx), now, device));
  await tx.objectStore('sync').put(stamp, SYNC_KEYS.clock);
  return stamp;
}

/** Moves this device's clock past a pulled edit, so a later edit here always wins over it. */
export async function receiveStamp(tx: WriteTx, remote: HlcStamp, now: number): Promise<void> {
  const parsed = parseHlc(remote);
  if (parsed === null) return;
  const device = await deviceIn(tx);
  await tx.objectStore('sync').put(formatHlc(receive(await clockIn(tx), parsed, now, device)), SYNC_KEYS.clock);
}

/**
 * Records a prospect write the rep caused: `before` is the stored record (undefined for a new
 * one). Only fields the rep sets count; a write that changed only derived fields records nothing.
 */
export async function noteProspectWrite(tx: WriteTx, before: ProspectBase | undefined, after: ProspectBase, now: number): Promise<void> {
  const entries = tx.objectStore('syncProspects');
  const held = before === undefined ? undefined : await entries.index('byLocalId').get(before.id);
  if (held !== undefined && before !== undefined) {
    // withLocalEdit hands back the same copy when no field the rep sets changed.
    if (withLocalEdit(held.synced, before, after, await probeStamp(tx, now)) === held.synced) return;
    const synced = withLocalEdit(held.synced, before, after, await nextStamp(tx, now));
    await entries.put({ key: held.key, localId: after.id, synced });
    await tx.objectStore('outbox').put({ kind: 'prospect', key: held.key }, held.key);
    return;
  }
  const key = prospectSyncKey(after.mailbox, after.email);
  const existing = await entries.get(key);
  // The key belongs to another local prospect (whose address was changed since): that one syncs
  // under it; this one stays on this device rather than merge two people into one.
  if (existing?.localId !== undefined && existing.localId !== after.id) return;
  const fresh = syncedFromLocal(after, await nextStamp(tx, now));
  // A prospect deleted elsewhere and added again here: the new edits are later than the delete.
  const synced = existing === undefined ? fresh : mergeProspects(existing.synced, fresh);
  await entries.put({ key, localId: after.id, synced });
  await tx.objectStore('outbox').put({ kind: 'prospect', key }, key);
}

/** A stamp as the next edit would get it, without moving the clock: to tell whether anything changed. */
async function probeStamp(tx: WriteTx, now: number): Promise<HlcStamp> {
  return formatHlc(tick(await clockIn(tx), now, await deviceIn(tx)));
}

/**
 * Records a touch the rep caused. A provisional touch waits: it becomes its real Gmail message
 * (and that message's sync id) once seen, and only then travels.
 */
export async function noteTouchWrite(tx: WriteTx, touch: Touch): Promise<void> {
  if (touch.provisional === true) return;
  const held = await tx.objectStore('syncProspects').index('byLocalId').get(touch.prospectId);
  if (held === undefined) return;
  await tx.objectStore('outbox').put({ kind: 'touch', localId: touch.id }, touchSyncId(touch, held.synced));
}

/** Writes an edited prospect with its derived fields recomputed, and records the edit for sync. */
export async function putEdited(tx: WriteTx, before: Prospect | undefined, after: ProspectBase, settings: Settings, now: number): Promise<Prospect> {
  const prospect = await rederiveAndPut(tx, after, settings);
  await noteProspectWrite(tx, before, after, now);
  return prospect;
}
