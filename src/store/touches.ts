import { pestWarning } from '../domain/pestGuard';
import { provisionalFor, realFor } from '../domain/reconcile';
import type { Touch } from '../domain/types';
import type { LogTouchRequest, LogTouchResponse, WithdrawTouchRequest, WithdrawTouchResponse } from '../messaging/protocol';
import type { TouchbaseDB } from './db';
import { StoreError } from './errors';
import { rederiveAndPut, settingsIn, touchRangeOf, WRITE_STORES, type WriteTx } from './rederive';
import { noteTouchWrite, putEdited } from './syncWrites';

/**
 * Logs a touch and brings its prospect up to date, in one transaction. Logging is idempotent,
 * so a sender that lost the reply may send the same command again:
 * - a touch whose sender-chosen `touchId` is already stored was applied before: it is returned
 *   as a duplicate and nothing is written (the id must belong to the same prospect);
 * - a touch carrying a Gmail message id already stored for this prospect is not written again:
 *   the same message seen by two tabs, a re-render or a reload is one touch. The same message
 *   logged for another prospect (two tracked people on one message) is that prospect's touch.
 * Without a `touchId`, a resent command is a second touch.
 */
export async function logTouch(db: TouchbaseDB, input: LogTouchRequest, now: number): Promise<LogTouchResponse> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  const prospect = await tx.objectStore('prospects').get(input.prospectId);
  if (!prospect) throw StoreError.of('not_found', '', 'noSuchProspect', input.prospectId);
  const touches = tx.objectStore('touches');
  const existing =
    (input.touchId !== undefined ? await touches.get(input.touchId) : undefined) ??
    (input.messageId !== undefined ? await touches.index('byMessageProspect').get([input.messageId, prospect.id]) : undefined) ??
    (await realAlreadyStored(tx, prospect.id, input, now));
  const replaced = existing ?? (await replaceProvisional(tx, prospect.id, input, now));
  if (replaced && !existing) {
    // The real message of a touch already counted: the touch takes its id and time, once.
    const settings = await settingsIn(tx);
    const updated = await rederiveAndPut(tx, { ...prospect, updatedAt: now }, settings);
    await tx.done;
    return { prospect: updated, touch: replaced, duplicate: false, warning: null };
  }
  if (existing) {
    if (existing.id === input.touchId && existing.prospectId !== prospect.id) {
      throw StoreError.of('conflict', '', 'touchElsewhere', existing.id);
    }
    await tx.done;
    return { prospect, touch: existing, duplicate: true, warning: null };
  }
  const settings = await settingsIn(tx);
  const at = input.at ?? now;
  // The warning compares with the touches before this one, so it is computed first.
  const warning = input.direction === 'outbound' ? pestWarning(prospect, settings, at) : null;
  const touch: Touch = {
    id: input.touchId ?? crypto.randomUUID(),
    prospectId: prospect.id,
    at,
    channel: input.channel,
    direction: input.direction,
    source: input.source,
    note: input.note,
    createdAt: now,
    ...(input.messageId !== undefined ? { messageId: input.messageId } : {}),
    ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
    ...(input.provisional === true ? { provisional: true } : {}),
  };
  await tx.objectStore('touches').add(touch);
  await noteTouchWrite(tx, touch);
  // A new touch ends any snooze: the rep has acted on the prospect.
  const updated = await putEdited(tx, prospect, { ...prospect, snoozedUntil: null, updatedAt: now }, settings, now);
  await tx.done;
  return { prospect: updated, touch, duplicate: false, warning };
}

/**
 * A real Gmail message that stands for a provisional touch of this prospect turns that touch
 * into the real one (its message id, thread and time) inside the caller's transaction; returns
 * it, or undefined when the message is new. The unique (messageId, prospectId) index then keeps
 * a second sighting of the message from counting again.
 */
async function replaceProvisional(
  tx: WriteTx,
  prospectId: string,
  input: LogTouchRequest,
  now: number,
): Promise<Touch | undefined> {
  if (input.messageId === undefined || input.provisional === true) return undefined;
  const store = tx.objectStore('touches');
  const provisional = (await store.index('byProspectAt').getAll(touchRangeOf(prospectId))).filter((t) => t.provisional === true);
  const real = {
    messageId: input.messageId,
    at: input.at ?? now,
    direction: input.direction,
    ...(input.threadId !== undefined ? { threadId: input.threadId } : {}),
  };
  const id = provisionalFor(real, provisional);
  const match = provisional.find((t) => t.id === id);
  if (match === undefined) return undefined;
  const { provisional: _wasProvisional, ...rest } = match;
  const touch: Touch = { ...rest, at: real.at, messageId: real.messageId, ...(real.threadId !== undefined ? { threadId: real.threadId } : {}) };
  await store.put(touch);
  await noteTouchWrite(tx, touch);
  return touch;
}

/**
 * A send whose real message a tab already logged (Gmail can show it before its "sent" notice):
 * that real touch, so the send is answered as a duplicate and counts nothing twice.
 */
async function realAlreadyStored(tx: WriteTx, prospectId: string, input: LogTouchRequest, now: number): Promise<Touch | undefined> {
  if (input.provisional !== true || input.messageId !== undefined) return undefined;
  const stored = (await tx.objectStore('touches').index('byProspectAt').getAll(touchRangeOf(prospectId))).filter((t) => t.provisional !== true);
  const send = { at: input.at ?? now, direction: input.direction, ...(input.threadId !== undefined ? { threadId: input.threadId } : {}) };
  const id = realFor(send, stored);
  return stored.find((t) => t.id === id);
}

/**
 * Takes back the provisional touch of a send the rep undid in Gmail. Only a touch that is still
 * provisional, of a prospect the asking tab can see (its mailbox, or added without one), can go: a tab cannot remove a touch
 * of a real message, a manual touch or another mailbox's touch. A touch already gone is answered
 * `withdrawn: false`, so a resent command changes nothing.
 */
export async function withdrawProvisional(db: TouchbaseDB, input: WithdrawTouchRequest, now: number): Promise<WithdrawTouchResponse> {
  const tx = db.transaction(['prospects', 'touches', 'settings'], 'readwrite');
  const touch = await tx.objectStore('touches').get(input.touchId);
  if (touch === undefined) {
    await tx.done;
    return { withdrawn: false, prospect: null };
  }
  const prospect = await tx.objectStore('prospects').get(touch.prospectId);
  if (touch.provisional !== true || prospect === undefined || (prospect.mailbox !== input.mailbox && prospect.mailbox !== '')) {
    throw StoreError.of('conflict', 'touchId', 'notProvisional', input.touchId);
  }
  await tx.objectStore('touches').delete(touch.id);
  const updated = await rederiveAndPut(tx, { ...prospect, updatedAt: now }, await settingsIn(tx));
  await tx.done;
  return { withdrawn: true, prospect: updated };
}

/** A prospect's touches, newest first. */
export async function listTouches(db: TouchbaseDB, prospectId: string): Promise<Touch[]> {
  const touches = await db.getAllFromIndex('touches', 'byProspectAt', touchRangeOf(prospectId));
  return touches.reverse();
}
