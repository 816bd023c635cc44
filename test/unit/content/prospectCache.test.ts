import { describe, expect, it } from 'vitest';
import { ProspectCache } from '../../../src/content/prospectCache';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Prospect } from '../../../src/domain/types';
import type { LookupRequest, LookupResponse } from '../../../src/messaging/protocol';
import { DAY, NOW, REP, storedProspect } from './prospects';

/** A lookup over a fixed set of prospects, answering as the background does (by thread id or address). */
function lookupOver(prospects: () => readonly Prospect[], asked: LookupRequest[] = []) {
  return async (request: LookupRequest): Promise<LookupResponse> => {
    asked.push(request);
    const hit = (p: Prospect) => p.threadIds.some((id) => request.threadIds.includes(id)) || request.emails.includes(p.email);
    return { prospects: prospects().filter(hit), settings: DEFAULT_SETTINGS };
  };
}

/** Six unanswered follow-ups, a week apart: the stop rule asks for a decision. */
const unanswered = Array.from({ length: 6 }, (_, i) => [NOW - (40 - 7 * i) * DAY, 'outbound'] as [number, 'outbound']);

describe('the chip of a thread: its most urgent tracked person', () => {
  // A deal thread linked to the champion, who went Lost, while the buyer (a row participant)
  // has a decision due: the rep must see the buyer.
  const lost = storedProspect('lost', 'lost', ['t1']);
  const buyer = storedProspect('buyer', 'contacted', [], unanswered);

  it('prefers a participant with something due over a thread-linked person who is never due', async () => {
    expect([lost.dueAt, buyer.dueKind]).toEqual([undefined, 'decision']); // the scenario holds
    const cache = new ProspectCache(lookupOver(() => [lost, buyer]));
    await cache.load(REP, ['t1'], [buyer.email]);
    expect(cache.find('t1', [buyer.email])?.id).toBe('buyer');
    expect(cache.tracked('t1', [buyer.email]).map((p) => p.id).sort()).toEqual(['buyer', 'lost']);
  });

  it('between two people due, shows the one due first, whether linked or by address', async () => {
    const later = { ...storedProspect('later', 'contacted', ['t2']), dueAt: NOW + 3 * DAY };
    const sooner = { ...storedProspect('sooner', 'contacted'), dueAt: NOW - DAY };
    const cache = new ProspectCache(lookupOver(() => [later, sooner]));
    await cache.load(REP, ['t2'], [sooner.email, later.email]);
    expect(cache.find('t2', [sooner.email, later.email])?.id).toBe('sooner');
    expect(cache.find('t2', [])?.id).toBe('later');
    expect(cache.find(null, [later.email])?.id).toBe('later');
  });
});

describe('a lookup in flight when the store changes', () => {
  it('is not kept: the keys are asked again and the fresh answer fills the cache', async () => {
    const before = storedProspect('ann', 'contacted', ['t1']);
    const after = { ...before, stageId: 'lost', updatedAt: before.updatedAt + 1 };
    let stored: Prospect = before;
    const pending: (() => void)[] = [];
    const asked: LookupRequest[] = [];
    const answer = lookupOver(() => [stored], asked);
    // The first answer is read from the store before the change and delivered after it.
    const cache = new ProspectCache(async (request) => {
      const reply = await answer(request);
      if (asked.length === 1) await new Promise<void>((resolve) => pending.push(resolve));
      return reply;
    });
    const loading = cache.load(REP, ['t1'], []);
    await expect.poll(() => pending.length).toBe(1);
    stored = after;
    cache.clear(); // the change event
    pending[0]!();
    await loading;
    expect(asked).toHaveLength(2);
    expect(cache.find('t1', [])?.stageId).toBe('lost');
  });
});

describe('over a long Gmail day', () => {
  it('keeps at most its limit of keys between batches, and always every key of the current batch', async () => {
    const asked: LookupRequest[] = [];
    const people = Array.from({ length: 300 }, (_, i) => storedProspect(`p${i}`, 'contacted', [`t${i}`]));
    const cache = new ProspectCache(lookupOver(() => people, asked), 50);
    for (let page = 0; page < 10; page += 1) {
      const batch = people.slice(page * 30, page * 30 + 30);
      await cache.load(REP, batch.map((p) => p.threadIds[0]!), batch.map((p) => p.email));
      for (const p of batch) expect(cache.find(p.threadIds[0]!, [p.email])?.id).toBe(p.id);
      expect(cache.size).toBeLessThanOrEqual(2 * 50);
    }
    // The first page was dropped long ago: seeing it again asks again, and answers right.
    const first = people[0]!;
    const before = asked.length;
    await cache.load(REP, [first.threadIds[0]!], [first.email]);
    expect(asked.length).toBe(before + 1);
    expect(cache.find(first.threadIds[0]!, [])?.id).toBe(first.id);
  });
});
