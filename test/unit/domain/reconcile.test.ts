import { describe, expect, it } from 'vitest';
import { provisionalFor, realFor, type ProvisionalTouchFacts, type RealMessageFacts, type RealTouchFacts } from '../../../src/domain/reconcile';

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

describe('a send confirmed after its real message was already stored', () => {
  const SECOND = 1000;
  const send = { at: SENT_AT, direction: 'outbound', threadId: THREAD } as const;
  function stored(id: string, overrides: Partial<RealTouchFacts> = {}): RealTouchFacts {
    return { id, at: SENT_AT + 3 * SECOND, direction: 'outbound', messageId: '18bc1a2b3c4d5e70', threadId: THREAD, createdAt: SENT_AT + 4 * SECOND, ...overrides };
  }

  it('is that real touch: same direction, same or unknown thread, within two minutes, stored after the send', () => {
    expect(realFor(send, [stored('a')])).toBe('a');
    expect(realFor({ at: SENT_AT, direction: 'outbound' }, [stored('a')])).toBe('a');
    const { threadId: _unknown, ...threadless } = stored('a');
    expect(realFor(send, [threadless])).toBe('a');
    expect(realFor(send, [stored('a', { at: SENT_AT + 2 * MINUTE, createdAt: SENT_AT + 2 * MINUTE })])).toBe('a');
  });

  it('is none of another direction, another thread, far in time, without a message id, or stored before the send', () => {
    expect(realFor(send, [stored('a', { direction: 'inbound' })])).toBeNull();
    expect(realFor(send, [stored('a', { threadId: '18bc1a2b3c4d0000' })])).toBeNull();
    expect(realFor(send, [stored('a', { at: SENT_AT + 2 * MINUTE + 1, createdAt: SENT_AT + 3 * MINUTE })])).toBeNull();
    const { messageId: _none, ...withoutId } = stored('a');
    expect(realFor(send, [withoutId])).toBeNull();
    // The message of an earlier send, stored a second before this one.
    expect(realFor(send, [stored('a', { at: SENT_AT - 30 * SECOND, createdAt: SENT_AT - SECOND })])).toBeNull();
    expect(realFor(send, [])).toBeNull();
  });

  it('of two candidates, is the nearer in time', () => {
    const far = stored('far', { at: SENT_AT + 50 * SECOND, createdAt: SENT_AT + 51 * SECOND });
    const near = stored('near', { at: SENT_AT + 2 * SECOND });
    expect(realFor(send, [far, near])).toBe('near');
    expect(realFor(send, [near, far])).toBe('near');
  });
});
