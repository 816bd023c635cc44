import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_DAYS, followUpAt, followUpDays } from '../../../src/domain/followUp';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';

/** Dates are local (the rules are), pinned: Friday 2026-03-06 15:00 and Tuesday 2026-03-03 15:00. */
const FRIDAY = new Date(2026, 2, 6, 15, 0).getTime();
const TUESDAY = new Date(2026, 2, 3, 15, 0).getTime();
const settings = { ...DEFAULT_SETTINGS, stages: DEFAULT_SETTINGS.stages.map((s) => (s.id === 'new' ? { ...s, cadence: { amount: 2, unit: 'workingDays' as const } } : s.id === 'won' ? { ...s, cadence: { amount: 90, unit: 'days' as const } } : s)), workingDays: [1, 2, 3, 4, 5], reminderHour: 9 };

describe('the follow-up a draft offers', () => {
  it('is the cadence agreed with the prospect', () => {
    expect(followUpDays({ cadenceDays: 14, stageId: 'new' }, settings, FRIDAY)).toBe(14);
  });

  it('else the stage cadence in calendar days: 2 working days are 2 days from a Tuesday, 4 from a Friday', () => {
    expect(followUpDays({ cadenceDays: null, stageId: 'new' }, settings, TUESDAY)).toBe(2);
    expect(followUpDays({ cadenceDays: null, stageId: 'new' }, settings, FRIDAY)).toBe(4);
    expect(followUpDays({ cadenceDays: null, stageId: 'won' }, settings, TUESDAY)).toBe(90);
  });

  it("for someone not tracked yet, or a stage without a cadence, the first stage's", () => {
    expect(followUpDays(null, settings, TUESDAY)).toBe(2);
    expect(followUpDays({ cadenceDays: null, stageId: 'meeting' }, settings, FRIDAY)).toBe(4);
    const noCadence = { ...settings, stages: settings.stages.map((s) => ({ ...s, cadence: null })) };
    expect(followUpDays(null, noCadence, TUESDAY)).toBe(FOLLOW_UP_DAYS.min);
  });

  it('falls N calendar days after the send at the reminder hour, moved to a working day', () => {
    expect(followUpAt(TUESDAY, 2, settings)).toBe(new Date(2026, 2, 5, 9, 0).getTime());
    // Friday + 1 day is Saturday: the reminder comes on Monday.
    expect(followUpAt(FRIDAY, 1, settings)).toBe(new Date(2026, 2, 9, 9, 0).getTime());
  });
});
