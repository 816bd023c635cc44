import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The translations in _locales/ against the English source of truth. English is read afresh on
 * every run, so a key added to en fails here until every locale has it; the browser would
 * otherwise fall back to English silently and nobody would notice the gap.
 *
 * Each check collects every problem of a locale and compares the list with [], so one failure
 * names all the keys to fix at once.
 */

interface Placeholder {
  readonly content: string;
  readonly example?: string;
}

interface Entry {
  readonly message: string;
  readonly description?: string;
  readonly placeholders?: Readonly<Record<string, Placeholder>>;
}

type Catalog = Readonly<Record<string, Entry>>;

const ROOT = join(import.meta.dirname, '../..');
const LOCALES_DIR = join(ROOT, '_locales');
const SOURCE = 'en';

/** The shipped languages. A new folder must be added here on purpose, with its translation complete. */
const EXPECTED_LOCALES = ['el', 'en', 'id', 'ru', 'th', 'zh_CN', 'zh_TW'];

/** CLDR plural categories: the suffixes src/ui/plural.ts may ask for. */
const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'];

/**
 * Store limits on the manifest fields shown in the store and the browser, in characters.
 * Chrome Web Store: name 75, short_name 12, description 132. Firefox: addons-linter's manifest
 * schema refuses a name over 45 (AMO's own listing allows 50), and AMO cuts the summary, which it
 * takes from the description, at 250.
 */
const STORE_LIMITS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'Chrome Web Store': { name: 75, short_name: 12, description: 132 },
  'Firefox Add-ons': { name: 45, description: 250 },
};

/**
 * Messages that rightly read the same as in English. Names and formats stay as they are in
 * every language; a few words are what reps in one language actually see in their tools.
 */
const SAME_EVERYWHERE = new Set(['Gmail', 'Touchbase', 'CSV', 'JSON']);
const SAME_IN: Readonly<Record<string, ReadonlySet<string>>> = {
  // Gmail and Indonesian CRMs say "email" and "pipeline"; "surel" and "saluran" read as stilted.
  id: new Set(['Email', 'Pipeline']),
  // Greek sign-up forms and CRMs label the address and channel "Email"; Greek sales teams say "pipeline".
  el: new Set(['Email', 'Pipeline']),
};

/** How many letters make an English message worth translating: "yes", "no" and "Due" may stay. */
const SHORT_ENOUGH_TO_KEEP = 3;

