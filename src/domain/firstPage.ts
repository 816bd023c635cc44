import { classifyDue, type DueSection } from './classify';
import type { RankedSection } from './ranking';
import type { Millis, Prospect } from './types';

/** Sections that hold past-due items: their item count is not known until the full read. */
export const SECTIONS_WITH_PAST_ITEMS: ReadonlySet<DueSection> = new Set(['replyNeeded', 'decision', 'overdue']);

/**
 * The popup paints before it has read every overdue prospect: it reads today and the upcoming
 * week in full (`current`: those sections rank by value, so they need all their items) and only
 * the first `limit` past-due prospects in dueAt order (`pastHead`). Sections with past-due items
 * rank by whole days overdue first, so in them every item more overdue than the day the read was
 * cut in already has its final place; that day and later ones (today's replies and decisions
 * too) are held back. The full read that follows can then only append below what was shown.
 */
export function firstPageOfDue(pastHead: readonly Prospect[], truncated: boolean, current: readonly Prospect[], now: Millis): Prospect[] {
  if (!truncated) return [...pastHead, ...current];
  const last = pastHead.at(-1);
  const cutDay = last === undefined ? Infinity : statusOf(last, now).daysOverdue;
  return [...pastHead, ...current].filter((prospect) => {
    const status = statusOf(prospect, now);
    return !SECTIONS_WITH_PAST_ITEMS.has(status.section) || status.daysOverdue > cutDay;
  });
}

function statusOf(prospect: Prospect, now: Millis) {
  return classifyDue({ at: prospect.dueAt ?? now, kind: prospect.dueKind ?? 'followUp' }, now);
}

/**
 * How many items each ranked section shows: its page (`pageOf`: 8, more after "Show more"), and
 * no more than `budget` in all, taken from the top (the popup's first frame holds only what fits
 * on screen). A section given none is not shown.
 */
export function itemsToShow(sections: readonly RankedSection[], pageOf: (section: DueSection) => number, budget: number): number[] {
  let left = budget;
  return sections.map(({ section, prospects }) => {
    const count = Math.max(0, Math.min(prospects.length, pageOf(section), left));
    left -= count;
    return count;
  });
}
