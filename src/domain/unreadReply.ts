import { normalizeEmail } from './email';
import type { Millis } from './types';

/**
 * Whether an unread inbox row tells, without the thread being opened, that the prospect wrote.
 * Only the prospect's own newer message flips the ball: a bounce, a colleague on the thread or
 * the rep's own message leaves it where it is, and a message the store already knows changes nothing.
 */

/** What an inbox row shows about its thread's newest message. */
export interface UnreadRowFacts {
  readonly unread: boolean;
  readonly threadId: string;
  /** When the newest message was sent (decoded from its id), or null when the row does not tell. */
  readonly lastMessageAt: Millis | null;
  /** The address of the newest message's sender, or null when the row does not tell. */
  readonly lastSender: string | null;
}

/** An inbound touch the row implies, until the opened thread gives the real message. */
export interface ProvisionalReply {
  readonly at: Millis;
  readonly direction: 'inbound';
  readonly threadId: string;
}

/**
 * The reply an unread row implies for this prospect, or null when it implies none. A bounce
 * (mailer-daemon, postmaster) or a colleague's message has another sender than the prospect, so
 * the sender rule alone keeps them from flipping the ball.
 * @param lastTouchAt the newest touch the store knows for the prospect (null: none yet)
 */
export function unreadReply(row: UnreadRowFacts, prospectEmail: string, lastTouchAt: Millis | null): ProvisionalReply | null {
  if (!row.unread || row.lastMessageAt === null || row.lastSender === null) return null;
  if (normalizeEmail(row.lastSender) !== normalizeEmail(prospectEmail)) return null;
  if (lastTouchAt !== null && row.lastMessageAt <= lastTouchAt) return null;
  return { at: row.lastMessageAt, direction: 'inbound', threadId: row.threadId };
}
