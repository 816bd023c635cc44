import { addWorkingDays, workingDaysBetween, type WorkWeek } from './calendar';
import type { Millis, TouchSummary } from './types';

export interface PestWarning {
  /** The previous unanswered outbound touch. */
  readonly lastOutboundAt: Millis;
  /** Working days since it. */
  readonly workingDaysSince: number;
  /** The earliest moment a new touch would not be "too soon". */
  readonly okFrom: Millis;
}

/**
 * Persistent, not a pest: touching again within `minGapWorkingDays` of an unanswered outbound
 * touch earns a warning. It never blocks: the rep may know something the tool does not.
 */
export function pestWarning(
  summary: Pick<TouchSummary, 'lastOutboundAt' | 'ballWith'>,
  settings: WorkWeek & { readonly minGapWorkingDays: number },
  now: Millis,
): PestWarning | null {
  const last = summary.lastOutboundAt;
  // Answering a prospect who wrote back is never pestering.
  if (last === null || summary.ballWith === 'me' || settings.minGapWorkingDays <= 0) return null;
  const workingDaysSince = workingDaysBetween(last, now, settings);
  if (workingDaysSince >= settings.minGapWorkingDays) return null;
  return {
    lastOutboundAt: last,
    workingDaysSince,
    okFrom: addWorkingDays(new Date(last), settings.minGapWorkingDays, settings).getTime(),
  };
}
