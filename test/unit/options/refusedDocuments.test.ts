import { describe, expect, it } from 'vitest';
import { refusedDocumentsLine } from '../../../src/options/refusedDocuments';
import type { Translate } from '../../../src/ui/plural';
import { getMessageFrom } from '../chromeI18n';

/** Options → Sync names the server documents sync refused, in the rep's language. */

function translator(locale: string): Translate {
  const getMessage = getMessageFrom(locale);
  return (key, substitutions) => getMessage(key, substitutions === undefined ? undefined : ([] as string[]).concat(substitutions));
}

const REFUSED = [
  { id: 'prospect:rep@corp.example:bo@beta.example', problem: { key: 'tooLong', values: ['5000'], path: 'notes.versions[0].text' } },
  { id: 'touch:x', problem: { key: 'badFormat', values: [], path: '_id' } },
  { id: 'something-else', problem: { key: 'badFormat', values: [], path: '_id' } },
] as const;

describe('the refused server documents in Options → Sync', () => {
  it('says how many, and names the first with why, in English', () => {
    expect(refusedDocumentsLine(REFUSED, translator('en'))).toBe(
      'Records on the server that were not applied (left there unchanged): 3. The first: prospect:rep@corp.example:bo@beta.example — notes.versions[0].text: is longer than 5000 characters',
    );
  });

  it('says it in Russian', () => {
    expect(refusedDocumentsLine(REFUSED.slice(1), translator('ru'))).toBe(
      'Записей на сервере, которые не применены (оставлены там без изменений): 2. Первая: touch:x — _id: неверный формат',
    );
  });

  it('says nothing when nothing was refused', () => {
    expect(refusedDocumentsLine([], translator('en'))).toBeNull();
  });
});
