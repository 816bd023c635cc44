import { describe, expect, it } from 'vitest';
import { ProspectCache, REREAD_BY_ID_LIMIT, type CacheQuestions } from '../../../src/content/prospectCache';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Prospect } from '../../../src/domain/types';
import type { LookupRequest, LookupResponse } from '../../../src/messaging/protocol';
import { DAY, NOW, REP, storedProspect } from './prospects';

/** A lookup over a fixed set of prospects, answering as the background does (by thread id, address or id). */
function lookupOver(prospects: () => readonly Prospect[], asked: LookupRequest[] = []) {
  return async (request: LookupRequest): Promise<LookupResponse> => {
    asked.push(request);
    const hit = (p: Prospect) => p.threadIds.some((id) => request.threadIds.includes(id)) || request.emails.includes(p.email) || Boolean(request.prospectIds?.includes(p.id));
    return { prospects: prospects().filter(hit), settings: DEFAULT_SETTINGS };
  };
}

/** A tab that never gets its mailbox held (as with a mailbox over the limit): keys are looked up. */
function lookedUp(lookup: CacheQuestions['lookup']): CacheQuestions {
  return { lookup, mailbox: async () => ({ prospects: [], settings: DEFAULT_SETTINGS, complete: false }) };
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
    const cache = new ProspectCache(lookedUp(lookupOver(() => [lost, buyer])));
    await cache.load(REP, ['t1'], [buyer.email]);
    expect(cache.find('t1', [buyer.email])?.id).toBe('buyer');
    expect(cache.tracked('t1', [buyer.email]).map((p) => p.id).sort()).toEqual(['buyer', 'lost']);
  });

  it('between two people due, shows the one due first, whether linked or by address', async () => {
    const later = { ...storedProspect('later', 'contacted', ['t2']), dueAt: NOW + 3 * DAY };
    const sooner = { ...storedProspect('sooner', 'contacted'), dueAt: NOW - DAY };
    const cache = new ProspectCache(lookedUp(lookupOver(() => [later, sooner])));
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
    const cache = new ProspectCache(
      lookedUp(async (request) => {
        const reply = await answer(request);
        if (asked.length === 1) await new Promise<void>((resolve) => pending.push(resolve));
        return reply;
      }),
    );
    const loading = cache.load(REP, ['t1'], []);
    await expect.poll(() => pending.length).toBe(1);
    stored = after;
    cache.changed([before.id]); // the change event
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
    const cache = new ProspectCache(lookedUp(lookupOver(() => people, asked)), 50);
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

/**
 * A background holding `stored()` (all of the rep's mailbox), counting what the tab asks. Its
 * answers are written from the rule (every prospect of the mailbox, or those asked by key or id),
 * not from the cache.
 */
function background(stored: () => readonly Prospect[], complete = true) {
  const lookups: LookupRequest[] = [];
  const holds: string[] = [];
  const questions: CacheQuestions = {
    lookup: lookupOver(stored, lookups),
    mailbox: async (mailbox) => {
      holds.push(mailbox);
      return { prospects: complete ? [...stored()] : [], settings: DEFAULT_SETTINGS, complete };
    },
  };
  return { questions, lookups, holds };
}

describe('a tab holding its mailbox', () => {
  const ann = storedProspect('ann', 'contacted', ['t-ann']);
  const bob = storedProspect('bob', 'proposal', ['t-bob']);

  it('answers any list without asking: tracked rows by thread or address, everyone else untracked', async () => {
    const { questions, lookups, holds } = background(() => [ann, bob]);
    const cache = new ProspectCache(questions);
    await cache.hold(REP);
    await cache.load(REP, ['t-ann', 't-new'], ['bob@deal.test', 'stranger@else.test']);
    expect(lookups).toEqual([]);
    expect(holds).toEqual([REP]);
    expect(cache.find('t-ann', [])?.id).toBe('ann');
    expect(cache.find(null, ['bob@deal.test'])?.id).toBe('bob');
    expect(cache.find('t-new', ['stranger@else.test'])).toBeNull();
    expect(cache.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('a load started before the answer waits for it instead of asking key by key', async () => {
    const { questions, lookups } = background(() => [ann]);
    const cache = new ProspectCache(questions);
    void cache.hold(REP);
    await cache.load(REP, ['t-ann'], []);
    expect(lookups).toEqual([]);
    expect(cache.find('t-ann', [])?.id).toBe('ann');
  });

  it('over the limit, the background says so and rows are looked up as before', async () => {
    const { questions, lookups } = background(() => [ann, bob], false);
    const cache = new ProspectCache(questions);
    await cache.hold(REP);
    await cache.load(REP, ['t-ann'], ['stranger@else.test']);
    expect(lookups).toEqual([{ mailbox: REP, threadIds: ['t-ann'], emails: ['stranger@else.test'] }]);
    expect(cache.find('t-ann', [])?.id).toBe('ann');
  });

  it('on a change, re-reads only the prospects named: an edit shows, a delete leaves, the rest stay held', async () => {
    let stored: Prospect[] = [ann, bob];
    const { questions, lookups, holds } = background(() => stored);
    const cache = new ProspectCache(questions);
    await cache.hold(REP);
    const annWon = { ...ann, stageId: 'won', updatedAt: ann.updatedAt + 1 };
    stored = [annWon];
    await cache.changed(['ann', 'bob']);
    await cache.load(REP, ['t-ann', 't-bob'], ['bob@deal.test']);
    expect(lookups).toEqual([{ mailbox: REP, threadIds: [], emails: [], prospectIds: ['ann', 'bob'] }]);
    expect(holds).toEqual([REP]);
    expect(cache.find('t-ann', [])?.stageId).toBe('won');
    expect(cache.find('t-bob', ['bob@deal.test'])).toBeNull();
  });

  it('a prospect created elsewhere is picked up by its id, under its address and threads', async () => {
    let stored: Prospect[] = [ann];
    const { questions } = background(() => stored);
    const cache = new ProspectCache(questions);
    await cache.hold(REP);
    stored = [ann, bob];
    await cache.changed(['bob']);
    expect(cache.find('t-bob', [])?.id).toBe('bob');
    expect(cache.find(null, ['bob@deal.test'])?.id).toBe('bob');
  });

  it(`more than ${REREAD_BY_ID_LIMIT} prospects changed at once (an import): the mailbox is held again in one question`, async () => {
    const many = Array.from({ length: REREAD_BY_ID_LIMIT + 1 }, (_, i) => storedProspect(`p${i}`, 'contacted', [`t${i}`]));
    let stored: Prospect[] = [];
    const { questions, lookups, holds } = background(() => stored);
    const cache = new ProspectCache(questions);
    await cache.hold(REP);
    stored = many;
    await cache.changed(many.map((p) => p.id));
    await cache.load(REP, ['t0'], []);
    expect(lookups).toEqual([]);
    expect(holds).toEqual([REP, REP]);
    expect(cache.find(`t${REREAD_BY_ID_LIMIT}`, [])?.id).toBe(`p${REREAD_BY_ID_LIMIT}`);
  });

  it('re-reads apply in the order of the changes: a later one is asked only once the earlier one is applied', async () => {
    let stored: Prospect[] = [ann];
    const lookups: LookupRequest[] = [];
    const answer = lookupOver(() => stored, lookups);
    const released: (() => void)[] = [];
    const cache = new ProspectCache({
      // Each re-read's answer is read at the time it is asked, and delivered when released.
      lookup: async (request) => {
        const reply = await answer(request);
        await new Promise<void>((resolve) => released.push(resolve));
        return reply;
      },
      mailbox: async () => ({ prospects: [...stored], settings: DEFAULT_SETTINGS, complete: true }),
    });
    await cache.hold(REP);
    stored = [{ ...ann, stageId: 'proposal', updatedAt: ann.updatedAt + 1 }];
    const first = cache.changed(['ann']);
    await expect.poll(() => released.length).toBe(1);
    stored = [{ ...ann, stageId: 'won', updatedAt: ann.updatedAt + 2 }];
    const second = cache.changed(['ann']);
    // The second re-read is not asked while the first is unanswered: it cannot overtake it.
    await Promise.resolve();
    expect(lookups).toHaveLength(1);
    released[0]!();
    await first;
    // Meanwhile the tab answers at once with what it knew: lists are not held up by a re-read.
    await cache.load(REP, ['t-ann'], []);
    expect(cache.find('t-ann', [])?.stageId).toBe('proposal');
    await expect.poll(() => released.length).toBe(2);
    released[1]!();
    await second;
    expect(cache.find('t-ann', [])?.stageId).toBe('won');
  });

  it('a hold answered after a change it missed is asked again', async () => {
    let stored: Prospect[] = [ann];
    const holds: string[] = [];
    const gate: (() => void)[] = [];
    const cache = new ProspectCache({
      lookup: lookupOver(() => stored),
      mailbox: async (mailbox) => {
        holds.push(mailbox);
        const reply = { prospects: [...stored], settings: DEFAULT_SETTINGS, complete: true };
        if (holds.length === 1) await new Promise<void>((resolve) => gate.push(resolve));
        return reply;
      },
    });
    const holding = cache.hold(REP);
    await expect.poll(() => gate.length).toBe(1);
    stored = [{ ...ann, stageId: 'lost', updatedAt: ann.updatedAt + 1 }];
    cache.changed(['ann']);
    gate[0]!();
    await holding;
    await cache.load(REP, ['t-ann'], []);
    expect(holds).toEqual([REP, REP]);
    expect(cache.find('t-ann', [])?.stageId).toBe('lost');
  });

  it('a failed hold leaves the tab looking rows up, and the rows still get their prospects', async () => {
    const lookups: LookupRequest[] = [];
    const cache = new ProspectCache({
      lookup: lookupOver(() => [ann], lookups),
      mailbox: async () => {
        throw new Error('the background could not read the store');
      },
    });
    await cache.hold(REP);
    await cache.load(REP, ['t-ann'], []);
    expect(lookups).toHaveLength(1);
    expect(cache.find('t-ann', [])?.id).toBe('ann');
  });
});
