import type { Direction, Millis } from './types';

/**
 * A touch logged before Gmail showed its message (at send, or from an unread inbox row) is
 * provisional. When the thread later shows the real message, the two must become one touch:
 * this picks the provisional touch the real message stands for.
 */

export interface ProvisionalTouchFacts {
  readonly id: string;
  readonly at: Millis;
  readonly direction: Direction;
  readonly threadId?: string;
  readonly messageId?: string;
}

export interface RealMessageFacts {
  readonly messageId: string;
  readonly at: Millis;
  readonly direction: Direction;
  readonly threadId?: string;
}

/**
 * How far apart the moment a send was seen and the time in the message's id may be: Gmail mints
 * the id on its server after the click, and a send may be delayed by the undo window.
 */
export const RECONCILE_WINDOW: Millis = 2 * 60 * 1000;

/**
 * The id of the provisional touch this real message replaces, or null when it replaces none.
 * A same message id always matches; otherwise a provisional touch without a message id matches
 * when it has the same direction, is in the same thread (or was logged before the thread was
 * known), and lies within the window; of several, the nearest in time, so two quick sends each
 * keep their own touch.
 */
export function provisionalFor(real: RealMessageFacts, provisional: readonly ProvisionalTouchFacts[]): string | null {
  const sameMessage = provisional.find((touch) => touch.messageId === real.messageId);
  if (sameMessage) return sameMessage.id;
  let best: ProvisionalTouchFacts | null = null;
  for (const touch of provisional) {
    if (touch.messageId !== undefined || touch.direction !== real.direction) continue;
    if (touch.threadId !== undefined && real.threadId !== undefined && touch.threadId !== real.threadId) continue;
    const distance = Math.abs(touch.at - real.at);
    if (distance > RECONCILE_WINDOW) continue;
    if (best === null || distance < Math.abs(best.at - real.at)) best = touch;
  }
  return best?.id ?? null;
}

/** A touch already stored for the real message (it carries a Gmail message id). */
export interface RealTouchFacts extends ProvisionalTouchFacts {
  /** When it was stored. */
  readonly createdAt: Millis;
}

/** What a tab knows of a send when Gmail confirms it: the moment, and the thread when there is one. */
export interface SendFacts {
  readonly at: Millis;
  readonly direction: Direction;
  readonly threadId?: string;
}

/**
 * The other order: Gmail may show the real message (and a tab log it) before the send's own
 * provisional touch arrives. This picks the real touch the send stands for, so the send adds
 * nothing: a touch with a message id, of the same direction, in the same thread (or either one
 * unknown), within the window, and stored at or after the send — a real touch stored earlier
 * stands for an earlier message. Of several, the nearest in time.
 */
export function realFor(send: SendFacts, stored: readonly RealTouchFacts[]): string | null {
  let best: RealTouchFacts | null = null;
  for (const touch of stored) {
    if (touch.messageId === undefined || touch.direction !== send.direction || touch.createdAt < send.at) continue;
    if (touch.threadId !== undefined && send.threadId !== undefined && touch.threadId !== send.threadId) continue;
    const distance = Math.abs(touch.at - send.at);
    if (distance > RECONCILE_WINDOW) continue;
    if (best === null || distance < Math.abs(best.at - send.at)) best = touch;
  }
  return best?.id ?? null;
}
