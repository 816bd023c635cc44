import type { Prospect } from './types';

type Ranked = Pick<Prospect, 'dueAt' | 'email'>;

/**
 * Of everyone tracked on one thread (linked to it or among its people), the one its chip and card
 * show: the earliest due time first, people never due (Lost) after everyone who is, then by
 * address so every tab and every re-render picks the same one. README, "Chips", states this rule.
 */
export function mostUrgent<T extends Ranked>(prospects: readonly T[]): T | null {
  let best: T | null = null;
  for (const candidate of prospects) {
    if (!best || compare(candidate, best) < 0) best = candidate;
  }
  return best;
}

function compare(a: Ranked, b: Ranked): number {
  const [dueA, dueB] = [a.dueAt ?? Infinity, b.dueAt ?? Infinity];
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return a.email < b.email ? -1 : a.email > b.email ? 1 : 0;
}
