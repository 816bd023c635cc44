// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { annotateRow, chipContext } from '../../../src/content/rowChips';
import { removeAllTraces } from '../../../src/content/teardown';
import { renderCard } from '../../../src/content/threadCard';
import { threadRows } from '../../../src/content/webmail/gmail/rows';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { ignoreMisses, loadFixture } from './gmail/helpers';
import { NOW, storedProspect } from './prospects';

/** Message keys stand for the words: what is drawn does not matter here, only that it is removed. */
const t = (key: string) => key;

/** Every attribute of ours anywhere in the page (Gmail's elements included). */
function ourAttributes(doc: Document): string[] {
  return [...doc.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => name.startsWith('data-touchbase')));
}

describe('teardown', () => {
  it('leaves Gmail’s page exactly as Gmail made it: no node and no attribute of ours', () => {
    const doc = loadFixture('inbox.html');
    const pristine = new XMLSerializer().serializeToString(doc);
    const rows = threadRows(doc, ignoreMisses);
    rows.forEach((row, i) => annotateRow(row, storedProspect(`p${i}`, 'contacted', row.threadId ? [row.threadId] : []), chipContext(DEFAULT_SETTINGS, NOW, t, 'en')));
    const anchor = doc.querySelector<HTMLElement>('div[role=main]') ?? doc.body;
    const ctx = { settings: DEFAULT_SETTINGS, now: NOW, t, locale: 'en', act: async () => ({ message: '', done: false }), track: async () => '', keepOpen: () => undefined };
    renderCard(anchor, { candidates: [{ email: 'ann@deal.test', name: 'Ann' }] }, ctx);
    // The scenario holds: chips, the card and the rows' keys are there.
    expect(doc.querySelectorAll('[data-touchbase="chip"]').length).toBe(rows.length);
    expect(ourAttributes(doc)).toContain('data-touchbase-key');

    removeAllTraces(doc);
    expect(ourAttributes(doc)).toEqual([]);
    expect(new XMLSerializer().serializeToString(doc)).toBe(pristine);
  });
});
