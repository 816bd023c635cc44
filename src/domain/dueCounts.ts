import { classifyDue, endOfToday, startOfToday, type DueSection } from './classify';
import { DUE_SECTIONS } from './ranking';
import type { Millis, Prospect } from './types';

/** The sections that ask for work today: what the toolbar badge counts. */
export const DUE_NOW_SECTIONS: readonly DueSection[] = ['replyNeeded', 'decision', 'overdue', 'today'];

export interface DueCounts {
  /** Prospects per section of the due list. */
  readonly bySection: Readonly<Record<DueSection, number>>;
  /** Prospects in the due-now sections: the badge's number. */
  readonly dueNow: number;
  /** Prospects due before today began, whatever their section: the badge turns red for them. */
  readonly overdue: number;
}

/**
 * Every count the rep sees of the due list — the badge, the popup's section headers, the
 * pipeline's "Waiting for your decision" — comes from here, so they cannot disagree: each
 * prospect is put in its section by `classifyDue`, the same rule that lays out the list.
 * Prospects never due (Lost) count nowhere.
 */
export function countDue(prospects: Iterable<Pick<Prospect, 'dueAt' | 'dueKind'>>, now: Millis): DueCounts {
  const bySection: Record<DueSection, number> = { replyNeeded: 0, decision: 0, overdue: 0, today: 0, upcoming: 0, later: 0 };
  let overdue = 0;
  for (const { dueAt, dueKind } of prospects) {
    if (dueAt === undefined || dueKind === undefined) continue;
    const status = classifyDue({ at: dueAt, kind: dueKind }, now);
    bySection[status.section] += 1;
    if (status.daysOverdue > 0) overdue += 1;
  }
  const dueNow = DUE_NOW_SECTIONS.reduce((sum, section) => sum + bySection[section], 0);
  return { bySection, dueNow, overdue };
}

/**
 * The badge's two numbers as ranges of the dueAt index, so the worker counts index keys instead
 * of reading and classifying every due record (at 10,000 prospects that read was most of a
 * scheduler run). They are `countDue`'s numbers: by `classifyDue`, a prospect due before the end
 * of today is in a due-now section whatever its kind, one due later is not, and one due before
 * today began is overdue (test/unit/domain/dueCounts.test.ts checks the two agree).
 */
export function dueNowRanges(now: Millis): { readonly dueNowBefore: Millis; readonly overdueBefore: Millis } {
  return { dueNowBefore: endOfToday(now), overdueBefore: startOfToday(now) };
}

/**
 * Of these prospects, those no section of the due list holds: never due (Lost) or due after the
 * upcoming week. Search shows them in its own "Not due" section, below the due ones.
 */
export function notDue<P extends Pick<Prospect, 'dueAt' | 'dueKind'>>(prospects: readonly P[], now: Millis): P[] {
  return prospects.filter(
    ({ dueAt, dueKind }) => dueAt === undefined || dueKind === undefined || !DUE_SECTIONS.includes(classifyDue({ at: dueAt, kind: dueKind }, now).section),
  );
}
