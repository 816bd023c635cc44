import type { Prospect } from '../domain/types';
import type { LogTouchRequest } from '../messaging/protocol';
import type { OpenThread } from './webmail/types';

/**
 * Touches Gmail already saw: in a thread of a tracked prospect, a message the rep sent to them is
 * an outbound email touch, a message from them is inbound. Each message id is sent once per page
 * (and stored once by the background's unique index, across tabs and reloads). Nothing here reads
 * Gmail's UI text, so it works in every UI language.
 */
export class TouchDetector {
  private readonly sent = new Set<string>();

  detect(thread: OpenThread, prospect: Prospect, mailbox: string, now: number): LogTouchRequest[] {
    const requests: LogTouchRequest[] = [];
    for (const message of thread.messages) {
      if (!message.messageId || this.sent.has(message.messageId) || !message.from) continue;
      const direction = directionOf(message.from.email, message.to.map((p) => p.email), prospect.email, mailbox);
      if (!direction) continue;
      this.sent.add(message.messageId);
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
    return requests;
  }

  /** A send that failed is retried on the next pass. */
  forget(messageId: string): void {
    this.sent.delete(messageId);
  }
}

function directionOf(from: string, to: readonly string[], prospect: string, mailbox: string): 'outbound' | 'inbound' | null {
  if (from === prospect) return 'inbound';
  // Collapsed messages may not list recipients: in the prospect's thread, the rep's message counts.
  if (from === mailbox && (to.length === 0 || to.includes(prospect))) return 'outbound';
  return null;
}
