import type { DueStatus } from '../domain/classify';
import type { DueKind, Millis } from '../domain/types';
import { plural, type Translate } from './plural';

/** "overdue 2 days", "due today", "in 3 days": the due state in words. */
export function dueText(status: DueStatus, t: Translate, locale: string): string {
  if (status.daysOverdue > 0) return plural(t, 'dueOverdue', status.daysOverdue, locale);
  if (status.daysUntil === 0) return t('dueToday');
  return plural(t, 'dueIn', status.daysUntil, locale);
}

export function dueKindText(kind: DueKind, t: Translate): string {
  return t(`dueKind_${kind}`);
}

/** "last touch 3 days ago". */
export function sinceText(at: Millis | null, now: Millis, t: Translate, locale: string): string {
  return at === null ? t('neverTouched') : t('touchedAgo', agoText(at, now, locale));
}

const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The largest unit of which at least one has passed; a month counts as 30 days. */
function elapsed(ms: number): [number, Intl.RelativeTimeFormatUnit] {
  if (ms < MINUTE) return [Math.floor(ms / SECOND), 'second'];
  if (ms < HOUR) return [Math.floor(ms / MINUTE), 'minute'];
  if (ms < DAY) return [Math.floor(ms / HOUR), 'hour'];
  const days = Math.floor(ms / DAY);
  if (days < 30) return [days, 'day'];
  if (days < 365) return [Math.floor(days / 30), 'month'];
  return [Math.floor(days / 365), 'year'];
}

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/**
 * "3 days ago", "1 минуту назад", "πριν από 1 μήνα", "3 วันที่ผ่านมา": the whole phrase comes from
 * Intl in the language of the text, because a number, a unit and "ago" put together by hand take
 * the wrong case in Russian and Greek and the wrong spacing in Thai.
 */
export function agoText(at: Millis, now: Millis, locale: string): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' })));
  // A touch stamped a little ahead of this clock (another device) reads as just now, not "in 2 seconds".
  const [count, unit] = elapsed(Math.max(0, now - at));
  return format.format(-count, unit);
}
