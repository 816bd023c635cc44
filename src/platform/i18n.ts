import { extensionApi as browser } from './extensionApi';

/**
 * Every user-facing string comes from _locales through this one function, so a missing
 * translation falls back to English (the browser does that) and never to a key name shown raw.
 */
export function t(key: string, substitutions?: string | readonly string[]): string {
  // Messages never change while a page lives; a list of chips asks for the same few many times.
  const cacheKey = substitutions === undefined ? key : `${key}\u0000${([] as string[]).concat(substitutions).join('\u0001')}`;
  let text = cache.get(cacheKey);
  if (text === undefined) {
    text = browser.i18n.getMessage(key, substitutions as string | string[] | undefined) || key;
    if (cache.size > 2_000) cache.clear();
    cache.set(cacheKey, text);
  }
  return text;
}

const cache = new Map<string, string>();
let language: string | undefined;

/**
 * The language of the _locales file that answers `t`, so numbers, dates and plural forms always
 * match the text around them: a browser language without a translation gets English text, and
 * with English number and date formats, not half of each.
 */
export function uiLanguage(): string {
  language ??= browser.i18n.getMessage('localeCode') || browser.i18n.getUILanguage();
  return language;
}
