import { findStage, type Settings } from '../domain/settings';
import { newProspectBase } from '../domain/newProspect';
import type { Prospect, ProspectFields, ThreadLink } from '../domain/types';
import type { CreateProspectRequest } from '../messaging/protocol';
import type { TouchbaseDB } from './db';
import { StoreError } from './errors';
import { settingsIn, WRITE_STORES, type WriteTx } from './rederive';
import { putEdited } from './syncWrites';

export type ProspectPatch = Partial<Omit<ProspectFields, 'email'>>;

const STORES = [...WRITE_STORES];

function requireStage(settings: Settings, stageId: string): void {
  if (!findStage(settings, stageId)) throw StoreError.of('invalid', '', 'noSuchStage', stageId);
}

/** Two prospects may share an address only when they live in different rep mailboxes. */
async function assertNoDuplicate(tx: WriteTx, email: string, mailbox: string): Promise<void> {
  const existing = await tx.objectStore('prospects').index('byEmail').getAll(email);
  const clash = existing.find((p) => p.mailbox === mailbox || p.mailbox === '' || mailbox === '');
  if (clash) throw clash.name ? StoreError.of('conflict', '', 'alreadyTrackedAs', email, clash.name) : StoreError.of('conflict', '', 'alreadyTracked', email);
}

/**
 * Creates a prospect. With a sender-chosen `id`, creating is idempotent: when a prospect with that
 * id is already stored (a resent command whose first reply was lost), it is returned unchanged
 * and nothing is written; an id already used for another address is refused.
 */
export async function createProspect(db: TouchbaseDB, input: CreateProspectRequest, now: number): Promise<Prospect> {
  const tx = db.transaction(STORES, 'readwrite');
  const earlier = input.id === undefined ? undefined : await tx.objectStore('prospects').get(input.id);
  if (earlier) {
    if (earlier.email !== input.email || earlier.mailbox !== input.mailbox) {
      throw StoreError.of('conflict', '', 'idTaken', earlier.id);
    }
    await tx.done;
    return earlier;
  }
  const settings = await settingsIn(tx);
  const stageId = input.stageId ?? settings.stages[0]?.id ?? 'new';
  requireStage(settings, stageId);
  await assertNoDuplicate(tx, input.email, input.mailbox);
  const { thread, id = crypto.randomUUID(), ...fields } = input;
  const base = newProspectBase(fields, { id, mailbox: fields.mailbox, stageId, threads: thread ? [thread] : [], now });
  const prospect = await putEdited(tx, undefined, base, settings, now);
  await tx.done;
  return prospect;
}

/** Reads, changes and rewrites one prospect in one transaction. */
async function change(
  db: TouchbaseDB,
  id: string,
  now: number,
  edit: (current: Prospect, settings: Settings) => Prospect,
): Promise<Prospect> {
  const tx = db.transaction(STORES, 'readwrite');
  const current = await tx.objectStore('prospects').get(id);
  if (!current) throw StoreError.of('not_found', '', 'noSuchProspect', id);
  const settings = await settingsIn(tx);
  const edited = edit(current, settings);
  const prospect = await putEdited(tx, current, { ...edited, updatedAt: now }, settings, now);
  await tx.done;
  return prospect;
}

export function updateProspect(db: TouchbaseDB, id: string, patch: ProspectPatch, now: number): Promise<Prospect> {
  return change(db, id, now, (current, settings) => {
    if (patch.stageId !== undefined) requireStage(settings, patch.stageId);
    return withPatch(current, patch, now);
  });
}

/** `current` with `patch` applied; a stage change restarts the stage clock and is remembered. */
export function withPatch(current: Prospect, patch: ProspectPatch, now: number): Prospect {
  const stageChanged = patch.stageId !== undefined && patch.stageId !== current.stageId;
  if (!stageChanged) return { ...current, ...patch };
  return { ...current, ...patch, stageEnteredAt: now, reachedStages: reached(current, patch.stageId!) };
}

/** Stop-rule decision: the slow Nurture track or Lost, by the stages' meaning, not their names. */
export function decideProspect(db: TouchbaseDB, id: string, outcome: 'nurture' | 'lost', now: number): Promise<Prospect> {
  return change(db, id, now, (current, settings) => {
    const stage = settings.stages.find((s) => s.kind === outcome);
    if (!stage) throw StoreError.of('invalid', '', 'noOutcomeStage', outcome);
    return { ...current, stageId: stage.id, stageEnteredAt: now, snoozedUntil: null, reachedStages: reached(current, stage.id) };
  });
}

/** The stages a prospect has been in, plus `stageId`. */
function reached(current: Prospect, stageId: string): string[] {
  return [...new Set([...(current.reachedStages ?? [current.stageId]), stageId])];
}

export function linkThread(db: TouchbaseDB, id: string, thread: ThreadLink, now: number): Promise<Prospect> {
  return change(db, id, now, (current) => {
    const known = current.threads.some((t) => t.threadId === thread.threadId && t.mailbox === thread.mailbox);
    return known ? current : { ...current, threads: [...current.threads, thread] };
  });
}

export function getProspect(db: TouchbaseDB, id: string): Promise<Prospect | undefined> {
  return db.get('prospects', id);
}
