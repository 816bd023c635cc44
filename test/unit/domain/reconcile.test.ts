import { describe, expect, it } from 'vitest';
import { provisionalFor, type ProvisionalTouchFacts, type RealMessageFacts } from '../../../src/domain/reconcile';

const SENT_AT = Date.UTC(2026, 2, 3, 14, 30, 0);
const MINUTE = 60 * 1000;
const THREAD = '18bc1a2b3c4d5e6f';

const real: RealMessageFacts = { messageId: '18bc1a2b3c4d5e70', at: SENT_AT + 5000, direction: 'outbound', threadId: THREAD };

function provisional(id: string, overrides: Partial<ProvisionalTouchFacts> = {}): ProvisionalTouchFacts {
  return { id, at: SENT_AT, direction: 'outbound', ...overrides };
}

describe('a real message meeting a provisional touch', () => {
  it('replaces the provisional touch with the same message id, wherever its time', () => {
    expect(provisionalFor(real, [provisional('a', { messageId: real.messageId, at: SENT_AT - 60 * MINUTE })])).toBe('a');
  });

  it('replaces a provisional touch of the same direction, close in time, in the same or an unknown thread', () => {
    expect(provisionalFor(real, [provisional('a')])).toBe('a');
    expect(provisionalFor(real, [provisional('a', { threadId: THREAD })])).toBe('a');
    // A message whose thread the page did not tell matches by direction and time alone.
    const { threadId: _unknown, ...threadless } = real;
    expect(provisionalFor(threadless, [provisional('a', { threadId: THREAD })])).toBe('a');
    // Two minutes either side of the message time are the same send.
    expect(provisionalFor(real, [provisional('a', { at: real.at - 2 * MINUTE })])).toBe('a');
    expect(provisionalFor(real, [provisional('a', { at: real.at + 2 * MINUTE })])).toBe('a');
  });

  it('replaces nothing of the other direction, another thread, another message or out of the window', () => {
    expect(provisionalFor(real, [provisional('a', { direction: 'inbound' })])).toBeNull();
    expect(provisionalFor(real, [provisional('a', { threadId: '18bc1a2b3c4d0000' })])).toBeNull();
    expect(provisionalFor(real, [provisional('a', { messageId: '18bc1a2b3c4d5e71' })])).toBeNull();
    expect(provisionalFor(real, [provisional('a', { at: real.at - 2 * MINUTE - 1 })])).toBeNull();
    expect(provisionalFor(real, [])).toBeNull();
  });

  it('of two quick sends, takes the nearer, so each real message keeps its own touch', () => {
    const first = provisional('first', { at: SENT_AT });
    const second = provisional('second', { at: SENT_AT + 40 * 1000 });
    expect(provisionalFor({ ...real, at: SENT_AT + 2000 }, [first, second])).toBe('first');
    expect(provisionalFor({ ...real, at: SENT_AT + 41 * 1000 }, [first, second])).toBe('second');
  });
});
