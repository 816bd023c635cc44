import type { Prospect } from './types';

type Ranked = Pick<Prospect, 'dueAt' | 'email'>;

/**
 * Of several prospects on one thread, the one to show: the soonest due (never-due last), then by
 * address so every tab and every re-render picks the same one.
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
