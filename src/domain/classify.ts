import { addDays, startOfDay } from 'date-fns';
import type { DueKind, Millis } from './types';

/**
 * Where a due item belongs in the rep's day. Reply-needed and decisions are shown apart from
 * plain "waiting on them" follow-ups, because they ask for a different action.
 */
export type DueSection = 'replyNeeded' | 'decision' | 'overdue' | 'today' | 'upcoming' | 'later';

export interface DueStatus {
  readonly section: DueSection;
  /** Calendar days past due (0 when due today or later). */
  readonly daysOverdue: number;
  /** Calendar days until due (0 when due today or earlier). */
  readonly daysUntil: number;
}

/** How far ahead the "upcoming" section looks. */
export const UPCOMING_DAYS = 7;

export function classifyDue(due: { at: Millis; kind: DueKind }, now: Millis): DueStatus {
  const dayDiff = localDayNumber(due.at) - localDayNumber(now);
  const daysOverdue = Math.max(0, -dayDiff);
  const daysUntil = Math.max(0, dayDiff);
  const isDueNow = due.at <= now || dayDiff === 0;
  if (due.kind === 'replyNeeded' && isDueNow) return { section: 'replyNeeded', daysOverdue, daysUntil };
  if (due.kind === 'decision' && isDueNow) return { section: 'decision', daysOverdue, daysUntil };
  if (dayDiff < 0) return { section: 'overdue', daysOverdue, daysUntil };
  if (dayDiff === 0) return { section: 'today', daysOverdue, daysUntil };
  if (dayDiff <= UPCOMING_DAYS) return { section: 'upcoming', daysOverdue, daysUntil };
  return { section: 'later', daysOverdue, daysUntil };
}

/**
 * The local calendar day of an instant as a whole number (days since 1970-01-01 in the local time
 * zone), so calendar-day differences are one subtraction. Same answer as date-fns'
 * differenceInCalendarDays (DST days included) at a fraction of the cost: the popup classifies
 * every due prospect before its first paint.
 */
export function localDayNumber(at: Millis): number {
  const date = new Date(at);
  return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / 86_400_000;
}

/** The end of the upcoming window: the due list reads the dueAt index up to here, no further. */
export function upcomingHorizon(now: Millis): Millis {
  return addDays(startOfDay(new Date(now)), UPCOMING_DAYS + 1).getTime();
}

/** Local midnight this morning: before it, a follow-up is overdue. */
export function startOfToday(now: Millis): Millis {
  return startOfDay(new Date(now)).getTime();
}

/** The end of today: what the badge counts as due now. */
export function endOfToday(now: Millis): Millis {
  return addDays(startOfDay(new Date(now)), 1).getTime();
}
