// @vitest-environment happy-dom
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GMAIL_MISS } from '../../../../src/content/webmail/gmail/misses';
import { EXPANDED_MESSAGE, LEGACY_THREAD_ID_ATTR, MESSAGE, THREAD_HEADING, THREAD_PERM_ID_ATTR } from '../../../../src/content/webmail/gmail/selectors';
import { openThread } from '../../../../src/content/webmail/gmail/thread';
import { FIXTURE_NOW, ignoreMisses, loadFixture, missRecorder } from './helpers';

beforeAll(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(FIXTURE_NOW);
});
afterAll(() => vi.useRealTimers());

const ANNA = { email: 'anna@acme.io', name: 'Anna Schmidt' };
const REP = { email: 'rep@example.com', name: 'Rep Rivera' };
const ME = { email: 'rep@example.com', name: 'me' };
const BEN = { email: 'ben@globex.com', name: 'Ben Ortiz' };

describe('Gmail open thread (thread.html)', () => {
  it('reads the thread id and subject from h2.hP', () => {
    const thread = openThread(loadFixture('thread.html'), ignoreMisses);
    expect(thread?.threadId).toBe('1a1c4af86800be69');
    expect(thread?.subject).toBe('Pricing for Q3 — call with anna@acme.io');
  });

  it('reads every message: ids, time sent, sender and recipients once each', () => {
    const { miss, misses } = missRecorder();
    const thread = openThread(loadFixture('thread.html'), miss);
    expect(thread?.messages.map(({ messageId, sentAt, from, to }) => ({ messageId, sentAt, from, to }))).toEqual([
      { messageId: '1a1c4af86800be69', sentAt: Date.UTC(2026, 10, 10, 9, 0), from: ANNA, to: [ME] },
      { messageId: '1a1cb3af0c021384', sentAt: Date.UTC(2026, 10, 11, 15, 30), from: REP, to: [ANNA, BEN] },
      { messageId: '1a1ceee82e09b44c', sentAt: Date.UTC(2026, 10, 12, 8, 45), from: ANNA, to: [ME, BEN] },
      { messageId: null, sentAt: null, from: REP, to: [ANNA] },
    ]);
    expect(misses).toEqual([]);
  });

  it('returns a just-sent reply ("#msg-a:" id, no legacy id) with messageId null, without a miss', () => {
    const doc = loadFixture('thread.html');
    const thread = openThread(doc, ignoreMisses);
    const justSent = thread?.messages[3];
    expect(justSent?.messageId).toBeNull();
    expect(justSent?.element).toBe(doc.querySelectorAll(MESSAGE)[3]);
  });

  it('anchors the card on the list of expanded messages, above all of them', () => {
    const doc = loadFixture('thread.html');
    const thread = openThread(doc, ignoreMisses);
    const containers = Array.from(doc.querySelectorAll(EXPANDED_MESSAGE));
    expect(containers).toHaveLength(4);
    expect(containers.every((container) => container.parentElement === thread?.cardAnchor)).toBe(true);
  });

  it('falls back to the perm id when the legacy id is missing, and ignores a perm id of "undefined"', () => {
    const doc = loadFixture('thread.html');
    const heading = doc.querySelector(THREAD_HEADING)!;
    heading.removeAttribute(LEGACY_THREAD_ID_ATTR);
    expect(openThread(doc, ignoreMisses)?.threadId).toBe('1a1c4af86800be69');

    const { miss, misses } = missRecorder();
    heading.setAttribute(THREAD_PERM_ID_ATTR, 'undefined');
    expect(openThread(doc, miss)).toBeNull();
    expect(misses).toEqual([{ what: GMAIL_MISS.threadWithoutId, detail: undefined }]);
  });

  it('reports no thread, and no miss, on a list view', () => {
    const { miss, misses } = missRecorder();
    expect(openThread(loadFixture('inbox.html'), miss)).toBeNull();
    expect(misses).toEqual([]);
  });
});
