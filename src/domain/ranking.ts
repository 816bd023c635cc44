import { classifyDue, type DueSection } from './classify';
import type { Millis, Prospect } from './types';

/** The popup's sections, in the order a rep works them: answer people, decide, then chase. */
export const DUE_SECTIONS: readonly DueSection[] = ['replyNeeded', 'decision', 'overdue', 'today', 'upcoming'];

export interface RankedSection {
  readonly section: DueSection;
  readonly prospects: readonly Prospect[];
}

/**
 * Groups due prospects into sections and ranks each: most overdue first (whole calendar days
 * late), then most valuable, then soonest due, then by name — so a big deal one day late sits
 * above a small one one day late, but never above a deal a week late.
 */
export function rankDueList(prospects: readonly Prospect[], now: Millis): RankedSection[] {
  const bySection = new Map<DueSection, { prospect: Prospect; daysOverdue: number }[]>();
  for (const prospect of prospects) {
    if (prospect.dueAt === undefined || prospect.dueKind === undefined) continue;
    const status = classifyDue({ at: prospect.dueAt, kind: prospect.dueKind }, now);
    const list = bySection.get(status.section) ?? [];
    list.push({ prospect, daysOverdue: status.daysOverdue });
    bySection.set(status.section, list);
  }
  return DUE_SECTIONS.filter((section) => bySection.has(section)).map((section) => ({
    section,
    prospects: (bySection.get(section) ?? []).sort(compare).map((entry) => entry.prospect),
  }));
}

function compare(a: { prospect: Prospect; daysOverdue: number }, b: { prospect: Prospect; daysOverdue: number }): number {
  return (
    b.daysOverdue - a.daysOverdue ||
    (b.prospect.value ?? 0) - (a.prospect.value ?? 0) ||
    (a.prospect.dueAt ?? 0) - (b.prospect.dueAt ?? 0) ||
    (a.prospect.name || a.prospect.email).localeCompare(b.prospect.name || b.prospect.email)
  );
}

/** Search over name, company and address (case- and accent-insensitive), and an optional stage. */
export function matchesSearch(prospect: Pick<Prospect, 'name' | 'company' | 'email' | 'stageId'>, query: string, stageId: string): boolean {
  if (stageId && prospect.stageId !== stageId) return false;
  const needle = fold(query.trim());
  if (!needle) return true;
  return [prospect.name, prospect.company, prospect.email].some((field) => fold(field).includes(needle));
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}
