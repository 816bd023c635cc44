import { describe, expect, it } from 'vitest';
import { unreadReply, type UnreadRowFacts } from '../../../src/domain/unreadReply';

const PROSPECT = 'ana@acme.io';
const LAST_TOUCH = Date.UTC(2026, 2, 2, 9, 0);
const LATER = Date.UTC(2026, 2, 3, 14, 30);

function row(overrides: Partial<UnreadRowFacts> = {}): UnreadRowFacts {
  return { unread: true, threadId: '18bc1a2b3c4d5e6f', lastMessageAt: LATER, lastSender: PROSPECT, ...overrides };
}

describe('an unread inbox row implying a reply', () => {
  it('is an inbound touch at the newest message time when the prospect wrote after the last known touch', () => {
    expect(unreadReply(row(), PROSPECT, LAST_TOUCH)).toEqual({ at: LATER, direction: 'inbound', threadId: '18bc1a2b3c4d5e6f' });
    expect(unreadReply(row({ lastSender: 'Ana@ACME.io' }), PROSPECT, null)).toEqual({ at: LATER, direction: 'inbound', threadId: '18bc1a2b3c4d5e6f' });
  });

  it('is nothing for a read row, or one whose newest message the store already knows', () => {
    expect(unreadReply(row({ unread: false }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastMessageAt: LAST_TOUCH }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastMessageAt: LAST_TOUCH - 1 }), PROSPECT, LAST_TOUCH)).toBeNull();
  });

  it('is nothing when the row does not tell the time or the sender', () => {
    expect(unreadReply(row({ lastMessageAt: null }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastSender: null }), PROSPECT, LAST_TOUCH)).toBeNull();
  });

  it('does not flip the ball for a bounce or for someone else on the thread', () => {
    expect(unreadReply(row({ lastSender: 'MAILER-DAEMON@googlemail.com' }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastSender: 'postmaster@acme.io' }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastSender: 'bob@acme.io' }), PROSPECT, LAST_TOUCH)).toBeNull();
    expect(unreadReply(row({ lastSender: 'rep@example.com' }), PROSPECT, LAST_TOUCH)).toBeNull();
  });
});
