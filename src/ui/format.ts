import { formatDistanceStrict } from 'date-fns';
import type { DueStatus } from '../domain/classify';
import type { DueKind, Millis } from '../domain/types';

/** Turns a string key and substitutions into display text; injected so this stays testable. */
export type Translate = (key: string, substitutions?: string | readonly string[]) => string;

/**
 * chrome.i18n has no plurals, so plural messages are stored as `key_one`, `key_few`,
 * `key_other`… (CLDR categories) and picked with Intl.PluralRules for the UI language.
 */
export function plural(t: Translate, key: string, count: number, locale: string): string {
  const category = new Intl.PluralRules(locale).select(count);
  const text = t(`${key}_${category}`, String(count));
  return text === `${key}_${category}` ? t(`${key}_other`, String(count)) : text;
}

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
export function sinceText(at: Millis | null, now: Millis, t: Translate): string {
  return at === null ? t('neverTouched') : t('touchedAgo', formatDistanceStrict(at, now));
}

export function moneyText(value: number | null, currency: string, locale: string): string {
  if (value === null) return '';
  try {
    const options: Intl.NumberFormatOptions = currency
      ? { style: 'currency', currency, maximumFractionDigits: 0 }
      : { maximumFractionDigits: 0 };
    return new Intl.NumberFormat(locale, options).format(value);
  } catch {
    return String(value);
  }
}