const localeDirs = readdirSync(LOCALES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const translations = localeDirs.filter((locale) => locale !== SOURCE);

/** The file's problems as a message, or the catalog; parsed once per locale. */
const catalogs = new Map<string, Catalog | string>();

function load(locale: string): Catalog | string {
  let result = catalogs.get(locale);
  if (result === undefined) {
    const file = join(LOCALES_DIR, locale, 'messages.json');
    try {
      const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
      const problems = shapeProblems(parsed);
      result = problems.length === 0 ? (parsed as Catalog) : `${file}: ${problems.join('; ')}`;
    } catch (error) {
      result = `${file}: ${error instanceof Error ? error.message : String(error)}`;
    }
    catalogs.set(locale, result);
  }
  return result;
}

function catalog(locale: string): Catalog {
  const result = load(locale);
  if (typeof result === 'string') throw new Error(`cannot check ${locale}: ${result}`);
  return result;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** What Chrome needs to load the file: objects with a string message and well-formed placeholders. */
function shapeProblems(parsed: unknown): string[] {
  if (!isRecord(parsed)) return ['the file is not a JSON object'];
  const problems: string[] = [];
  for (const [key, entry] of Object.entries(parsed)) {
    if (!isRecord(entry)) {
      problems.push(`${key} is not an object`);
      continue;
    }
    if (typeof entry.message !== 'string') problems.push(`${key}.message is not a string`);
    if ('description' in entry && typeof entry.description !== 'string') problems.push(`${key}.description is not a string`);
    for (const field of Object.keys(entry)) {
      if (!['message', 'description', 'placeholders'].includes(field)) problems.push(`${key} has an unknown field "${field}"`);
    }
    if ('placeholders' in entry) {
      const placeholders = entry.placeholders;
      if (!isRecord(placeholders) || Object.values(placeholders).some((p) => !isRecord(p) || typeof p.content !== 'string')) {
        problems.push(`${key}.placeholders must map names to { content }`);
      }
    }
  }
  return problems;
}

/** The CLDR categories a locale's numbers fall into, in CLDR order, e.g. ru → one, few, many, other. */
function pluralCategoriesOf(locale: string): string[] {
  const tag = locale.replace(/_/g, '-');
  const rules = new Intl.PluralRules(tag);
  // A Node built without full ICU answers with English rules for every language: refuse to guess.
  const language = tag.split('-')[0];
  if (rules.resolvedOptions().locale.split('-')[0] !== language) throw new Error(`this Node has no plural rules for ${tag}`);
  const categories: readonly string[] = rules.resolvedOptions().pluralCategories;
  return PLURAL_CATEGORIES.filter((category) => categories.includes(category));
}

/** Bases of plural messages: en has both `<base>_one` and `<base>_other`. */
function pluralBases(en: Catalog): Set<string> {
  return new Set(
    Object.keys(en)
      .filter((key) => key.endsWith('_one'))
      .map((key) => key.slice(0, -'_one'.length))
      .filter((base) => `${base}_other` in en),
  );
}

/** `dueIn_few` → { base: 'dueIn', category: 'few' } when dueIn is a plural base; otherwise null. */
function pluralVariant(key: string, bases: ReadonlySet<string>): { base: string; category: string } | null {
  const cut = key.lastIndexOf('_');
  if (cut < 0) return null;
  const base = key.slice(0, cut);
  const category = key.slice(cut + 1);
  return bases.has(base) && PLURAL_CATEGORIES.includes(category) ? { base, category } : null;
}

/** The English entry a translated key is measured against: itself, or `<base>_other` for a plural form. */
function englishFor(key: string, en: Catalog, bases: ReadonlySet<string>): Entry | undefined {
  const variant = pluralVariant(key, bases);
  return variant ? en[`${variant.base}_other`] : en[key];
}

/** `$NAME$` tokens in a message, once each and sorted; `$$` (a literal dollar) is not one. */
function tokens(message: string): string[] {
  return [...new Set(message.replace(/\$\$/g, '').match(/\$[A-Za-z0-9_@]+\$/g) ?? [])].sort();
}

/** Placeholders as name → content: what Chrome substitutes. The example is a hint for translators. */
function placeholderContents(entry: Entry): Record<string, string> {
  return Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name, p.content]));
}

const letters = (message: string) => message.replace(/\$[A-Za-z0-9_@]+\$/g, '').match(/\p{L}/gu)?.length ?? 0;

const quote = (text: string) => JSON.stringify(text);

describe('locale folders', () => {
  it('are exactly English and the six shipped translations', () => {
    expect(localeDirs).toEqual(EXPECTED_LOCALES);
  });

  it.each(localeDirs)('%s/messages.json parses and has the shape Chrome loads', (locale) => {
    const result = load(locale);
    // In a list, the reason is printed whole.
    expect(typeof result === 'string' ? [result] : []).toEqual([]);
  });
});

describe('English source', () => {
  it('declares every $NAME$ token it uses as a placeholder, and uses every placeholder', () => {
    const en = catalog(SOURCE);
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(en)) {
      const declared = Object.keys(entry.placeholders ?? {}).map((name) => `$${name.toUpperCase()}$`).sort();
      const used = tokens(entry.message).map((token) => token.toUpperCase());
      if (JSON.stringify(declared) !== JSON.stringify(used)) problems.push(`${key}: uses ${used.join(' ') || 'no token'} but declares ${declared.join(' ') || 'none'}`);
      if (entry.message.trim() === '') problems.push(`${key}: empty message`);
    }
    expect(problems).toEqual([]);
  });

  it('gives the singular and plural forms of a message the same tokens', () => {
    const en = catalog(SOURCE);
    const problems = [...pluralBases(en)]
      .filter((base) => JSON.stringify(tokens(en[`${base}_one`]?.message ?? '')) !== JSON.stringify(tokens(en[`${base}_other`]?.message ?? '')))
      .map((base) => `${base}_one and ${base}_other use different tokens`);
    expect(problems).toEqual([]);
  });
});

