// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gmailAdapter, GMAIL_MISS } from '../../../../src/content/webmail/gmail';
import { ROW_PEOPLE_CELL, THREAD_HEADING } from '../../../../src/content/webmail/gmail/selectors';
import { FIXTURE_NOW, loadFixture, missRecorder } from './helpers';

/** malformed.html: markup that breaks the contract in every way the adapter guards against. */

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FIXTURE_NOW);
});
afterAll(() => vi.useRealTimers());

describe('Gmail markup that does not match', () => {
  it('skips rows with nothing to go on, keeps partial ones, and reports each mismatch', () => {
    const { miss, misses } = missRecorder();
    const rows = gmailAdapter.rows(loadFixture('malformed.html'), miss);
    expect(rows.map((row) => ({ threadId: row.threadId, subject: row.subject, emails: row.people.map((p) => p.email) }))).toEqual([
      { threadId: '1a1c4af86800be69', subject: '', emails: ['olga@vector.ru'] },
      { threadId: null, subject: 'No usable id', emails: ['pat@vector.ru'] },
      { threadId: null, subject: 'Placeholders only', emails: ['quinn@vector.ru'] },
    ]);
    expect(misses).toEqual([
      { what: GMAIL_MISS.rowWithoutIds, detail: undefined },
      { what: GMAIL_MISS.invalidAddress, detail: '<b>@nowhere' },
      { what: GMAIL_MISS.rowWithoutIds, detail: undefined },
      { what: GMAIL_MISS.unrecognisedId, detail: 'zz-not-hex' },
      { what: GMAIL_MISS.rowWithoutSubject, detail: undefined },
      { what: GMAIL_MISS.unrecognisedId, detail: 'xyz' },
      { what: GMAIL_MISS.unrecognisedId, detail: '#thread-f:12ab' },
      { what: GMAIL_MISS.rowWithoutThreadId, detail: undefined },
      { what: GMAIL_MISS.rowWithoutThreadId, detail: undefined },
    ]);
  });

  it('puts the chip of a row without subject in its people cell, never in a bare tr', () => {
    const [olga] = gmailAdapter.rows(loadFixture('malformed.html'), missRecorder().miss);
    expect(olga?.chipAnchor.matches(ROW_PEOPLE_CELL)).toBe(true);
  });

  it('skips a message without ids and keeps partial messages, reporting each mismatch', () => {
    const { miss, misses } = missRecorder();
    const thread = gmailAdapter.openThread(loadFixture('malformed.html'), miss);
    expect(thread?.threadId).toBe('1a1c4af86800be69');
    expect(thread?.messages.map(({ messageId, sentAt, from, to }) => ({ messageId, sentAt, from, to }))).toEqual([
      { messageId: '1a1cb3af0c021384', sentAt: Date.UTC(2026, 10, 11, 15, 30), from: null, to: [{ email: 'rep@example.com', name: 'me' }] },
      // A well-formed id that decodes to 1970 is kept as an id, but tells no time.
      { messageId: '0000000000000001', sentAt: null, from: { email: 'anna@acme.io', name: 'Anna Schmidt' }, to: [] },
    ]);
    expect(misses).toEqual([
      { what: GMAIL_MISS.messageWithoutId, detail: undefined },
      { what: GMAIL_MISS.unrecognisedId, detail: 'zzzz' },
      { what: GMAIL_MISS.messageWithoutSender, detail: undefined },
      { what: GMAIL_MISS.invalidAddress, detail: 'not an address' },
      { what: GMAIL_MISS.threadWithoutMessageList, detail: undefined },
    ]);
  });

  it('anchors the card by the subject when there is no list of expanded messages', () => {
    const doc = loadFixture('malformed.html');
    const thread = gmailAdapter.openThread(doc, missRecorder().miss);
    expect(thread?.cardAnchor).toBe(doc.querySelector(THREAD_HEADING)?.parentElement);
  });

  it('returns empty results, without throwing or reporting, for a page that is not Gmail yet', () => {
    const { miss, misses } = missRecorder();
    const blank = new DOMParser().parseFromString('<!DOCTYPE html><title></title><p>Loading…</p>', 'text/html');
    expect(gmailAdapter.observationRoot(blank)).toBeNull();
    expect(gmailAdapter.mailbox(blank)).toBeNull();
    expect(gmailAdapter.rows(blank, miss)).toEqual([]);
    expect(gmailAdapter.openThread(blank, miss)).toBeNull();
    expect(misses).toEqual([]);
  });
});
