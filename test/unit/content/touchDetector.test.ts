import { describe, expect, it } from 'vitest';
import { TouchDetector } from '../../../src/content/touchDetector';
import type { OpenThread, ThreadMessage } from '../../../src/content/webmail/types';
import { NOW, REP, storedProspect } from './prospects';

const ann = storedProspect('ann', 'contacted', ['t1']);
const bo = storedProspect('bo', 'proposal');
const person = (email: string) => ({ email, name: '' });

function message(messageId: string, from: string, to: string[], sentAt: number): ThreadMessage {
  return { element: {} as HTMLElement, messageId, sentAt, from: person(from), to: to.map(person) };
}

function thread(...messages: ThreadMessage[]): OpenThread {
  return { threadId: 't1', subject: 'Pilot', messages, cardAnchor: {} as HTMLElement };
}

const pairs = (requests: { messageId?: string; prospectId: string; direction: string }[]) => requests.map((r) => `${r.messageId} ${r.prospectId} ${r.direction}`);

describe('touches found in an open thread', () => {
  const deal = thread(
    message('m1', REP, [ann.email, bo.email], NOW - 3_000), // the rep to both (to and cc)
    message('m2', bo.email, [REP, ann.email], NOW - 2_000), // Bo replies to all
    message('m3', REP, [ann.email], NOW - 1_000), // the rep to Ann only
    message('m4', 'colleague@other.test', [REP], NOW - 500), // nobody tracked wrote or was written to
  );

  it('logs each message for every tracked person it was from or to', () => {
    const requests = new TouchDetector().detect(deal, [ann, bo], REP, NOW);
    expect(pairs(requests).sort()).toEqual(['m1 ann outbound', 'm1 bo outbound', 'm2 bo inbound', 'm3 ann outbound']);
    expect(requests.every((r) => r.threadId === 't1' && r.source === 'gmail' && r.channel === 'email')).toBe(true);
  });

  it('sends each (message, person) pair once per page, and again after a failed send', () => {
    const detector = new TouchDetector();
    const first = detector.detect(deal, [ann], REP, NOW);
    expect(detector.detect(deal, [ann], REP, NOW)).toEqual([]);
    // Bo tracked later: his pairs are new, Ann's are not sent again.
    expect(pairs(detector.detect(deal, [ann, bo], REP, NOW)).sort()).toEqual(['m1 bo outbound', 'm2 bo inbound']);
    detector.forget(first[0]!);
    expect(pairs(detector.detect(deal, [ann, bo], REP, NOW))).toEqual(['m1 ann outbound']);
  });
});
