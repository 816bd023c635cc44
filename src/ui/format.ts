import { formatDistanceStrict } from 'date-fns';
import type { DueStatus } from '../domain/classify';
import type { DueKind, Millis } from '../domain/types';
import { dateLocale } from './dateLocale';
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
  return at === null ? t('neverTouched') : t('touchedAgo', formatDistanceStrict(at, now, { locale: dateLocale(locale) }));
}