describe.each(translations)('%s translation', (locale) => {
  it('has every English key and none that English lacks', () => {
    const en = catalog(SOURCE);
    const messages = catalog(locale);
    const bases = pluralBases(en);
    const missing = Object.keys(en)
      .filter((key) => !pluralVariant(key, bases) && !(key in messages))
      .map((key) => `missing ${key} (English: ${quote(en[key]?.message ?? '')})`);
    const stale = Object.keys(messages)
      .filter((key) => !(key in en) && !pluralVariant(key, bases))
      .map((key) => `stale ${key}: en has no such key`);
    expect([...missing, ...stale]).toEqual([]);
  });

  it('has exactly the plural forms its language uses', () => {
    const en = catalog(SOURCE);
    const messages = catalog(locale);
    const bases = pluralBases(en);
    const categories = pluralCategoriesOf(locale);
    const problems: string[] = [];
    for (const base of bases) {
      for (const category of categories) {
        if (!(`${base}_${category}` in messages)) problems.push(`${base} lacks ${base}_${category} (${locale} uses ${categories.join(', ')})`);
      }
    }
    for (const key of Object.keys(messages)) {
      const variant = pluralVariant(key, bases);
      if (variant && !categories.includes(variant.category)) {
        problems.push(`${key}: ${locale} has no plural category "${variant.category}" (it uses ${categories.join(', ')}), so this form is never shown`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('uses the same $NAME$ tokens and placeholders as English', () => {
    const en = catalog(SOURCE);
    const messages = catalog(locale);
    const bases = pluralBases(en);
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(messages)) {
      const english = englishFor(key, en, bases);
      if (!english) continue; // stale keys are reported by their own check
      const expected = tokens(english.message);
      const actual = tokens(entry.message);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        problems.push(`${key}: uses ${actual.join(' ') || 'no token'}, English uses ${expected.join(' ') || 'none'}`);
      }
      const expectedPlaceholders = placeholderContents(english);
      const actualPlaceholders = placeholderContents(entry);
      if (JSON.stringify(actualPlaceholders, Object.keys(actualPlaceholders).sort()) !== JSON.stringify(expectedPlaceholders, Object.keys(expectedPlaceholders).sort())) {
        problems.push(`${key}: placeholders ${JSON.stringify(actualPlaceholders)} differ from English ${JSON.stringify(expectedPlaceholders)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no empty message and none left in English', () => {
    const en = catalog(SOURCE);
    const messages = catalog(locale);
    const bases = pluralBases(en);
    const keep = SAME_IN[locale] ?? new Set<string>();
    const problems: string[] = [];
    for (const [key, entry] of Object.entries(messages)) {
      const text = entry.message.trim();
      if (text === '') {
        problems.push(`${key}: empty message`);
        continue;
      }
      const variant = pluralVariant(key, bases);
      // Any English form counts: a Russian "few" form equal to the English plural is untranslated.
      const english = variant ? Object.keys(en).filter((k) => pluralVariant(k, bases)?.base === variant.base).map((k) => en[k]?.message ?? '') : [en[key]?.message ?? ''];
      const same = english.find((source) => source.trim() === text && letters(source) > SHORT_ENOUGH_TO_KEEP);
      if (same !== undefined && !SAME_EVERYWHERE.has(text) && !keep.has(text)) problems.push(`${key}: still English (${quote(text)})`);
    }
    expect(problems).toEqual([]);
  });
});

describe('manifest strings', () => {
  const manifest: unknown = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));

  /** Every `__MSG_key__` in the manifest, wherever it sits (name, description, action title…). */
  function messageKeys(value: unknown): string[] {
    if (typeof value === 'string') return [...value.matchAll(/__MSG_(\w+?)__/g)].map((match) => match[1] ?? '');
    if (Array.isArray(value)) return value.flatMap(messageKeys);
    return isRecord(value) ? Object.values(value).flatMap(messageKeys) : [];
  }

  const keys = [...new Set(messageKeys(manifest))].sort();

  it('names the extension and its description through _locales', () => {
    expect(keys).toEqual(expect.arrayContaining(['extDescription', 'extName']));
  });

  const storeCases = localeDirs.flatMap((locale) => Object.keys(STORE_LIMITS).map((store) => [locale, store] as const));

  it.each(storeCases)('%s has every manifest string within the %s limits', (locale, store) => {
    const messages = catalog(locale);
    const problems = keys.filter((key) => !messages[key]?.message.trim()).map((key) => `missing ${key}, used by manifest.json`);
    const fields = isRecord(manifest) ? manifest : {};
    for (const [field, limit] of Object.entries(STORE_LIMITS[store] ?? {})) {
      const raw = fields[field];
      if (typeof raw !== 'string') {
        problems.push(`manifest.json has no ${field}`);
        continue;
      }
      const text = raw.replace(/__MSG_(\w+?)__/g, (_, key: string) => messages[key]?.message ?? '');
      // UTF-16 length: never less than what the store counts.
      if (text.length > limit) problems.push(`${field} is ${text.length} characters, the limit is ${limit}: ${quote(text)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('localeCode', () => {
  it('names each file’s own language, so numbers, dates and plurals match its text', () => {
    for (const locale of localeDirs) {
      const messages = JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;
      const code = messages['localeCode']?.message ?? '';
      expect(code, locale).toBe(locale.replace('_', '-'));
      expect(Intl.getCanonicalLocales(code), locale).toEqual([code]);
    }
  });
});

/**
 * docs/glossary.md fixes one word per term and language. Its tables are read here, so the page
 * and the messages cannot drift apart: a "never" form anywhere in a language's messages fails, and
 * so does a term none of whose words appears (the page would be describing strings that are gone).
 */
describe('glossary', () => {
  interface GlossaryRow {
    readonly term: string;
    readonly words: readonly string[];
    readonly never: readonly string[];
  }

  const page = readFileSync(join(ROOT, 'docs/glossary.md'), 'utf8');
  const cellsOf = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((cell) => cell.trim());
  const backticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? '');

  /** The terms every language must cover: the first column of the table headed "term | meaning…". */
  function terms(): string[] {
    const lines = page.split('\n');
    const start = lines.findIndex((line) => /^\|\s*term\s*\|\s*meaning/.test(line));
    const rows: string[] = [];
    for (const line of lines.slice(start + 2)) {
      if (!line.startsWith('|')) break;
      rows.push(cellsOf(line)[0] ?? '');
    }
    return rows;
  }

  /** Each "## Name (`code`)" section's table. */
  function sections(): Map<string, GlossaryRow[]> {
    const result = new Map<string, GlossaryRow[]>();
    let rows: GlossaryRow[] | null = null;
    for (const line of page.split('\n')) {
      const heading = /^## .*\(`([A-Za-z_]+)`\)\s*$/.exec(line);
      if (heading) result.set(heading[1] ?? '', (rows = []));
      else if (line.startsWith('## ')) rows = null;
      else if (rows && line.startsWith('|') && !/^\|\s*(term|---)/.test(line)) {
        const [term = '', word = '', never = ''] = cellsOf(line);
        rows.push({ term, words: backticked(word), never: backticked(never) });
      }
    }
    return result;
  }

  const fold = (text: string) => text.toLocaleLowerCase();

  it('covers every language, each with every term once', () => {
    const expected = terms();
    expect(expected.length).toBeGreaterThanOrEqual(14);
    const found = sections();
    expect([...found.keys()].sort()).toEqual(localeDirs);
    const problems: string[] = [];
    for (const [locale, rows] of found) {
      const listed = rows.map((row) => row.term);
      if (JSON.stringify(listed) !== JSON.stringify(expected)) problems.push(`${locale}: terms ${listed.join(', ')}; expected ${expected.join(', ')}`);
      for (const row of rows) if (row.words.length === 0) problems.push(`${locale}: ${row.term} has no word`);
    }
    expect(problems).toEqual([]);
  });

  it.each(localeDirs)('%s messages follow it: no forbidden form, every term in use', (locale) => {
    const rows = sections().get(locale) ?? [];
    const messages = Object.entries(catalog(locale)).map(([key, entry]) => [key, fold(entry.message)] as const);
    const problems: string[] = [];
    for (const row of rows) {
      for (const form of row.never) {
        for (const [key, text] of messages) if (text.includes(fold(form))) problems.push(`${key}: says ${quote(form)}, which the glossary forbids for ${row.term}`);
      }
      if (!row.words.some((word) => messages.some(([, text]) => text.includes(fold(word))))) problems.push(`${row.term}: none of ${row.words.map(quote).join(', ')} appears in any message`);
    }
    expect(problems).toEqual([]);
  });

  it.each(translations)('%s quotes with its own quotation marks, never ASCII "', (locale) => {
    const problems = Object.entries(catalog(locale))
      .filter(([, entry]) => entry.message.includes('"'))
      .map(([key, entry]) => `${key}: ${entry.message}`);
    expect(problems).toEqual([]);
  });
});
