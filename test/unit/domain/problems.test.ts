import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { settingsShape } from '../../../src/domain/settingsInput';
import { problemInLanguage } from '../../../src/domain/problemInLanguage';
import { PROBLEMS, fillTemplate, problem, problemText, templateTokens } from '../../../src/domain/problems';
import { parseBackup } from '../../../src/domain/backup';
import { parseProspectsCsv } from '../../../src/domain/csv';
import { getMessageFrom } from '../chromeI18n';

const english = JSON.parse(readFileSync(new URL('../../../_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

describe('refusals as data', () => {
  it('has an English message per problem equal to the table, its tokens numbered in order', () => {
    const drift: string[] = [];
    for (const [key, template] of Object.entries(PROBLEMS)) {
      const entry = english[`problem_${key}`];
      if (entry?.message !== template) drift.push(`problem_${key}: ${JSON.stringify(entry?.message)} ≠ ${JSON.stringify(template)}`);
      const numbered = templateTokens(template).map((token, i) => [token.slice(1, -1).toLowerCase(), `$${i + 1}`]);
      const declared = Object.entries(entry?.placeholders ?? {}).map(([name, p]) => [name, p.content]);
      if (JSON.stringify(declared) !== JSON.stringify(numbered)) drift.push(`problem_${key}: placeholders ${JSON.stringify(declared)}`);
    }
    const stale = Object.keys(english).filter((key) => key.startsWith('problem_') && !Object.hasOwn(PROBLEMS, key.slice('problem_'.length)));
    expect([...drift, ...stale]).toEqual([]);
  });

  it('fills values by token order, literally', () => {
    expect(fillTemplate('must be between $MIN$ and $MAX$', ['0', '365'])).toBe('must be between 0 and 365');
    expect(fillTemplate('$EMAIL$ is already on row $ROW$', ['$& $1 $$', '4'])).toBe('$& $1 $$ is already on row 4');
    expect(problemText({ ...problem('Email', 'badEmail', 'x@'), row: 5 })).toBe('row 5: Email: "x@" is not a valid email address');
    expect(problemText(problem('', 'csvEmpty'))).toBe('the file is empty');
  });

  it('reads in the rep\'s language, with the row and field path, and falls back to English for an unknown key', () => {
    const ru = getMessageFrom('ru');
    expect(problemInLanguage({ ...problem('Email', 'badEmail', 'x@'), row: 5 }, ru, 'english')).toBe('строка 5: Email: «x@» — неверный адрес электронной почты');
    expect(problemInLanguage(problem('settings.stages', 'stageNameTwice', 'Demo'), getMessageFrom('zh_TW'), 'english')).toBe('settings.stages: 有兩個階段都叫「Demo」');
    expect(problemInLanguage({ key: 'fromANewerBuild' as never, values: [], path: '' }, ru, 'the English text')).toBe('the English text');
  });

  it('carries the same refusal as English text and as a problem, for any input', () => {
    const sameText = (result: { ok: boolean; error?: string; problem?: Parameters<typeof problemText>[0] }) =>
      result.ok || (result.problem !== undefined && result.error === problemText(result.problem));
    fc.assert(
      fc.property(fc.anything(), fc.string(), (junk, text) => {
        expect(sameText(settingsShape(junk, 'settings'))).toBe(true);
        expect(sameText(parseBackup(JSON.stringify({ format: 'touchbase-backup', version: 1, junk })))).toBe(true);
        expect(sameText(parseProspectsCsv(`Email,Stage\n${text}`, new Map()))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
