import { readFileSync } from 'node:fs';

interface Entry {
  readonly message: string;
  readonly placeholders?: Record<string, { readonly content: string }>;
}

/**
 * chrome.i18n.getMessage over a real _locales file, for unit tests of code that translates:
 * named $TOKEN$s resolve through their placeholders to $1…$9 and then to the substitutions,
 * and an unknown key gives '' as in Chrome.
 */
export function getMessageFrom(locale: string): (key: string, substitutions?: string | string[]) => string {
  const catalog = JSON.parse(readFileSync(new URL(`../../_locales/${locale}/messages.json`, import.meta.url), 'utf8')) as Record<string, Entry>;
  return (key, substitutions) => {
    const entry = catalog[key];
    if (!entry) return '';
    const values = ([] as string[]).concat(substitutions ?? []);
    const positional = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
    return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (token, name: string) => {
      const placeholder = entry.placeholders?.[name.toLowerCase()];
      return placeholder ? positional(placeholder.content) : token;
    });
  };
}
