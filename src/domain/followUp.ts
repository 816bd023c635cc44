import { addDays, startOfDay } from 'date-fns';
import { addCadence, deliveryOn } from './calendar';
import { findStage, type Settings } from './settings';
import type { Millis, Prospect } from './types';

/** The days a follow-up set while writing may lie ahead: as many as an agreed cadence. */
export const FOLLOW_UP_DAYS = { min: 1, max: 365 } as const;

const DAY = 24 * 60 * 60 * 1000;

/**
 * The "follow up in N days if no reply" a draft offers: the cadence agreed with the prospect, else
 * their stage's cadence counted from now in calendar days (2 working days from a Friday are 4);
 * for someone not tracked yet, and for a stage without a cadence (Meeting set, Lost), the first
 * stage's — the one a new prospect starts in.
 */
export function followUpDays(prospect: Pick<Prospect, 'cadenceDays' | 'stageId'> | null, settings: Settings, now: Millis): number {
  if (prospect?.cadenceDays) return prospect.cadenceDays;
  const cadence = (prospect ? findStage(settings, prospect.stageId)?.cadence : null) ?? settings.stages[0]?.cadence;
  if (!cadence) return FOLLOW_UP_DAYS.min;
  const days = Math.round((startOfDay(addCadence(now, cadence, settings)).getTime() - startOfDay(now).getTime()) / DAY);
  return Math.min(FOLLOW_UP_DAYS.max, Math.max(FOLLOW_UP_DAYS.min, days));
}

/** When that follow-up falls: N calendar days after the send, at the reminder hour of that day or the next working day. */
export function followUpAt(sentAt: Millis, days: number, settings: Settings): Millis {
  return deliveryOn(addDays(sentAt, days), settings);
}
