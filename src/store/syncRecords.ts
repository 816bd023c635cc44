import type { ProspectBase } from '../domain/derive';
import type { HlcStamp } from '../domain/hlc';
import {
  editField,
  editNotes,
  gmailTouchSyncId,
  mergeThreads,
  newSyncedProspect,
  prospectSyncKey,
  reachedStages,
  SYNCED_FIELDS,
  visibleNotes,
  type SyncedProspect,
  type SyncedTouch,
} from '../domain/merge';
import type { Millis, Prospect, Touch } from '../domain/types';

/**
 * The two shapes of one record: the local one the store indexes and derives from, and the
 * synced one that travels (only what the rep set, each field with the clock of its last edit).
 */

const TOUCH_PREFIX = 'touch:';

/** The address part of a prospect's sync key: the address it was created with. */
function keyAddress(synced: Pick<SyncedProspect, 'key' | 'mailbox'>): string {
  return synced.key.slice(prospectSyncKey(synced.mailbox, '').length);
}

/**
 * A touch's id on the server. A touch seen in Gmail is named by its mailbox, message and
 * prospect, so two devices that see the same message write the same record (a message to two
 * tracked people is a touch for each); any other touch keeps the id it was logged with.
 */
export function touchSyncId(touch: Pick<Touch, 'id' | 'messageId'>, prospect: Pick<SyncedProspect, 'key' | 'mailbox'>): string {
  if (touch.messageId === undefined) return `${TOUCH_PREFIX}${touch.id}`;
  return `${gmailTouchSyncId(prospect.mailbox, touch.messageId)}:${keyAddress(prospect)}`;
}

/** The local id a pulled touch is stored under: its sync id gives back the same sync id. */
export function localTouchId(syncId: string): string {
  return syncId.slice(TOUCH_PREFIX.length);
}

export function touchToSynced(touch: Touch, prospect: Pick<SyncedProspect, 'key' | 'mailbox'>): SyncedTouch {
  const { id: _localId, prospectId: _localProspect, provisional: _provisional, ...rest } = touch;
  return { ...rest, id: touchSyncId(touch, prospect), prospectKey: prospect.key, deleted: false };
}

export function touchFromSynced(touch: SyncedTouch, prospectId: string): Touch {
  const { id, prospectKey: _key, deleted: _deleted, ...rest } = touch;
  return { ...rest, id: localTouchId(id), prospectId };
}

/**
 * The first synced copy of a prospect that was stored before it synced: every field stamped
 * with `stamp`, its stage history from the stages it has been in.
 */
export function syncedFromLocal(prospect: ProspectBase, stamp: HlcStamp): SyncedProspect {
  const fresh = newSyncedProspect(prospect.mailbox, prospect, prospect.createdAt, stamp);
  const stages = prospect.reachedStages ?? [prospect.stageId];
  const stageVisits = stages.map((stageId) => ({ stageId, enteredAt: stageId === prospect.stageId ? prospect.stageEnteredAt : prospect.createdAt, stamp }));
  return { ...fresh, threads: mergeThreads([], prospect.threads), stageVisits };
}

/** The rep's edit (`before` → `after`) recorded on the synced copy: each changed field gets `stamp`. */
export function withLocalEdit(synced: SyncedProspect, before: ProspectBase, after: ProspectBase, stamp: HlcStamp): SyncedProspect {
  let edited = synced;
  for (const field of SYNCED_FIELDS) {
    if (before[field] !== after[field]) edited = editField(edited, field, after[field], stamp, after.stageEnteredAt);
  }
  if (before.notes !== after.notes) edited = { ...edited, notes: editNotes(edited.notes, after.notes, stamp) };
  const threads = mergeThreads(edited.threads, after.threads);
  return threads.length === edited.threads.length ? edited : { ...edited, threads };
}

/**
 * The local record of a merged synced prospect. What never syncs (reminder bookkeeping, the
 * local id) is kept from `existing`; derived fields are recomputed by the caller.
 */
export function localFromSynced(synced: SyncedProspect, existing: Prospect | undefined, id: string, now: Millis): ProspectBase {
  const fields = Object.fromEntries(SYNCED_FIELDS.map((field) => [field, synced.fields[field].value])) as { [K in (typeof SYNCED_FIELDS)[number]]: SyncedProspect['fields'][K]['value'] };
  const stageId = fields.stageId;
  const lastVisit = [...synced.stageVisits].reverse().find((visit) => visit.stageId === stageId);
  const stageEnteredAt = existing?.stageId === stageId ? existing.stageEnteredAt : (lastVisit?.enteredAt ?? now);
  return {
    ...fields,
    id,
    mailbox: synced.mailbox,
    notes: visibleNotes(synced.notes),
    threads: synced.threads,
    createdAt: existing?.createdAt ?? synced.createdAt,
    updatedAt: now,
    stageEnteredAt,
    reachedStages: reachedStages(synced),
    ...(existing?.notified !== undefined ? { notified: existing.notified } : {}),
  };
}
