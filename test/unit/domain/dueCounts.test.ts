import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countDue, dueNowRanges, notDue } from '../../../src/domain/dueCounts';
import { rankDueList } from '../../../src/domain/ranking';
import { DUE_KINDS, type DueKind, type Prospect } from '../../../src/domain/types';
import { local } from './fixtures';

// Wednesday 25 November 2026, 14:00 local time.
const NOW = local(2026, 11, 25, 14);
const due = (at: number, kind: DueKind) => ({ dueAt: at, dueKind: kind });

/*
 * One prospect of each kind, placed by the README's rules: reply needed and decisions due by the
 * end of today sit in their own sections, other follow-ups before today are overdue, the rest of
 * today is "today", the next seven days "upcoming"; Lost is never due.
 */
const seeded = [
  due(local(2026, 11, 20, 9), 'replyNeeded'), // reply needed, since Friday
  due(local(2026, 11, 25, 17), 'replyNeeded'), // reply needed later today
  due(local(2026, 11, 23, 9), 'decision'), // decision, since Monday
  due(local(2026, 11, 27, 9), 'decision'), // decision on Friday: not due yet
  due(local(2026, 11, 19, 9), 'followUp'), // overdue
  due(local(2026, 11, 24, 9), 'meetingConfirm'), // overdue (yesterday)
  due(local(2026, 11, 25, 9), 'followUp'), // today, passed
  due(local(2026, 11, 25, 23, 59), 'followUp'), // today, still to come
  due(local(2026, 11, 26, 0, 0), 'followUp'), // tomorrow: upcoming
  due(local(2026, 12, 2, 9), 'followUp'), // snoozed a week: upcoming
  due(local(2026, 12, 20, 9), 'followUp'), // later
  { dueAt: undefined, dueKind: undefined }, // Lost
];

describe('the due counts', () => {
  it('counts each section by the README rules, and the badge as the sections due now', () => {
    const counts = countDue(seeded, NOW);
    expect(counts.bySection).toEqual({ replyNeeded: 2, decision: 1, overdue: 2, today: 2, upcoming: 3, later: 1 });
    // The badge: reply needed + decide + overdue + today.
    expect(counts.dueNow).toBe(2 + 1 + 2 + 2);
    // Red: due before today began — the Friday reply, the Monday decision and both overdue.
    expect(counts.overdue).toBe(4);
  });

  it('equals the length of every section the due list shows', () => {
    const prospects = seeded.filter((p) => p.dueAt !== undefined).map((p, i) => ({ ...p, id: String(i), name: `P${i}`, email: `p${i}@x.test`, value: null }) as unknown as Prospect);
    const counts = countDue(prospects, NOW).bySection;
    for (const { section, prospects: listed } of rankDueList(prospects, NOW)) expect(counts[section], section).toBe(listed.length);
  });

  it('gives the badge index ranges that hold exactly the due-now and overdue prospects', () => {
    const { dueNowBefore, overdueBefore } = dueNowRanges(NOW);
    // The seeded list by the rule: everything up to today 23:59 is due now, before today began overdue.
    expect(seeded.filter((p) => p.dueAt !== undefined && p.dueAt < dueNowBefore)).toHaveLength(7);
    expect(seeded.filter((p) => p.dueAt !== undefined && p.dueAt < overdueBefore)).toHaveLength(4);
    // Any moment, any due time (DST weeks included), any kind: the ranges count what the sections count.
    const span = 40 * 86_400_000;
    fc.assert(
      fc.property(
        fc.integer({ min: local(2026, 1, 1, 0), max: local(2026, 12, 31, 0) }),
        fc.array(fc.record({ offset: fc.integer({ min: -span, max: span }), kind: fc.constantFrom(...DUE_KINDS) }), { maxLength: 30 }),
        (now, items) => {
          const prospects = items.map(({ offset, kind }) => due(now + offset, kind));
          const ranges = dueNowRanges(now);
          const counts = countDue(prospects, now);
          expect(prospects.filter((p) => p.dueAt < ranges.dueNowBefore).length).toBe(counts.dueNow);
          expect(prospects.filter((p) => p.dueAt < ranges.overdueBefore).length).toBe(counts.overdue);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts nothing in an empty list', () => {
    expect(countDue([], NOW)).toEqual({ bySection: { replyNeeded: 0, decision: 0, overdue: 0, today: 0, upcoming: 0, later: 0 }, dueNow: 0, overdue: 0 });
  });

  it('leaves to "Not due" exactly what no section of the list holds: due after the next seven days, or never', () => {
    const names = ['reply since Friday', 'reply today', 'decision Monday', 'decision Friday', 'overdue 19th', 'overdue yesterday', 'today passed', 'today to come', 'tomorrow', 'next week', 'in December', 'Lost'];
    const named = seeded.map((p, i) => ({ ...p, name: names[i] }));
    expect(notDue(named, NOW).map((p) => p.name)).toEqual(['in December', 'Lost']);
  });
});
