// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ProspectCache } from '../../../src/content/prospectCache';
import { Session } from '../../../src/content/session';
import type { OpenThread, WebmailAdapter } from '../../../src/content/webmail/types';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Prospect } from '../../../src/domain/types';
import type { LookupRequest } from '../../../src/messaging/protocol';
import { DAY, NOW, REP, storedProspect } from './prospects';

const sent = vi.hoisted(() => [] as { name: string; payload: Record<string, unknown> }[]);
vi.mock('../../../src/platform/i18n', () => ({ t: (key: string) => key, uiLanguage: () => 'en' }));
vi.mock('../../../src/platform/messages', () => ({
  send: async (name: string, payload: Record<string, unknown>) => {
    sent.push({ name, payload });
    if (name === 'prospect.linkThread') return { ...people.get(payload.id as string)!, threadIds: [(payload.thread as { threadId: string }).threadId] };
    if (name === 'touch.recent') return [];
    return {};
  },
}));

// A deal thread linked to the champion, who is Lost; the buyer, tracked by address, has a follow-up due.
const champion = storedProspect('champion', 'lost', ['t1']);
const buyer = { ...storedProspect('buyer', 'contacted'), dueAt: NOW - DAY };
const people = new Map<string, Prospect>([champion, buyer].map((p) => [p.id, p]));

function dealThread(anchor: HTMLElement): OpenThread {
  const person = (email: string) => ({ email, name: '' });
  return {
    threadId: 't1',
    subject: 'Pilot',
    cardAnchor: anchor,
    messages: [
      { element: anchor, messageId: 'm1', sentAt: NOW - 2 * DAY, from: person(REP), to: [person(champion.email), person(buyer.email)] },
      { element: anchor, messageId: 'm2', sentAt: NOW - DAY, from: person(buyer.email), to: [person(REP)] },
    ],
  };
}

describe('opening a thread with two tracked people', () => {
  it('links every tracked participant, logs each message for each of them, and shows the most urgent', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    const anchor = document.createElement('div');
    document.body.append(anchor);
    const thread = dealThread(anchor);
    const adapter = { name: 'test', mailbox: () => REP, rows: () => [], openThread: () => thread } as unknown as WebmailAdapter;
    // The tab holds its mailbox: every person of the store (all are the rep's).
    const cache = new ProspectCache({
      lookup: async (request: LookupRequest) => ({
        prospects: [...people.values()].filter((p) => p.threadIds.some((id) => request.threadIds.includes(id)) || request.emails.includes(p.email)),
        settings: DEFAULT_SETTINGS,
      }),
      mailbox: async () => ({ prospects: [...people.values()], settings: DEFAULT_SETTINGS, complete: true }),
    });
    await new Session(adapter, cache, () => undefined).pass(document, document);
    vi.useRealTimers();

    const of = (name: string) => sent.filter((m) => m.name === name).map((m) => m.payload);
    // The buyer was not linked yet: now he is. The champion already was.
    expect(of('prospect.linkThread').map((p) => p.id)).toEqual(['buyer']);
    expect(of('touch.log').map((p) => `${p.messageId} ${p.prospectId} ${p.direction}`).sort()).toEqual(['m1 buyer outbound', 'm1 champion outbound', 'm2 buyer inbound']);
    // The card is the buyer's: due beats never due.
    expect(of('touch.recent').map((p) => p.prospectId)).toEqual(['buyer']);
    expect(anchor.querySelector('[data-touchbase="card"]')).not.toBeNull();
  });
});
