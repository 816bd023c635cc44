import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { startOfToday, upcomingHorizon } from '../../../src/domain/classify';
import { firstPageOfDue, itemsToShow } from '../../../src/domain/firstPage';
import { DUE_SECTIONS, rankDueList, type RankedSection } from '../../../src/domain/ranking';
import type { DueKind, Prospect } from '../../../src/domain/types';
import { local } from './fixtures';

const now = local(2026, 11, 23, 11);
const HOUR = 3_600_000;

function p(id: string, dueAt: number, value: number | null, dueKind: DueKind = 'followUp'): Prospect {
  return { id, name: id, email: `${id}@x.test`, company: '', stageId: 'new', value, dueAt, dueKind } as Prospect;
}

/** What the popup does: an index read in dueAt order (ties in id order, like IndexedDB's primary key). */
function firstPaint(all: readonly Prospect[], limit: number): Prospect[] {
  const byIndex = [...all].sort((a, b) => a.dueAt! - b.dueAt! || (a.id < b.id ? -1 : 1));
  const past = byIndex.filter((x) => x.dueAt! < startOfToday(now));
  const head = past.slice(0, limit);
  const current = byIndex.filter((x) => x.dueAt! >= startOfToday(now) && x.dueAt! <= upcomingHorizon(now));
  return firstPageOfDue(head, past.length > limit, current, now);
}

describe('the first page of the due list', () => {
  it('holds back the day the read was cut in (and today\'s replies), keeps whole days before it', () => {
    const head = [p('a', local(2026, 11, 2, 9), 1), p('b', local(2026, 11, 3, 9), 5), p('c', local(2026, 11, 3, 17), 9)];
    const todayReply = p('r', local(2026, 11, 23, 8), 1, 'replyNeeded');
    const todayFollowUp = p('t', local(2026, 11, 23, 15), 1);
    expect(firstPageOfDue(head, true, [todayReply, todayFollowUp], now).map((x) => x.id)).toEqual(['a', 't']);
    expect(firstPageOfDue(head, false, [todayReply, todayFollowUp], now).map((x) => x.id)).toEqual(['a', 'b', 'c', 'r', 't']);
    expect(firstPageOfDue([head[1]!, head[2]!], true, [], now)).toEqual([]);
  });

  it('never shows an item in a place the full list would not give it (property)', () => {
    const kinds: DueKind[] = ['followUp', 'replyNeeded', 'decision'];
    const prospect = fc.record({
      hoursFromNow: fc.integer({ min: -24 * 40, max: 24 * 9 }),
      value: fc.option(fc.integer({ min: 0, max: 5 }).map((v) => v * 1000)),
      kind: fc.constantFrom(...kinds),
    });
    fc.assert(
      fc.property(fc.array(prospect, { maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (specs, limit) => {
        const all = specs.map((s, i) => p(`p${String(i).padStart(3, '0')}`, now + s.hoursFromNow * HOUR, s.value, s.kind));
        const full = rankDueList(all, now);
        const partial = rankDueList(firstPaint(all, limit), now);
        for (const { section, prospects } of partial) {
          const complete = full.find((s) => s.section === section)?.prospects ?? [];
          // The first paint's section is a prefix of the final one: nothing moves, later reads only append.
          expect(prospects.map((x) => x.id)).toEqual(complete.slice(0, prospects.length).map((x) => x.id));
        }
        // Today and the upcoming week are always complete (they rank by value and need every item).
        for (const section of ['today', 'upcoming'] as const) {
          expect(partial.find((s) => s.section === section)?.prospects.length ?? 0).toBe(full.find((s) => s.section === section)?.prospects.length ?? 0);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('items shown per section', () => {
  const sized = (...sizes: number[]): RankedSection[] =>
    sizes.map((size, i) => ({ section: DUE_SECTIONS[i]!, prospects: Array.from({ length: size }, (_, k) => p(`${i}-${k}`, now, null)) }));

  it('shows a page of each section, and the first frame only the top of the list', () => {
    expect(itemsToShow(sized(3, 20, 9), () => 8, Infinity)).toEqual([3, 8, 8]);
    expect(itemsToShow(sized(3, 20, 9), () => 8, 10)).toEqual([3, 7, 0]);
    expect(itemsToShow(sized(3, 20, 9), (section) => (section === 'decision' ? 40 : 8), Infinity)).toEqual([3, 20, 8]);
  });

  it('makes the first frame the top of the full page: nothing visible moves when the rest comes', () => {
    const sizes = fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: DUE_SECTIONS.length });
    fc.assert(
      fc.property(sizes, fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 40 }), (counts, budget, page) => {
        const sections = sized(...counts);
        const full = itemsToShow(sections, () => page, Infinity);
        const first = itemsToShow(sections, () => page, budget);
        const total = first.reduce((a, b) => a + b, 0);
        expect(total).toBe(Math.min(budget, full.reduce((a, b) => a + b, 0)));
        // Section by section the first frame equals the full page until the one it is cut in, then nothing.
        const cut = first.findIndex((count, i) => count < full[i]!);
        if (cut >= 0) expect(first.slice(cut + 1).every((count) => count === 0)).toBe(true);
        first.forEach((count, i) => expect(count).toBeLessThanOrEqual(full[i]!));
      }),
      { numRuns: 500 },
    );
  });
});
