import type { Millis, Touch, TouchSummary } from './types';

type TouchFacts = Pick<Touch, 'at' | 'direction'> & Pick<Partial<Touch>, 'provisional'>;

export const EMPTY_SUMMARY: TouchSummary = {
  touchCount: 0,
  unansweredCount: 0,
  firstUnansweredAt: null,
  lastTouchAt: null,
  lastOutboundAt: null,
  lastInboundAt: null,
  ballWith: null,
};

/**
 * The derived touch fields of a prospect, recomputed from all its touches. Touches may arrive
 * out of order (Gmail shows an older message late), so this never increments: it recounts.
 *
 * @param streakFrom the stop-rule streak counts outbound touches after the last reply and
 *   after this moment (the stage change): moving a lead forward is progress too.
 */
export function summarizeTouches(touches: readonly TouchFacts[], streakFrom: Millis): TouchSummary {
  let lastTouchAt: Millis | null = null;
  let lastOutboundAt: Millis | null = null;
  let lastInboundAt: Millis | null = null;
  let lastInboundProvisional = false;
  for (const touch of touches) {
    lastTouchAt = max(lastTouchAt, touch.at);
    if (touch.direction === 'outbound') lastOutboundAt = max(lastOutboundAt, touch.at);
    else if (lastInboundAt === null || touch.at >= lastInboundAt) {
      lastInboundAt = touch.at;
      lastInboundProvisional = touch.provisional === true;
    }
  }

  const streakStart = Math.max(lastInboundAt ?? -Infinity, streakFrom);
  let unansweredCount = 0;
  let firstUnansweredAt: Millis | null = null;
  for (const touch of touches) {
    if (touch.direction !== 'outbound' || touch.at <= streakStart) continue;
    unansweredCount += 1;
    firstUnansweredAt = firstUnansweredAt === null ? touch.at : Math.min(firstUnansweredAt, touch.at);
  }

  const ball = ballWith(lastOutboundAt, lastInboundAt);
  return {
    touchCount: touches.length,
    unansweredCount,
    firstUnansweredAt,
    lastTouchAt,
    lastOutboundAt,
    lastInboundAt,
    ballWith: ball,
    // Their reply is known only from an unread inbox row: the rep has not read it yet.
    ...(lastInboundProvisional && ball === 'me' ? { replyUnread: true } : {}),
  };
}

function ballWith(lastOutboundAt: Millis | null, lastInboundAt: Millis | null): TouchSummary['ballWith'] {
  if (lastInboundAt === null && lastOutboundAt === null) return null;
  if (lastInboundAt !== null && (lastOutboundAt === null || lastInboundAt > lastOutboundAt)) return 'me';
  return 'them';
}

function max(current: Millis | null, candidate: Millis): Millis {
  return current === null ? candidate : Math.max(current, candidate);
}
