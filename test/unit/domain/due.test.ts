import { describe, expect, it } from 'vitest';
import { computeDue } from '../../../src/domain/due';
import { describeLocal, local, prospect, settings } from './fixtures';

const defaults = settings();
const dueOf = (...args: Parameters<typeof computeDue>) => {
  const due = computeDue(...args);
  return due && { at: describeLocal(due.at), kind: due.kind };
};

describe('cadence in working days at the reminder hour', () => {
  it('counts New lead (2 working days) from creation, skipping the weekend, at 09:00', () => {
    // Created Friday afternoon: Monday is 1, Tuesday is 2.
    expect(dueOf(prospect('new', local(2026, 11, 20, 15, 30)), defaults)).toEqual({
      at: 'Tue 2026-11-24 09:00',
      kind: 'followUp',
    });
  });

  it('counts from the last touch once there is one', () => {
    const p = prospect('contacted', local(2026, 11, 2, 10), [[local(2026, 11, 18, 16), 'outbound']]);
    expect(dueOf(p, defaults)).toEqual({ at: 'Mon 2026-11-23 09:00', kind: 'followUp' });
  });

  it('delivers at the rep’s own reminder hour', () => {
    const p = prospect('new', local(2026, 11, 23, 8));
    expect(dueOf(p, settings({ reminderHour: 14 }))).toEqual({ at: 'Wed 2026-11-25 14:00', kind: 'followUp' });
  });

  it('follows a Sun–Thu working week', () => {
    // Thursday + 2 working days in a Sun–Thu week: Sunday, Monday.
    const week = settings({ workingDays: [0, 1, 2, 3, 4] });
    expect(dueOf(prospect('new', local(2026, 11, 19, 11)), week)).toEqual({ at: 'Mon 2026-11-23 09:00', kind: 'followUp' });
  });

  it('crosses a month end and a leap day', () => {
    expect(dueOf(prospect('contacted', local(2026, 1, 29, 12)), defaults)?.at).toBe('Tue 2026-02-03 09:00');
    expect(dueOf(prospect('contacted', local(2028, 2, 28, 12)), defaults)?.at).toBe('Thu 2028-03-02 09:00');
    expect(dueOf(prospect('negotiation', local(2026, 12, 30, 12)), defaults)?.at).toBe('Fri 2027-01-01 09:00');
  });

  it('stays at 09:00 local across daylight-saving changes', () => {
    // US spring forward is Sun 2026-03-08, fall back Sun 2026-11-01; Europe moves on 03-29 and 10-25.
    expect(dueOf(prospect('new', local(2026, 3, 6, 10)), defaults)?.at).toBe('Tue 2026-03-10 09:00');
    expect(dueOf(prospect('new', local(2026, 10, 30, 10)), defaults)?.at).toBe('Tue 2026-11-03 09:00');
    expect(dueOf(prospect('new', local(2026, 3, 27, 10)), defaults)?.at).toBe('Tue 2026-03-31 09:00');
  });
});

describe('agreed cadence', () => {
  it('overrides the stage default in calendar days ("check back in two weeks")', () => {
    const p = prospect('qualified', local(2026, 11, 2, 10), [[local(2026, 11, 10, 10), 'outbound']], { cadenceDays: 14 });
    expect(dueOf(p, defaults)).toEqual({ at: 'Tue 2026-11-24 09:00', kind: 'followUp' });
  });

  it('moves a calendar cadence that lands on a weekend to the next working day', () => {
    const p = prospect('qualified', local(2026, 11, 2, 10), [[local(2026, 11, 14, 10), 'outbound']], { cadenceDays: 7 });
    expect(dueOf(p, defaults)?.at).toBe('Mon 2026-11-23 09:00');
  });
});

describe('customers and nurture', () => {
  it('checks in with a won customer every 90 days', () => {
    const p = prospect('won', local(2026, 1, 5, 10), [[local(2026, 8, 24, 10), 'outbound']]);
    expect(dueOf(p, defaults)).toEqual({ at: 'Mon 2026-11-23 09:00', kind: 'followUp' });
  });

  it('touches a nurture lead once a month, without a stop-rule decision', () => {
    const touches: [number, 'outbound'][] = Array.from({ length: 8 }, (_, i) => [local(2026, 3 + i, 2, 10), 'outbound']);
    const p = prospect('nurture', local(2026, 3, 1, 10), touches);
    // Last touch Fri 2026-10-02 + 30 days is Sunday 11-01: delivered Monday.
    expect(dueOf(p, defaults)).toEqual({ at: 'Mon 2026-11-02 09:00', kind: 'followUp' });
  });
});

describe('lost and snoozed', () => {
  it('never reminds about a lost prospect', () => {
    expect(computeDue(prospect('lost', local(2026, 11, 20, 10)), defaults)).toBeNull();
    expect(computeDue(prospect('lost', local(2026, 11, 20, 10), [[local(2026, 11, 21, 9), 'inbound']]), defaults)).toBeNull();
  });

  it('is due at the snooze end, keeping the reason it was due', () => {
    const p = prospect('new', local(2026, 11, 20, 10), [], { snoozedUntil: local(2026, 12, 1, 9) });
    expect(dueOf(p, defaults)).toEqual({ at: 'Tue 2026-12-01 09:00', kind: 'followUp' });
  });

  it('ignores a snooze once the rep touched the prospect after setting it', () => {
    const p = prospect('new', local(2026, 11, 10, 10), [[local(2026, 11, 20, 10), 'outbound']], {
      snoozedUntil: local(2026, 11, 18, 9),
    });
    expect(dueOf(p, defaults)?.at).toBe('Tue 2026-11-24 09:00');
  });
});

