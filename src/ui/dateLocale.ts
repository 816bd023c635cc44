import type { Locale } from 'date-fns';
import { el, enUS, id, ru, th, zhCN, zhTW } from 'date-fns/locale';

/** date-fns locales for the languages Touchbase speaks (see _locales); anything else reads English. */
const LOCALES: Record<string, Locale> = { en: enUS, id, el, th, ru, zh_CN: zhCN, zh_TW: zhTW };

/** "zh-TW", "zh-Hant-TW", "ru-RU", "th" → the matching date-fns locale. */
export function dateLocale(uiLanguage: string): Locale {
  const [language = 'en', ...rest] = uiLanguage.replace('_', '-').split('-');
  if (language.toLowerCase() === 'zh') {
    const traditional = rest.some((part) => ['tw', 'hk', 'mo', 'hant'].includes(part.toLowerCase()));
    return traditional ? zhTW : zhCN;
  }
  return LOCALES[language.toLowerCase()] ?? enUS;
}
