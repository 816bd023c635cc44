import type { ProspectBase } from '../domain/derive';
import { formatHlc, parseHlc, receive, tick, type Hlc, type HlcStamp } from '../domain/hlc';
import { mergeProspects, prospectSyncKey, type SyncedProspect } from '../domain/merge';
import type { Settings } from '../domain/settings';
import type { Prospect, Touch } from '../domain/types';
import { newDeviceId } from './deviceId';
import { rederiveAndPut, type WriteTx } from './rederive';
import { SYNC_KEYS } from './schema';
import { syncedFromLocal, touchSyncId, withLocalEdit } from './syncRecords';

/**
 * Sync bookkeeping written inside the transaction of every change the rep makes: the synced
 * copy of the record (with the clock of each field's edit) and its outbox entry commit or
 * abort together with the change itself, so no committed change can miss the next push.
 */

/**
 * This device's id and clock as a transaction sees them, read once per transaction: an import
 * stamps thousands of records, each without a round trip for the clock.
 */
const clocks = new WeakMap<WriteTx, { readonly device: string; clock: Hlc | null }>();

async function clockOf(tx: WriteTx): Promise<{ readonly device: string; clock: Hlc | null }> {
  const held = clocks.get(tx);
  if (held !== undefined) return held;
  const store = tx.objectStore('sync');
  const [storedDevice, storedClock] = await Promise.all([store.get(SYNC_KEYS.device), store.get(SYNC_KEYS.clock)]);
  const device = typeof storedDevice === 'string' ? storedDevice : newDeviceId();
  if (device !== storedDevice) queue(store.put(device, SYNC_KEYS.device));
  const state = { device, clock: parseHlc(storedClock) };
  clocks.set(tx, state);
  return state;
}

/**
 * Queues a write in the transaction without waiting for it: requests run in order, and a failed
 * one aborts the transaction, which the caller's `tx.done` reports.
 */
