/**
 * Small text helpers the content script needs too; kept apart from format.ts so Gmail tabs do not
 * load the popup's date and relative-time formatting.
 */

/** Turns a string key and substitutions into display text; injected so this stays testable. */
export type Translate = (key: string, substitutions?: string | readonly string[]) => string;

/**
 * chrome.i18n has no plurals, so plural messages are stored as `key_one`, `key_few`,
 * `key_other`… (CLDR categories) and picked with Intl.PluralRules for the UI language.
 */
const pluralRules = new Map<string, Intl.PluralRules>();

export function plural(t: Translate, key: string, count: number, locale: string): string {
  // Building Intl objects is costly; a list of a thousand rows needs one per language, not per row.
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  const category = rules.select(count);
  const text = t(`${key}_${category}`, String(count));
  return text === `${key}_${category}` ? t(`${key}_other`, String(count)) : text;
}

const moneyFormats = new Map<string, Intl.NumberFormat | null>();

/** "€12,000" in the UI language; one formatter per language and currency, reused. */
export function moneyText(value: number | null, currency: string, locale: string): string {
  if (value === null) return '';
  const key = `${locale}|${currency}`;
  if (!moneyFormats.has(key)) {
    try {
      const options: Intl.NumberFormatOptions = currency ? { style: 'currency', currency, maximumFractionDigits: 0 } : { maximumFractionDigits: 0 };
      moneyFormats.set(key, new Intl.NumberFormat(locale, options));
    } catch {
      moneyFormats.set(key, null); // an unknown currency code: show the plain number
    }
  }
  return moneyFormats.get(key)?.format(value) ?? String(value);
}
