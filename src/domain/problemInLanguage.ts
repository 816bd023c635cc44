import type { Problem } from './problems';

/**
 * A refusal (see problems.ts) in the rep's language, through `translate` (chrome.i18n, injected
 * so this stays pure): the CSV row, the field path as the data names it, and the reason from
 * `problem_<key>` in _locales. A key the locale files lack (a reply from another version) falls
 * back to `english`. Kept apart from problems.ts, so pages that only show refusals (the Gmail
 * content script) do not ship its English table.
 */
export function problemInLanguage(refusal: Problem, translate: (key: string, values: string[]) => string, english: string): string {
  const key = `problem_${refusal.key}`;
  const reason = translate(key, [...refusal.values]);
  if (reason === '' || reason === key) return english;
  const where = [refusal.row === undefined ? '' : translate('problemRow', [String(refusal.row)]), refusal.path].filter(Boolean);
  return [...where, reason].join(': ');
}
