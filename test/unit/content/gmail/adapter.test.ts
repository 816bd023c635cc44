// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../../src/content/webmail/gmail';
import { MAIN_PANE } from '../../../../src/content/webmail/gmail/selectors';
import { loadFixture, missRecorder } from './helpers';

describe('gmailAdapter', () => {
  it('names itself and observes the main pane', () => {
    const doc = loadFixture('inbox.html');
    expect(gmailAdapter.name).toBe('gmail');
    const root = gmailAdapter.observationRoot(doc);
    expect(root?.matches(MAIN_PANE)).toBe(true);
  });

  it('finds every row from the observation root as from the document', () => {
    const doc = loadFixture('inbox.html');
    const root = gmailAdapter.observationRoot(doc)!;
    const fromRoot = gmailAdapter.rows(root, missRecorder().miss).map((row) => row.threadId);
    expect(fromRoot).toHaveLength(7);
    expect(fromRoot).toEqual(gmailAdapter.rows(doc, missRecorder().miss).map((row) => row.threadId));
  });
});
