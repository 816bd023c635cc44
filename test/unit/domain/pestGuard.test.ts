import { describe, expect, it } from 'vitest';
import { pestWarning } from '../../../src/domain/pestGuard';
import { local, settings } from './fixtures';

const defaults = settings();

describe('pest guard', () => {
  it('warns when touching again within two working days of an unanswered touch', () => {
    const last = local(2026, 11, 20, 16); // Friday
    const warning = pestWarning({ lastOutboundAt: last, ballWith: 'them' }, defaults, local(2026, 11, 23, 10));
    expect(warning).toEqual({ lastOutboundAt: last, workingDaysSince: 1, okFrom: local(2026, 11, 24, 16) });
  });

  it('does not warn once the gap has passed, nor the weekend counts as working days', () => {
    const last = local(2026, 11, 20, 16);
    expect(pestWarning({ lastOutboundAt: last, ballWith: 'them' }, defaults, local(2026, 11, 22, 10))).not.toBeNull();
    expect(pestWarning({ lastOutboundAt: last, ballWith: 'them' }, defaults, local(2026, 11, 24, 8))).toBeNull();
  });

  it('never warns when answering a prospect who wrote back, or before any outbound touch', () => {
    expect(pestWarning({ lastOutboundAt: local(2026, 11, 23, 9), ballWith: 'me' }, defaults, local(2026, 11, 23, 10))).toBeNull();
    expect(pestWarning({ lastOutboundAt: null, ballWith: null }, defaults, local(2026, 11, 23, 10))).toBeNull();
  });

  it('honours the rep’s gap and working week', () => {
    const sunThu = settings({ workingDays: [0, 1, 2, 3, 4], minGapWorkingDays: 1 });
    // Thursday → Sunday is one working day in a Sun–Thu week.
    expect(pestWarning({ lastOutboundAt: local(2026, 11, 19, 16), ballWith: 'them' }, sunThu, local(2026, 11, 22, 9))).toBeNull();
    expect(pestWarning({ lastOutboundAt: local(2026, 11, 19, 16), ballWith: 'them' }, sunThu, local(2026, 11, 21, 9))).not.toBeNull();
  });
});
