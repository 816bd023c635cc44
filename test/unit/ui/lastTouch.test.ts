import { describe, expect, it } from 'vitest';
import { sinceText } from '../../../src/ui/format';
import type { Translate } from '../../../src/ui/plural';
import { getMessageFrom } from '../chromeI18n';

/**
 * "last touch … ago" in each language, read through the real _locales file. The expected phrases
 * are written from each language's grammar: Russian takes the accusative after "назад" (1 минуту,
 * 21 минуту), Greek the accusative after "πριν από" (1 μήνα), Thai writes the unit and
 * "ที่ผ่านมา" with no space between them.
 */

const TOUCHED = Date.UTC(2026, 2, 10, 9, 0, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function translator(file: string): Translate {
  const getMessage = getMessageFrom(file);
  return (key, substitutions) => getMessage(key, substitutions === undefined ? undefined : ([] as string[]).concat(substitutions));
}

function lastTouch(locale: string, elapsed: number): string {
  const file = locale.replace('-', '_');
  return sinceText(TOUCHED, TOUCHED + elapsed, translator(file), locale);
}

describe('last touch in words', () => {
  it('English', () => {
    expect(lastTouch('en', 1 * MINUTE)).toBe('last touch 1 minute ago');
    expect(lastTouch('en', 3 * DAY)).toBe('last touch 3 days ago');
    expect(lastTouch('en', 45 * DAY)).toBe('last touch 1 month ago');
  });

  it('Russian: accusative after назад, three plural forms', () => {
    expect(lastTouch('ru', 1 * MINUTE)).toBe('последнее касание 1 минуту назад');
    expect(lastTouch('ru', 21 * MINUTE)).toBe('последнее касание 21 минуту назад');
    expect(lastTouch('ru', 3 * HOUR)).toBe('последнее касание 3 часа назад');
    expect(lastTouch('ru', 5 * DAY)).toBe('последнее касание 5 дней назад');
    expect(lastTouch('ru', 45 * DAY)).toBe('последнее касание 1 месяц назад');
  });

  it('Greek: accusative after πριν από', () => {
    expect(lastTouch('el', 45 * DAY)).toBe('τελευταία επαφή πριν από 1 μήνα');
    expect(lastTouch('el', 3 * DAY)).toBe('τελευταία επαφή πριν από 3 ημέρες');
    expect(lastTouch('el', 1 * MINUTE)).toBe('τελευταία επαφή πριν από 1 λεπτό');
  });

  it('Thai: no space inside the time phrase', () => {
    expect(lastTouch('th', 3 * DAY)).toBe('ติดต่อล่าสุด 3 วันที่ผ่านมา');
    expect(lastTouch('th', 2 * HOUR)).toBe('ติดต่อล่าสุด 2 ชั่วโมงที่ผ่านมา');
  });

  it('Indonesian', () => {
    expect(lastTouch('id', 3 * DAY)).toBe('interaksi terakhir 3 hari yang lalu');
    expect(lastTouch('id', 60 * DAY)).toBe('interaksi terakhir 2 bulan yang lalu');
  });

  it('Simplified Chinese', () => {
    expect(lastTouch('zh-CN', 3 * DAY)).toBe('上次联系：3天前');
    expect(lastTouch('zh-CN', 400 * DAY)).toBe('上次联系：1年前');
  });

  it('Traditional Chinese', () => {
    expect(lastTouch('zh-TW', 3 * DAY)).toBe('上次聯絡：3 天前');
    expect(lastTouch('zh-TW', 2 * HOUR)).toBe('上次聯絡：2 小時前');
  });

  it('counts whole units passed, and a touch stamped ahead of this clock as just now', () => {
    expect(lastTouch('en', 2 * DAY - 1)).toBe('last touch 1 day ago');
    expect(lastTouch('en', 59 * MINUTE)).toBe('last touch 59 minutes ago');
    expect(lastTouch('en', 364 * DAY)).toBe('last touch 12 months ago');
    expect(lastTouch('en', 365 * DAY)).toBe('last touch 1 year ago');
    expect(lastTouch('en', -5_000)).toBe('last touch 0 seconds ago');
  });

  it('says so when there is no touch', () => {
    expect(sinceText(null, TOUCHED, translator('ru'), 'ru')).toBe('касаний ещё не было');
  });
});
