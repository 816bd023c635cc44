// @vitest-environment happy-dom
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from '../../../../src/content/webmail/gmail';
import { gmailSendHooks } from '../../../../src/content/webmail/gmail/sends';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { FIXTURE_DIR, missRecorder } from './helpers';

/**
 * The adapter on markup captured from real Gmail (test/fixtures/gmail/SOURCES.md), not written
 * for this project: an inbox page of December 2014, before Gmail put thread ids on its rows.
 */
const CAPTURED_INBOX = join(FIXTURE_DIR, 'captured/inboxsdk-2014-inbox.html');
const CAPTURED_ROWS = join(FIXTURE_DIR, 'captured/inboxsdk-2014-thread-rows.html');
/** A new-message window of real Gmail, 2020 (no recipient typed yet). */
const CAPTURED_COMPOSE = join(FIXTURE_DIR, 'captured/js-min-2020-compose.html');

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

describe('sending from a captured 2020 compose window', () => {
  const doc = new DOMParser().parseFromString(readFileSync(CAPTURED_COMPOSE, 'utf8'), 'text/html');
  // Found here by what the capture shows (its id and its tooltip), not by the adapter's hooks.
  const send = doc.getElementById(':79')!;
  const moreSendOptions = doc.querySelector('[data-tooltip="More send options"]')!;
  const body = doc.querySelector('[contenteditable="true"][role="textbox"]')!;
  const subject = doc.querySelector('input[name="subjectbox"]')!;
  const event = (type: 'click' | 'keydown', target: Element, init: KeyboardEventInit = {}) => {
    const fired = type === 'click' ? new MouseEvent('click', { bubbles: true }) : new KeyboardEvent('keydown', { bubbles: true, ...init });
    Object.defineProperty(fired, 'target', { value: target });
    return fired;
  };

  it('finds the draft around its body and its send button, where the follow-up control goes', () => {
    expect(send.getAttribute('data-tooltip')).toMatch(/^Send/); // the scenario holds
    const { miss, misses } = missRecorder();
    const found = gmailSendHooks.draftAt(body, miss);
    expect(found?.sendButton).toBe(send);
    expect(found?.draft.contains(subject)).toBe(true);
    expect(gmailSendHooks.draftAt(subject, miss)?.draft).toBe(found?.draft);
    expect(misses).toEqual([]);
  });

  it('sees a click on Send, Enter on it and Ctrl+Enter in the body as a send of that draft', () => {
    const draft = gmailSendHooks.draftAt(body, missRecorder().miss)!.draft;
    for (const fired of [event('click', send), event('keydown', send, { key: 'Enter' }), event('keydown', body, { key: 'Enter', ctrlKey: true })]) {
      expect(gmailSendHooks.sendingDraft(fired, missRecorder().miss)?.draft).toBe(draft);
    }
  });

  it('does not take the schedule-send menu, typing or Enter in the body for a send', () => {
    const { miss } = missRecorder();
    expect(gmailSendHooks.sendingDraft(event('click', moreSendOptions), miss)).toBeNull();
    expect(gmailSendHooks.sendingDraft(event('keydown', body, { key: 'Enter' }), miss)).toBeNull();
    expect(gmailSendHooks.sendingDraft(event('click', body), miss)).toBeNull();
  });

  it('names no recipient for a window where none was typed, and logs that once as a miss', () => {
    const { miss, misses } = missRecorder();
    expect(gmailSendHooks.sendingDraft(event('click', send), miss)?.recipients).toEqual([]);
    expect(misses.map((m) => m.what)).toEqual([GMAIL_MISS.draftWithoutRecipients]);
  });
});

