import type { Prospect } from '../domain/types';
import { unreadReply } from '../domain/unreadReply';
import type { LogTouchRequest } from '../messaging/protocol';
import { djb2 } from './djb2';
import type { ThreadRow } from './webmail/types';

/**
 * Replies noticed on the list before the rep opens them: an unread row whose newest message is
 * from a tracked prospect and newer than their last touch (domain/unreadReply.ts) is logged as a
 * provisional inbound touch. When the thread is opened, the real message takes its place (the
 * store reconciles them: one touch).
 *
 * The newest sender is the last person the row lists: Gmail lists a thread's senders oldest
 * first. Each touch's id comes from the message and the prospect, so two tabs showing the same
 * row store one touch.
 */
export function unreadReplyTouches(row: ThreadRow, tracked: readonly Prospect[], now: number): (LogTouchRequest & { touchId: string })[] {
  if (!row.unread || row.threadId === null || row.lastMessageId === null) return [];
  const facts = { unread: true, threadId: row.threadId, lastMessageAt: row.lastMessageAt, lastSender: row.people.at(-1)?.email ?? null };
  const requests: (LogTouchRequest & { touchId: string })[] = [];
  for (const prospect of tracked) {
    const reply = unreadReply(facts, prospect.email, prospect.lastTouchAt);
    if (!reply) continue;
    requests.push({
      touchId: touchIdFor(row.lastMessageId, prospect.id),
      prospectId: prospect.id,
      channel: 'email',
      direction: reply.direction,
      source: 'gmail',
      at: Math.min(reply.at, now),
      threadId: reply.threadId,
      provisional: true,
      note: '',
    });
  }
  return requests;
}

/** A UUID-shaped id: the message id's 16 hex digits, then a 32-bit hash of the prospect id (djb2). */
export function touchIdFor(messageId: string, prospectId: string): string {
  const message = messageId.padStart(16, '0');
  return `${message.slice(0, 8)}-${message.slice(8, 12)}-${message.slice(12)}-8000-0000${djb2(prospectId).toString(16).padStart(8, '0')}`;
}
