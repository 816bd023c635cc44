// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { threadRows } from '../../../../src/content/webmail/gmail/rows';
import { ROW_SUBJECT_CELL, THREAD_ROW, VERTICAL_PANE_FIRST_ROW } from '../../../../src/content/webmail/gmail/selectors';
import { ignoreMisses, loadFixture, missRecorder } from './helpers';

const MARKUP_NAME = '<img src=x onerror=alert(1)> Mallory';
const MARKUP_SUBJECT = '<img src=x onerror=alert(1)> Invoice <b>overdue</b>';

describe('Gmail list rows (inbox.html)', () => {
  const doc = loadFixture('inbox.html');
  const rows = threadRows(doc, ignoreMisses);

  it('reads every thread row, read and unread, as ids, people and subject', () => {
    expect(rows.map((row) => [row.threadId, row.subject])).toEqual([
      ['1a19b8a62200bd1f', 'Pricing for Q3'],
      ['1a1a1da4a00a336b', 'Re: Pilot rollout plan'],
      ['1a1818a7fe0c9eaa', 'Intro: Hooli × Touchbase'],
      ['1a15a25f74002529', MARKUP_SUBJECT],
      [null, 'Quick question about onboarding'],
      ['1a0a4b94380d7f9b', 'Ticket #4821: SSO setup'],
      ['1a1f8710980e65da', 'Re: Contract redlines'],
    ]);
    expect(rows[0]?.people).toEqual([{ email: 'anna@acme.io', name: 'Anna Schmidt' }]);
  });

  it('lists every person of a row once, lower-cased, the first occurrence winning', () => {
    expect(rows[1]?.people).toEqual([
      { email: 'ben@globex.com', name: 'Ben Ortiz' },
      { email: 'rep@example.com', name: 'me' },
      { email: 'chloe@initech.fr', name: 'Chloé Martin' },
    ]);
  });

  it('converts a "#thread-f:<decimal>" id when the row has no legacy id', () => {
    expect(rows[2]?.threadId).toBe(BigInt('1880279954228027050').toString(16));
  });

  it('tells unread rows (tr.zE) and, on those only, the newest message: its id and the time its id encodes', () => {
    expect(rows.map((row) => row.unread)).toEqual([true, false, false, true, false, false, false]);
    expect(rows.map((row) => row.lastMessageId)).toEqual(['1a19b8a62200bd1f', null, null, '1a15a25f74002529', null, null, null]);
    // A Gmail id is epoch milliseconds shifted left by 20 bits (a sequence number below them).
    expect(rows[0]?.lastMessageAt).toBe(Number(0x1a19b8a62200bd1fn / 2n ** 20n));
    expect(new Date(rows[0]!.lastMessageAt!).getUTCFullYear()).toBe(2026);
    expect(rows[2]?.lastMessageAt).toBeNull();
  });

  it('hands back the row element and a chip anchor next to the subject, inside the row', () => {
    for (const row of rows) {
      expect(row.element.matches(THREAD_ROW)).toBe(true);
      expect(row.chipAnchor.matches(ROW_SUBJECT_CELL)).toBe(true);
      expect(row.element.contains(row.chipAnchor)).toBe(true);
    }
  });

  it('keeps markup in names and subjects as text: nothing in the page becomes an element', () => {
    expect(rows[3]?.people).toEqual([{ email: 'mallory@evil.example', name: MARKUP_NAME }]);
    expect(rows[3]?.subject).toBe(MARKUP_SUBJECT);
    expect(doc.querySelector('[onerror], script, b')).toBeNull();
  });

  it('skips a row with neither ids nor people and reports it; keeps a row with people but no ids', () => {
    const { miss, misses } = missRecorder();
    threadRows(doc, miss);
    expect(misses).toEqual([
      { what: GMAIL_MISS.rowWithoutIds, detail: undefined },
      { what: GMAIL_MISS.rowWithoutThreadId, detail: undefined },
      { what: GMAIL_MISS.invalidAddress, detail: 'not-an-address' },
    ]);
    expect(doc.querySelectorAll(THREAD_ROW)).toHaveLength(8);
    expect(rows[4]?.people).toEqual([{ email: 'dana@umbrella.co', name: 'Dana Whitfield' }]);
  });

  it('drops an invalid address but keeps the valid people of the same row', () => {
    expect(rows[5]?.people).toEqual([{ email: 'evan@hooli.com', name: 'Evan Park' }]);
  });

  it('reads a single row handed over as the root, as a MutationObserver batch may', () => {
    const first = doc.querySelector<HTMLElement>(THREAD_ROW);
    expect(first).not.toBeNull();
    expect(threadRows(first!, ignoreMisses).map((row) => row.threadId)).toEqual(['1a19b8a62200bd1f']);
  });

  it('finds nothing outside the list, without a miss', () => {
    const { miss, misses } = missRecorder();
    expect(threadRows(loadFixture('compose.html'), miss)).toEqual([]);
    expect(misses).toEqual([]);
  });
});

describe('Gmail list rows in the vertical reading pane (inbox-vertical.html)', () => {
  const doc = loadFixture('inbox-vertical.html');
  const { miss, misses } = missRecorder();
  const rows = threadRows(doc, miss);

  it('reads one thread per tr.zA.apv, gathering ids, people and subject from its 2–3 rows', () => {
    expect(rows.map((row) => ({ id: row.threadId, subject: row.subject, emails: row.people.map((p) => p.email) }))).toEqual([
      { id: '1a1ee87320004dc4', subject: 'Demo follow-up', emails: ['grace@wayne.co'] },
      { id: '1a1e960d6005929f', subject: 'Renewal terms', emails: ['hank@soylent.com', 'rep@example.com'] },
      { id: '1a1e43a7a0028f44', subject: 'Security questionnaire', emails: ['ivy@cyberdyne.io'] },
    ]);
    expect(misses).toEqual([]);
  });

  it('hands back the first row of each thread, and the subject cell from a following row', () => {
    for (const row of rows) {
      expect(row.element.matches(VERTICAL_PANE_FIRST_ROW)).toBe(true);
      expect(row.chipAnchor.matches(ROW_SUBJECT_CELL)).toBe(true);
      expect(row.element.contains(row.chipAnchor)).toBe(false);
      expect(row.element.nextElementSibling?.contains(row.chipAnchor)).toBe(true);
    }
  });
});
