// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { gmailAdapter } from '../../../../src/content/webmail/gmail';
import { FIXTURE_NOW, loadFixture, missRecorder, type FixtureName } from './helpers';

/**
 * Gmail in Russian or Thai has the same hooks as in English and different words everywhere else
 * (visible text, aria-label, data-tooltip, title, dates). Everything the adapter derives from hooks
 * — ids, addresses, times, misses — must come out identical; names and subjects are the page's
 * words and come out in its language.
 */

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FIXTURE_NOW);
});
afterAll(() => vi.useRealTimers());

/** What the adapter reads from a page, without the words a person wrote or a locale chose. */
function hookFacts(name: FixtureName) {
  const doc = loadFixture(name);
  const { miss, misses } = missRecorder();
  const thread = gmailAdapter.openThread(doc, miss);
  return {
    mailbox: gmailAdapter.mailbox(doc),
    rows: gmailAdapter.rows(doc, miss).map((row) => ({ threadId: row.threadId, emails: row.people.map((p) => p.email) })),
    thread: thread && {
      threadId: thread.threadId,
      messages: thread.messages.map((m) => ({ id: m.messageId, sentAt: m.sentAt, from: m.from?.email, to: m.to.map((p) => p.email) })),
    },
    misses: misses.map((m) => m.what),
  };
}

describe('Gmail in other languages', () => {
  it('reads the Russian inbox exactly as the English one', () => {
    const english = hookFacts('inbox.html');
    expect(english.rows).toHaveLength(7);
    expect(hookFacts('inbox-ru.html')).toEqual(english);
  });

  it('reads the Thai thread exactly as the English one', () => {
    const english = hookFacts('thread.html');
    expect(english.thread?.messages).toHaveLength(4);
    expect(hookFacts('thread-th.html')).toEqual(english);
  });

  it('returns names and subjects in the page language, as text', () => {
    const ru = gmailAdapter.rows(loadFixture('inbox-ru.html'), missRecorder().miss);
    expect(ru[0]).toMatchObject({ subject: 'Цены на третий квартал', people: [{ email: 'anna@acme.io', name: 'Анна Шмидт' }] });
    expect(ru[3]?.subject).toBe('<img src=x onerror=alert(1)> Счёт <b>просрочен</b>');
    const th = gmailAdapter.openThread(loadFixture('thread-th.html'), missRecorder().miss);
    expect(th?.subject).toBe('ราคาไตรมาส 3 — นัดโทรกับanna@acme.io');
    expect(th?.messages[0]?.from).toEqual({ email: 'anna@acme.io', name: 'อันนา ชมิดท์' });
  });
});
