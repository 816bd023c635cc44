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
