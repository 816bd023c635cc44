import { laterStamp } from '../domain/hlc';
import { isDeleted, lastEditStamp, mergeProspects, mergeTouches, type SyncedProspect, type SyncedTouch } from '../domain/merge';
import type { Settings } from '../domain/settings';
import { sameValue, type SyncedSettings } from '../domain/settingsSync';
import { SETTINGS_DOC_ID } from '../domain/syncDocs';
import type { Touch } from '../domain/types';
import type { TouchbaseDB } from './db';
import { rederiveAndPut, settingsIn, touchRangeOf, WRITE_STORES, type WriteTx } from './rederive';
import { SYNC_KEYS } from './schema';
import { rederiveAll, sameRecord } from './settings';
import { localFromSynced, localTouchId, touchFromSynced, touchToSynced } from './syncRecords';
import { applyPulledSettings, isSyncedSettings } from './syncSettings';
import { receiveStamp } from './syncWrites';

/**
 * Replication's view of the store (the SyncLocal of src/background/sync/replicate.ts). Every
 * call is one transaction: a pulled page is merged, the derived fields of what it touched are
 * recomputed and the checkpoint moves, all or nothing, so a worker stopped anywhere resumes
 * from a checkpoint that matches the data.
 */
export class StoreSyncLocal {
  /** Local prospects a pull changed or removed, for change events once the run is over. */
  readonly changed = new Set<string>();
  /** Whether a pull changed the settings: open options pages reload them. */
  settingsChanged = false;
  /** Ids of the server documents pulled pages applied: one refused before and fixed since is refused no longer. */
  readonly applied = new Set<string>();

  constructor(
    private readonly db: TouchbaseDB,
    private readonly now: () => number,
  ) {}

  async checkpoint(): Promise<string> {
    const stored = await this.db.get('sync', SYNC_KEYS.checkpoint);
    return typeof stored === 'string' ? stored : '0';
  }

