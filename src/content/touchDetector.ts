import type { Prospect } from '../domain/types';
import type { LogTouchRequest } from '../messaging/protocol';
import { RecentSet } from './bounded';
import type { OpenThread } from './webmail/types';

/** Message × prospect pairs remembered as sent; older ones are dropped (the store dedups them). */
const SENT_LIMIT = 5_000;

/**
 * Touches Gmail already saw: in a thread with tracked people, a message the rep sent to one of
 * them is an outbound email touch for that person, a message from one of them is inbound. A
 * message to two tracked people is a touch for each. Each (message, prospect) pair is sent once
 * per page (and stored once by the background's unique index, across tabs and reloads). Nothing
 * here reads Gmail's UI text, so it works in every UI language.
 */
export class TouchDetector {
  private readonly sent = new RecentSet<string>(SENT_LIMIT);

  detect(thread: OpenThread, prospects: readonly Prospect[], mailbox: string, now: number): LogTouchRequest[] {
    const requests: LogTouchRequest[] = [];
    for (const message of thread.messages) {
      if (!message.messageId || !message.from) continue;
      const to = message.to.map((p) => p.email);
      for (const prospect of prospects) {
        const key = sentKey(message.messageId, prospect.id);
        if (this.sent.has(key)) continue;
        const direction = directionOf(message.from.email, to, prospect.email, mailbox);
        if (!direction) continue;
        this.sent.add(key);
        requests.push({
          prospectId: prospect.id,
          channel: 'email',
          direction,
          source: 'gmail',
          messageId: message.messageId,
          threadId: thread.threadId,
          // The id tells when the message was sent; a message never counts as sent in the future.
          at: Math.min(message.sentAt ?? now, now),
          note: '',
        });
      }
    }
    return requests;
  }

  /** A send that failed is retried on the next pass. */
  forget(request: LogTouchRequest): void {
    if (request.messageId) this.sent.delete(sentKey(request.messageId, request.prospectId));
  }
}

function sentKey(messageId: string, prospectId: string): string {
  return `${messageId}\u0000${prospectId}`;
}

function directionOf(from: string, to: readonly string[], prospect: string, mailbox: string): 'outbound' | 'inbound' | null {
  if (from === prospect) return 'inbound';
  // Collapsed messages may not list recipients: in a thread of the prospect, the rep's message counts.
  if (from === mailbox && (to.length === 0 || to.includes(prospect))) return 'outbound';
  return null;
}
