import browser from 'webextension-polyfill';

/**
 * Every user-facing string comes from _locales through this one function, so a missing
 * translation falls back to English (the browser does that) and never to a key name shown raw.
 */
export function t(key: string, substitutions?: string | readonly string[]): string {
  const text = browser.i18n.getMessage(key, substitutions as string | string[] | undefined);
  return text || key;
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