  async applyPulled(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], checkpoint: string, pulledSettings?: SyncedSettings): Promise<void> {
    const tx = this.db.transaction([...WRITE_STORES], 'readwrite');
    const now = this.now();
    const touched = new Set<string>();
    let settings = await settingsIn(tx);
    const changedSettings = pulledSettings === undefined ? null : await applyPulledSettings(tx, pulledSettings, settings, now);
    if (changedSettings !== null) {
      // New working days, cadences or stop rules move due times: every prospect, as an options save does.
      settings = changedSettings;
      for (const id of await rederiveAll(tx, settings)) touched.add(id);
    }
    for (const pulled of prospects) await this.applyProspect(tx, pulled, now, settings, touched);
    for (const pulled of touches) await applyTouch(tx, pulled, touched);
    for (const id of touched) {
      const current = await tx.objectStore('prospects').get(id);
      if (current !== undefined) await rederiveAndPut(tx, current, settings);
    }
    await tx.objectStore('sync').put(checkpoint, SYNC_KEYS.checkpoint);
    await tx.done;
    for (const id of touched) this.changed.add(id);
    if (changedSettings !== null) this.settingsChanged = true;
    for (const prospect of prospects) this.applied.add(prospect.key);
    for (const touch of touches) this.applied.add(touch.id);
    if (pulledSettings !== undefined) this.applied.add(SETTINGS_DOC_ID);
  }

  private async applyProspect(tx: WriteTx, pulled: SyncedProspect, now: number, settings: Settings, touched: Set<string>): Promise<void> {
    const entries = tx.objectStore('syncProspects');
    const held = await entries.get(pulled.key);
    const merged = held === undefined ? pulled : mergeProspects(held.synced, pulled);
    if (held !== undefined && sameRecord(merged, held.synced)) return;
    // A delete is an edit too: a prospect added here again afterwards must be stamped after it, or the delete would hide it.
    await receiveStamp(tx, laterStamp(lastEditStamp(pulled), pulled.deletedAt ?? ''), now);
    const prospects = tx.objectStore('prospects');
    if (isDeleted(merged)) {
      if (held?.localId !== undefined) await removeLocal(tx, held.localId);
      if (held?.localId !== undefined) touched.add(held.localId);
      await entries.put({ key: pulled.key, synced: merged });
      return;
    }
    const existing = held?.localId === undefined ? undefined : await prospects.get(held.localId);
    const clash = await prospects.index('byMailboxEmail').get([merged.mailbox, merged.fields.email.value]);
    // Another local prospect already has this address (its own, edited here): two people are
    // never folded into one; this copy waits on the server until one of them changes address.
    if (clash !== undefined && clash.id !== existing?.id) return;
    const id = existing?.id ?? crypto.randomUUID();
    await rederiveAndPut(tx, localFromSynced(merged, existing, id, now), settings);
    await entries.put({ key: pulled.key, localId: id, synced: merged });
    touched.add(id);
    const pending = await tx.objectStore('syncPending').index('byProspectKey').getAll(pulled.key);
    for (const touch of pending) {
      await tx.objectStore('syncPending').delete(touch.id);
      await applyTouch(tx, touch, touched);
    }
  }

  async outbox(limit: number): Promise<{ prospects: SyncedProspect[]; touches: SyncedTouch[]; settings?: SyncedSettings }> {
    const tx = this.db.transaction(['outbox', 'syncProspects', 'touches', 'sync'], 'readwrite');
    const prospects: SyncedProspect[] = [];
    const touches: SyncedTouch[] = [];
    let settings: SyncedSettings | undefined;
    for (let cursor = await tx.objectStore('outbox').openCursor(); cursor && prospects.length + touches.length < limit; cursor = await cursor.continue()) {
      const entry = cursor.value;
      if (entry.kind === 'settings') {
        const held = await tx.objectStore('sync').get(SYNC_KEYS.settings);
        if (isSyncedSettings(held)) settings = held;
        else await cursor.delete();
        continue;
      }
      if (entry.kind === 'prospect') {
        const held = await tx.objectStore('syncProspects').get(entry.key);
        if (held !== undefined) prospects.push(held.synced);
        else await cursor.delete();
        continue;
      }
      const touch = await tx.objectStore('touches').get(entry.localId);
      const owner = touch === undefined ? undefined : await tx.objectStore('syncProspects').index('byLocalId').get(touch.prospectId);
      // Gone since (its prospect deleted by another device): nothing left to push.
      if (touch === undefined || owner === undefined) await cursor.delete();
      else touches.push(touchToSynced(touch, owner.synced));
    }
    await tx.done;
    return settings === undefined ? { prospects, touches } : { prospects, touches, settings };
  }

  async pushed(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], settings?: SyncedSettings): Promise<void> {
    const tx = this.db.transaction(['outbox', 'syncProspects', 'sync'], 'readwrite');
    if (settings !== undefined) {
      const held = await tx.objectStore('sync').get(SYNC_KEYS.settings);
      // Changed (or merged with a pull) since it was read: it goes again with the next push.
      if (!isSyncedSettings(held) || sameValue(held, settings)) await tx.objectStore('outbox').delete(SETTINGS_DOC_ID);
    }
    for (const prospect of prospects) {
      const held = await tx.objectStore('syncProspects').get(prospect.key);
      // Edited (or merged with a pull) since it was read: it goes again with the next push.
      if (held === undefined || sameRecord(held.synced, prospect)) await tx.objectStore('outbox').delete(prospect.key);
    }
    for (const touch of touches) await tx.objectStore('outbox').delete(touch.id);
    await tx.done;
  }
}

/** A pulled touch: stored once under its prospect, or held until the prospect arrives; a tombstone removes it. */
async function applyTouch(tx: WriteTx, pulled: SyncedTouch, touched: Set<string>): Promise<void> {
  const owner = await tx.objectStore('syncProspects').get(pulled.prospectKey);
  if (owner === undefined) {
    const waiting = await tx.objectStore('syncPending').get(pulled.id);
    await tx.objectStore('syncPending').put(waiting === undefined ? pulled : mergeTouches([waiting], [pulled])[0]!);
    return;
  }
  if (owner.localId === undefined) return;
  const store = tx.objectStore('touches');
  const same = (await store.get(localTouchId(pulled.id))) ?? (pulled.messageId === undefined ? undefined : await store.index('byMessageProspect').get([pulled.messageId, owner.localId]));
  if (pulled.deleted) {
    if (same !== undefined) {
      await store.delete(same.id);
      touched.add(owner.localId);
    }
    return;
  }
  if (same !== undefined) return;
  await store.add(touchFromSynced(pulled, owner.localId));
  touched.add(owner.localId);
}

/** A prospect deleted on another device: its record and touches go; its tombstone stays. */
async function removeLocal(tx: WriteTx, id: string): Promise<void> {
  const touches: Touch[] = await tx.objectStore('touches').index('byProspectAt').getAll(touchRangeOf(id));
  for (const touch of touches) await tx.objectStore('touches').delete(touch.id);
  await tx.objectStore('prospects').delete(id);
}