describe('the captures themselves', () => {
  const sources = readFileSync(join(FIXTURE_DIR, 'SOURCES.md'), 'utf8');
  const rowOf = (file: string) => sources.split('\n').find((line) => line.startsWith(`| \`captured/${file}\``)) ?? '';

  it('are each listed in SOURCES.md with repository, commit and licence', () => {
    const files = readdirSync(join(FIXTURE_DIR, 'captured')).filter((file) => file.endsWith('.html'));
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) expect(rowOf(file), file).toMatch(/\| \[[\w.-]+\/[\w.-]+\]\(https:\/\/github\.com\/[\w.-]+\/[\w.-]+\) \| .+ \| `[0-9a-f]{40}`.*\| (MIT|MIT or Apache-2\.0) /);
  });

  it('taken whole are byte for byte what SOURCES.md says was published', () => {
    for (const file of ['inboxsdk-2014-inbox.html', 'js-min-2020-compose.html']) {
      const digest = createHash('sha256').update(readFileSync(join(FIXTURE_DIR, 'captured', file))).digest('hex');
      expect(rowOf(file), file).toContain(`\`${digest}\``);
    }
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

/**
 * InboxSDK's captured row literals (thread-row-parser.test.ts): one thread each, in the default
 * list and in the vertical reading pane, where a thread spans two or three `tr.zA.apv` rows and
 * only its first row has an id, a checkbox and the people.
 */
describe('Gmail list rows on captured 2014 row literals', () => {
  const doc = new DOMParser().parseFromString(readFileSync(CAPTURED_ROWS, 'utf8'), 'text/html');
  // Read as the content script reads it, from the main pane; each case is one table of it.
  const { miss, misses: recorded } = missRecorder();
  const all = gmailAdapter.rows(gmailAdapter.observationRoot(doc)!, miss);
  const misses = recorded.map((m) => m.what);
  const read = (name: string) => ({ rows: all.filter((row) => row.element.closest('table')?.getAttribute('data-case') === name), misses });

  it('reads the default list row as one thread of cowan@streak.com (shown as "me"), chip by the subject', () => {
    const { rows, misses } = read('horizontal');
    expect(rows.map((row) => row.people)).toEqual([[{ email: 'cowan@streak.com', name: 'me' }]]);
    expect(rows[0]?.element.id).toBe(':46');
    expect(rows[0]?.chipAnchor.classList.contains('y6')).toBe(true);
    expect(rows[0]?.chipAnchor.textContent).toContain('test merge again');
    expect(rows[0]?.unread).toBe(false);
    expect(misses).not.toContain(GMAIL_MISS.rowWithoutIds);
  });

  it('reads a vertical-pane thread of three rows as one thread: people from its first row, chip by the subject in its second', () => {
    const { rows, misses } = read('vertical');
    expect(rows.map((row) => row.element.id)).toEqual([':151']);
    expect(rows[0]?.people).toEqual([{ email: 'cowan@streak.com', name: 'me' }]);
    expect(rows[0]?.chipAnchor.classList.contains('y6')).toBe(true);
    expect(rows[0]?.chipAnchor.textContent).toBe('test merge again');
    expect(misses).not.toContain(GMAIL_MISS.rowWithoutIds);
  });

  it('reads a vertical-pane thread of two rows (no snippet row) as one thread of Streak Bot', () => {
    const { rows, misses } = read('vertical-no-snippet');
    expect(rows.map((row) => row.element.id)).toEqual([':3p']);
    expect(rows[0]?.people).toEqual([{ email: 'notifications@mailfoogae.appspotmail.com', name: 'Streak Bot' }]);
    expect(rows[0]?.chipAnchor.textContent).toBe('lordprogrammer finished a deploy (fed8a27)');
    expect(misses).not.toContain(GMAIL_MISS.rowWithoutIds);
  });

  it('gives these rows no thread id, no newest message and no subject hook (the 2014 subject span has no class)', () => {
    for (const name of ['horizontal', 'vertical', 'vertical-no-snippet']) {
      const { rows, misses } = read(name);
      expect(rows.map((row) => [row.threadId, row.lastMessageId, row.subject])).toEqual([[null, null, '']]);
      expect(misses).toEqual(expect.arrayContaining([GMAIL_MISS.rowWithoutThreadId, GMAIL_MISS.rowWithoutSubject]));
    }
  });
});
