import { formatDistanceStrict } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dateLocale } from '../../../src/ui/dateLocale';

const threeDays = (language: string) => formatDistanceStrict(0, 3 * 86_400_000, { locale: dateLocale(language) });

describe('date-fns locale for the UI language', () => {
  it('speaks each language of _locales', () => {
    expect(threeDays('en-US')).toBe('3 days');
    expect(threeDays('ru')).toBe('3 дня');
    expect(threeDays('th')).toBe('3 วัน');
    expect(threeDays('el')).toBe('3 ημέρες');
    expect(threeDays('id')).toBe('3 hari');
    expect(threeDays('zh-CN')).toBe('3 天');
    expect(threeDays('zh-TW')).toBe('3 天');
  });

  it('tells Traditional from Simplified Chinese and falls back to English', () => {
    expect(dateLocale('zh-Hant-HK')).toBe(dateLocale('zh_TW'));
    expect(dateLocale('zh')).toBe(dateLocale('zh-CN'));
    expect(dateLocale('ru-RU')).toBe(dateLocale('ru'));
    expect(dateLocale('fr-FR')).toBe(dateLocale('en'));
  });
});