describe('ball with me', () => {
  it('asks for a reply soon after the prospect wrote back, apart from follow-ups', () => {
    const p = prospect('proposal', local(2026, 11, 2, 10), [
      [local(2026, 11, 16, 10), 'outbound'],
      [local(2026, 11, 23, 10, 15), 'inbound'],
    ]);
    expect(dueOf(p, defaults)).toEqual({ at: 'Mon 2026-11-23 12:15', kind: 'replyNeeded' });
  });

  it('holds a weekend reply until the next working morning', () => {
    const p = prospect('proposal', local(2026, 11, 2, 10), [
      [local(2026, 11, 16, 10), 'outbound'],
      [local(2026, 11, 21, 22), 'inbound'],
    ]);
    expect(dueOf(p, defaults)).toEqual({ at: 'Mon 2026-11-23 09:00', kind: 'replyNeeded' });
  });

  it('goes back to the cadence once the rep answered', () => {
    const p = prospect('proposal', local(2026, 11, 2, 10), [
      [local(2026, 11, 16, 10), 'outbound'],
      [local(2026, 11, 17, 10), 'inbound'],
      [local(2026, 11, 17, 11), 'outbound'],
    ]);
    expect(dueOf(p, defaults)).toEqual({ at: 'Fri 2026-11-20 09:00', kind: 'followUp' });
  });
});

describe('meeting set', () => {
  const meeting = local(2026, 11, 26, 14); // Thursday 14:00
  const booked = local(2026, 11, 20, 10); // booked the Friday before

  it('asks to confirm the meeting the working day before', () => {
    const p = prospect('meeting', local(2026, 11, 2), [[booked, 'outbound']], { nextMeetingAt: meeting });
    expect(dueOf(p, defaults)).toEqual({ at: 'Wed 2026-11-25 09:00', kind: 'meetingConfirm' });
  });

  it('confirms across a weekend: a Monday meeting is confirmed on Friday', () => {
    const p = prospect('meeting', local(2026, 11, 2), [[local(2026, 11, 17, 10), 'outbound']], {
      nextMeetingAt: local(2026, 11, 23, 10),
    });
    expect(dueOf(p, defaults)?.at).toBe('Fri 2026-11-20 09:00');
  });

  it('after confirming, follows up the working day after the meeting', () => {
    const p = prospect('meeting', local(2026, 11, 2), [[booked, 'outbound'], [local(2026, 11, 25, 9, 30), 'outbound']], {
      nextMeetingAt: meeting,
    });
    expect(dueOf(p, defaults)).toEqual({ at: 'Fri 2026-11-27 09:00', kind: 'meetingFollowUp' });
  });

  it('falls back to a cadence once the meeting was followed up, or before it is scheduled', () => {
    const after = prospect('meeting', local(2026, 11, 2), [[booked, 'outbound'], [local(2026, 11, 27, 11), 'outbound']], {
      nextMeetingAt: meeting,
    });
    expect(dueOf(after, defaults)).toEqual({ at: 'Wed 2026-12-02 09:00', kind: 'followUp' });
    expect(dueOf(prospect('meeting', local(2026, 11, 20, 10)), defaults)?.kind).toBe('followUp');
  });
});

describe('stop rule', () => {
  const sixTouches: [number, 'outbound'][] = [2, 5, 10, 13, 18, 23].map((day) => [local(2026, 11, day, 10), 'outbound']);

  it('turns the sixth unanswered touch into a decision instead of another follow-up', () => {
    expect(dueOf(prospect('contacted', local(2026, 11, 1), sixTouches), defaults)).toEqual({
      at: 'Thu 2026-11-26 09:00',
      kind: 'decision',
    });
    expect(dueOf(prospect('contacted', local(2026, 11, 1), sixTouches.slice(0, 5)), defaults)?.kind).toBe('followUp');
  });

  it('uses the rep’s own limit', () => {
    const p = prospect('contacted', local(2026, 11, 1), sixTouches.slice(0, 3));
    expect(dueOf(p, settings({ stopAfterTouches: 3 }))?.kind).toBe('decision');
  });

  it('asks for a decision when the first unanswered touch is older than the day limit', () => {
    const p = prospect('qualified', local(2026, 9, 1), [[local(2026, 9, 21, 10), 'outbound']], { cadenceDays: 90 });
    // 60 days after Mon 2026-09-21 is Fri 2026-11-20, before the 90-day follow-up.
    expect(dueOf(p, defaults)).toEqual({ at: 'Fri 2026-11-20 09:00', kind: 'decision' });
  });

  it('starts counting again after a reply or a stage change', () => {
    const replied = prospect('contacted', local(2026, 11, 1), [...sixTouches.slice(0, 5), [local(2026, 11, 19, 9), 'inbound'], sixTouches[5]!]);
    expect(dueOf(replied, defaults)?.kind).toBe('followUp');
    const moved = prospect('proposal', local(2026, 11, 1), sixTouches, { stageEnteredAt: local(2026, 11, 12) });
    expect(dueOf(moved, defaults)?.kind).toBe('followUp');
  });

  it('never applies to customers', () => {
    expect(dueOf(prospect('won', local(2026, 11, 1), sixTouches), defaults)?.kind).toBe('followUp');
  });
});

describe('unknown stage', () => {
  it('keeps following up a prospect whose stage was removed from the settings', () => {
    expect(dueOf(prospect('gone', local(2026, 11, 20, 15)), defaults)).toEqual({ at: 'Wed 2026-11-25 09:00', kind: 'followUp' });
  });
});