function queue(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

async function advance(tx: WriteTx, next: (state: { readonly device: string; clock: Hlc | null }) => Hlc): Promise<HlcStamp> {
  const state = await clockOf(tx);
  state.clock = next(state);
  const stamp = formatHlc(state.clock);
  queue(tx.objectStore('sync').put(stamp, SYNC_KEYS.clock));
  return stamp;
}

/** This device's id, as the transaction sees it. */
export async function deviceIn(tx: WriteTx): Promise<string> {
  return (await clockOf(tx)).device;
}

/** The stamp of an edit made now on this device; the clock moves with it in the same transaction. */
export function nextStamp(tx: WriteTx, now: number): Promise<HlcStamp> {
  return advance(tx, ({ clock, device }) => tick(clock, now, device));
}

/** Moves this device's clock past a pulled edit, so a later edit here always wins over it. */
export async function receiveStamp(tx: WriteTx, remote: HlcStamp, now: number): Promise<void> {
  const parsed = parseHlc(remote);
  if (parsed !== null) await advance(tx, ({ clock, device }) => receive(clock, parsed, now, device));
}

/**
 * The sync key of each prospect written in a transaction, so the touches written after it (an
 * import writes thousands) find their prospect's key without a read each.
 */
const owners = new WeakMap<WriteTx, Map<string, Pick<SyncedProspect, 'key' | 'mailbox'>>>();

function ownersIn(tx: WriteTx): Map<string, Pick<SyncedProspect, 'key' | 'mailbox'>> {
  let known = owners.get(tx);
  if (known === undefined) owners.set(tx, (known = new Map()));
  return known;
}

/**
 * Records a prospect write the rep caused: `before` is the stored record (undefined for a new
 * one). Only fields the rep sets count; a write that changed only derived fields records nothing.
 */
export async function noteProspectWrite(tx: WriteTx, before: ProspectBase | undefined, after: ProspectBase, now: number): Promise<void> {
  const entries = tx.objectStore('syncProspects');
  const held = before === undefined ? undefined : await entries.index('byLocalId').get(before.id);
  const synced = held?.synced ?? (before === undefined ? undefined : await copyOfUnsynced(tx, before));
  if (before !== undefined && synced !== undefined) {
    // withLocalEdit hands back the same copy when no field the rep sets changed.
    if (withLocalEdit(synced, before, after, await probeStamp(tx, now)) === synced) {
      if (held !== undefined) ownersIn(tx).set(after.id, synced);
      return;
    }
    const edited = withLocalEdit(synced, before, after, await nextStamp(tx, now));
    queue(entries.put({ key: synced.key, localId: after.id, synced: edited }));
    ownersIn(tx).set(after.id, edited);
    queue(tx.objectStore('outbox').put({ kind: 'prospect', key: synced.key }, synced.key));
    return;
  }
  if (before !== undefined) return; // its key belongs to another local prospect: see copyOfUnsynced
  const key = prospectSyncKey(after.mailbox, after.email);
  const existing = await entries.get(key);
  // The key belongs to another local prospect (whose address was changed since): that one syncs
  // under it; this one stays on this device rather than merge two people into one.
  if (existing?.localId !== undefined && existing.localId !== after.id) return;
  const fresh = syncedFromLocal(after, await nextStamp(tx, now));
  // A prospect deleted elsewhere and added again here: the new edits are later than the delete.
  const merged = existing === undefined ? fresh : mergeProspects(existing.synced, fresh);
  queue(entries.put({ key, localId: after.id, synced: merged }));
  ownersIn(tx).set(after.id, merged);
  queue(tx.objectStore('outbox').put({ kind: 'prospect', key }, key));
}

/**
 * The synced copy of a record stored before sync existed (or before this device first synced):
 * every field stamped with the record's last edit. Undefined when its key already belongs to
 * another local prospect.
 */
async function copyOfUnsynced(tx: WriteTx, record: ProspectBase): Promise<SyncedProspect | undefined> {
  const key = prospectSyncKey(record.mailbox, record.email);
  const existing = await tx.objectStore('syncProspects').get(key);
  if (existing?.localId !== undefined && existing.localId !== record.id) return undefined;
  const { device } = await clockOf(tx);
  const copy = syncedFromLocal(record, formatHlc({ wall: record.updatedAt, counter: 0, device }));
  return existing === undefined ? copy : mergeProspects(existing.synced, copy);
}

/**
 * Queues every record for the next push, giving a synced copy to any stored before sync: what a
 * new database needs to hold this device's whole pipeline. Pushing a record the server already
 * has merges to the same document, so this is safe to repeat.
 */
export async function queueEverything(tx: WriteTx): Promise<void> {
  const { device } = await clockOf(tx);
  const entries = tx.objectStore('syncProspects');
  const outbox = tx.objectStore('outbox');
  const [prospects, held, touches] = await Promise.all([tx.objectStore('prospects').getAll(), entries.getAll(), tx.objectStore('touches').getAll()]);
  const byLocalId = new Map(held.flatMap((entry) => (entry.localId === undefined ? [] : [[entry.localId, entry.synced] as const])));
  const taken = new Set(held.map((entry) => entry.key));
  for (const prospect of prospects) {
    let synced = byLocalId.get(prospect.id);
    if (synced === undefined) {
      synced = syncedFromLocal(prospect, formatHlc({ wall: prospect.updatedAt, counter: 0, device }));
      // Two records that fold to one key (addresses differing only in case) sync as the first.
      if (taken.has(synced.key)) continue;
      taken.add(synced.key);
      byLocalId.set(prospect.id, synced);
      queue(entries.put({ key: synced.key, localId: prospect.id, synced }));
    }
    queue(outbox.put({ kind: 'prospect', key: synced.key }, synced.key));
  }
  for (const touch of touches) {
    const owner = byLocalId.get(touch.prospectId);
    if (owner !== undefined && touch.provisional !== true) queue(outbox.put({ kind: 'touch', localId: touch.id }, touchSyncId(touch, owner)));
  }
}

/** A stamp as the next edit would get it, without moving the clock: to tell whether anything changed. */
async function probeStamp(tx: WriteTx, now: number): Promise<HlcStamp> {
  const { clock, device } = await clockOf(tx);
  return formatHlc(tick(clock, now, device));
}

/**
 * Records a touch the rep caused. A provisional touch waits: it becomes its real Gmail message
 * (and that message's sync id) once seen, and only then travels.
 */
export async function noteTouchWrite(tx: WriteTx, touch: Touch): Promise<void> {
  if (touch.provisional === true) return;
  const owner = ownersIn(tx).get(touch.prospectId) ?? (await tx.objectStore('syncProspects').index('byLocalId').get(touch.prospectId))?.synced;
  if (owner === undefined) return;
  ownersIn(tx).set(touch.prospectId, owner);
  queue(tx.objectStore('outbox').put({ kind: 'touch', localId: touch.id }, touchSyncId(touch, owner)));
}

/** Writes an edited prospect with its derived fields recomputed, and records the edit for sync. */
export async function putEdited(tx: WriteTx, before: Prospect | undefined, after: ProspectBase, settings: Settings, now: number): Promise<Prospect> {
  const prospect = await rederiveAndPut(tx, after, settings);
  await noteProspectWrite(tx, before, after, now);
  return prospect;
}
