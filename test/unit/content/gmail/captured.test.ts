// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../../src/content/webmail/gmail';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { FIXTURE_DIR, missRecorder } from './helpers';

/**
 * The adapter on markup captured from real Gmail (test/fixtures/gmail/SOURCES.md), not written
 * for this project: an inbox page of December 2014, before Gmail put thread ids on its rows.
 */
const CAPTURED_INBOX = join(FIXTURE_DIR, 'captured/inboxsdk-2014-inbox.html');

function capturedInbox(): Document {
  return new DOMParser().parseFromString(readFileSync(CAPTURED_INBOX, 'utf8'), 'text/html');
}

/** The sender of each of the page's 16 rows, top to bottom, as the captured page shows them. */
const SENDERS = [
  'streak.web.test.1@gmail.com',
  'streak.web.test.1@gmail.com',
  'news@twilio.com',
  'news@twilio.com',
  'news@twilio.com',
  'no-reply@accounts.google.com',
  'news@twilio.com',
  'no-reply@accounts.google.com',
  'no-reply@accounts.google.com',
  'noreply-94292212@plus.google.com',
  'news@twilio.com',
  'noreply-94292212@plus.google.com',
  'help@twilio.com',
  'notifications@mailfoogae.appspotmail.com',
  'cowan@streak.com',
  'cowan@streak.com',
];

describe('Gmail list rows on a captured 2014 inbox (rows without thread-id attributes)', () => {
  const doc = capturedInbox();
  const { miss, misses } = missRecorder();
  const rows = gmailAdapter.rows(gmailAdapter.observationRoot(doc) ?? doc, miss);

  it('finds the main pane and every thread row, each with its sender, so chips can go by address', () => {
    expect(gmailAdapter.observationRoot(doc)).not.toBeNull();
    expect(rows.map((row) => row.people.map((person) => person.email))).toEqual(SENDERS.map((sender) => [sender]));
    expect(rows[2]?.people[0]?.name).toBe('Team Twilio');
  });

  it('gives no row a thread id, and says so as a miss instead of failing', () => {
    expect(rows.every((row) => row.threadId === null)).toBe(true);
    expect(misses.map((m) => m.what)).toContain(GMAIL_MISS.rowWithoutThreadId);
  });

  it('puts each chip anchor inside its own row, in the subject cell', () => {
    for (const row of rows) {
      expect(row.element.contains(row.chipAnchor)).toBe(true);
      expect(row.chipAnchor.classList.contains('y6')).toBe(true);
    }
  });

  it('reports the subject missing (the 2014 subject span has no class of its own): the row still counts', () => {
    expect(rows.every((row) => row.subject === '')).toBe(true);
    expect(misses.map((m) => m.what)).toContain(GMAIL_MISS.rowWithoutSubject);
  });

  it('sees no open thread on a list page, and reports no id it cannot read', () => {
    expect(gmailAdapter.openThread(doc, miss)).toBeNull();
    expect(misses.map((m) => m.what)).not.toContain(GMAIL_MISS.unrecognisedId);
    expect(misses.map((m) => m.what)).not.toContain(GMAIL_MISS.invalidAddress);
  });
});

describe('markup that matches nothing', () => {
  it('yields no rows and no thread, only misses, and throws nothing', () => {
    const doc = new DOMParser().parseFromString('<div role="main"><table><tr class="zA"><td>no people, no ids</td></tr></table></div>', 'text/html');
    const { miss, misses } = missRecorder();
    expect(gmailAdapter.rows(doc, miss)).toEqual([]);
    expect(gmailAdapter.openThread(doc, miss)).toBeNull();
    expect(misses.map((m) => m.what)).toEqual([GMAIL_MISS.rowWithoutIds]);
  });
});
