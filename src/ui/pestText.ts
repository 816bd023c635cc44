import type { PestWarning } from '../domain/pestGuard';
import { plural, type Translate } from './plural';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The pest guard's warning in words. Under a day, or before a whole working day has passed, it
 * counts hours ("only 17 hours old"): a touch made on Friday evening is "0 working days" old on
 * Monday morning, which tells the rep nothing. Otherwise it counts working days, the unit the
 * guard's gap is set in.
 */
export function pestWarningText(warning: Pick<PestWarning, 'lastOutboundAt' | 'workingDaysSince'>, now: number, t: Translate, locale: string): string {
  const age = now - warning.lastOutboundAt;
  if (age >= DAY && warning.workingDaysSince > 0) return plural(t, 'pestWarning', warning.workingDaysSince, locale);
  const hours = Math.floor(Math.max(0, age) / HOUR);
  return hours === 0 ? t('pestWarningUnderHour') : plural(t, 'pestWarningHours', hours, locale);
}
