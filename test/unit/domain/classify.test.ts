import { differenceInCalendarDays } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyDue, endOfToday, localDayNumber, upcomingHorizon } from '../../../src/domain/classify';
import { local } from './fixtures';

const now = local(2026, 11, 23, 11);

describe('classifying a due moment', () => {
  it('sorts into overdue, today, upcoming and later by calendar day', () => {
    expect(classifyDue({ at: local(2026, 11, 20, 9), kind: 'followUp' }, now)).toEqual({ section: 'overdue', daysOverdue: 3, daysUntil: 0 });
    expect(classifyDue({ at: local(2026, 11, 23, 9), kind: 'followUp' }, now).section).toBe('today');
    expect(classifyDue({ at: local(2026, 11, 23, 17), kind: 'followUp' }, now).section).toBe('today');
    expect(classifyDue({ at: local(2026, 11, 30, 9), kind: 'followUp' }, now)).toEqual({ section: 'upcoming', daysOverdue: 0, daysUntil: 7 });
    expect(classifyDue({ at: local(2026, 12, 1, 9), kind: 'followUp' }, now).section).toBe('later');
  });

  it('keeps replies and decisions apart once they are due', () => {
    expect(classifyDue({ at: local(2026, 11, 22, 9), kind: 'replyNeeded' }, now).section).toBe('replyNeeded');
    expect(classifyDue({ at: local(2026, 11, 23, 9), kind: 'decision' }, now).section).toBe('decision');
    expect(classifyDue({ at: local(2026, 11, 25, 9), kind: 'decision' }, now).section).toBe('upcoming');
  });

  it('bounds the index reads at local midnights', () => {
    expect(endOfToday(now)).toBe(local(2026, 11, 24));
    expect(upcomingHorizon(now)).toBe(local(2026, 12, 1));
  });
});

describe('local calendar days', () => {
  it('counts days as date-fns does, across daylight-saving changes and year ends (this run: ' + Intl.DateTimeFormat().resolvedOptions().timeZone + ')', () => {
    const instant = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });
    fc.assert(
      fc.property(instant, instant, (a, b) => localDayNumber(a) - localDayNumber(b) === differenceInCalendarDays(a, b)),
      { numRuns: 5_000 },
    );
  });

  it('changes exactly at local midnight, also on the days clocks change', () => {
    // Around the 2026 changes in New York and Europe; in any zone the rule holds.
    for (const [y, m, d] of [[2026, 3, 8], [2026, 3, 29], [2026, 10, 25], [2026, 11, 1], [2026, 12, 31]] as const) {
      const midnight = local(y, m, d);
      expect(localDayNumber(midnight) - localDayNumber(midnight - 1)).toBe(1);
      expect(localDayNumber(local(y, m, d, 23, 59))).toBe(localDayNumber(midnight));
    }
  });
});
