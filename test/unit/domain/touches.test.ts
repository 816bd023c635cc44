import { describe, expect, it } from 'vitest';
import { summarizeTouches } from '../../../src/domain/touches';
import { local } from './fixtures';

describe('touch bookkeeping', () => {
  it('is empty with no touches', () => {
    expect(summarizeTouches([], 0)).toMatchObject({ touchCount: 0, ballWith: null, lastTouchAt: null, unansweredCount: 0 });
  });

  it('counts touches and keeps the last in, out and any, whatever order they arrive in', () => {
    const out1 = local(2026, 11, 2, 10);
    const inbound = local(2026, 11, 3, 10);
    const out2 = local(2026, 11, 5, 10);
    const summary = summarizeTouches(
      [
        { at: out2, direction: 'outbound' },
        { at: out1, direction: 'outbound' },
        { at: inbound, direction: 'inbound' },
      ],
      0,
    );
    expect(summary).toEqual({
      touchCount: 3,
      unansweredCount: 1,
      firstUnansweredAt: out2,
      lastTouchAt: out2,
      lastOutboundAt: out2,
      lastInboundAt: inbound,
      ballWith: 'them',
    });
  });

  it('puts the ball with the rep when the prospect wrote last', () => {
    const summary = summarizeTouches(
      [
        { at: local(2026, 11, 2), direction: 'outbound' },
        { at: local(2026, 11, 4), direction: 'inbound' },
      ],
      0,
    );
    expect(summary.ballWith).toBe('me');
    expect(summary.unansweredCount).toBe(0);
    expect(summary.firstUnansweredAt).toBeNull();
  });

  it('counts the unanswered streak only after the stage was entered', () => {
    const touches = [2, 4, 6, 8].map((day) => ({ at: local(2026, 11, day), direction: 'outbound' as const }));
    expect(summarizeTouches(touches, local(2026, 11, 5)).unansweredCount).toBe(2);
    expect(summarizeTouches(touches, local(2026, 11, 5)).firstUnansweredAt).toBe(local(2026, 11, 6));
  });
  describe('a reply known only from an unread inbox row', () => {
    const out = local(2026, 11, 2, 10);
    const reply = local(2026, 11, 3, 10);

    it('is marked unread while the newest inbound touch is provisional and the ball is with the rep', () => {
      const summary = summarizeTouches([{ at: out, direction: 'outbound' }, { at: reply, direction: 'inbound', provisional: true }], 0);
      expect(summary).toMatchObject({ ballWith: 'me', lastInboundAt: reply, replyUnread: true });
    });

    it('is no longer unread once the real message replaced it', () => {
      const summary = summarizeTouches([{ at: out, direction: 'outbound' }, { at: reply, direction: 'inbound' }], 0);
      expect(summary).not.toHaveProperty('replyUnread');
    });

    it('is not unread when a real reply is newer, or when the rep answered since', () => {
      const older = summarizeTouches([{ at: out, direction: 'inbound', provisional: true }, { at: reply, direction: 'inbound' }], 0);
      expect(older).not.toHaveProperty('replyUnread');
      const answered = summarizeTouches([{ at: out, direction: 'inbound', provisional: true }, { at: reply, direction: 'outbound' }], 0);
      expect(answered).not.toHaveProperty('replyUnread');
    });
  });
});
