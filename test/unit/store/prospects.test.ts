import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { StoreError } from '../../../src/store/errors';
import { createProspect, decideProspect, linkThread, updateProspect } from '../../../src/store/prospects';
import { dueWindowHead, lookupProspects, mailboxProspects, prospectsDueBy } from '../../../src/store/queries';
import { writeSettings } from '../../../src/store/settingsWrites';
import { DAY, NOW, freshDB } from './helpers';

const base = { email: 'ana@acme.test', mailbox: 'rep@example.com', name: 'Ana', company: 'Acme' };

describe('prospects in the store', () => {
  it('creates a prospect with defaults and a dueAt from the rules', async () => {
    const db = await freshDB();
    const p = await createProspect(db, base, NOW);
    expect(p).toMatchObject({ stageId: 'new', touchCount: 0, ballWith: null, dueKind: 'followUp', threadIds: [] });
    expect(p.dueAt).toBe(new Date(2026, 10, 25, 9).getTime());
    expect(await db.get('prospects', p.id)).toEqual(p);
  });

  it('refuses a duplicate address in the same mailbox and allows it in another', async () => {
    const db = await freshDB();
    await createProspect(db, base, NOW);
    await expect(createProspect(db, base, NOW)).rejects.toThrow(/ana@acme.test is already tracked as Ana/);
    await expect(createProspect(db, { ...base, mailbox: '' }, NOW)).rejects.toBeInstanceOf(StoreError);
    await expect(createProspect(db, { ...base, mailbox: 'other@example.com' }, NOW)).resolves.toMatchObject({ mailbox: 'other@example.com' });
  });

  it('refuses an unknown stage and writes nothing', async () => {
    const db = await freshDB();
    await expect(createProspect(db, { ...base, stageId: 'bogus' }, NOW)).rejects.toThrow('stage "bogus" does not exist');
    expect(await db.count('prospects')).toBe(0);
  });

  it('re-derives dueAt when the stage changes, and restarts the stage clock', async () => {
    const db = await freshDB();
    const p = await createProspect(db, base, NOW);
    const won = await updateProspect(db, p.id, { stageId: 'won' }, NOW + DAY);
    expect(won.stageEnteredAt).toBe(NOW + DAY);
    expect(won.dueAt).toBe(new Date(2027, 1, 22, 9).getTime()); // 90 days after creation
    expect(won.reachedStages).toEqual(['new', 'won']);
    const lost = await updateProspect(db, p.id, { stageId: 'lost' }, NOW + 2 * DAY);
    expect(lost.reachedStages).toEqual(['new', 'won', 'lost']);
    expect(lost.dueAt).toBeUndefined();
    expect(await db.countFromIndex('prospects', 'byDueAt')).toBe(0);
  });

  it('moves a stop-rule decision to the stage with that meaning', async () => {
    const db = await freshDB();
    const p = await createProspect(db, { ...base, snoozedUntil: NOW + DAY }, NOW);
    expect((await decideProspect(db, p.id, 'nurture', NOW)).stageId).toBe('nurture');
    expect((await decideProspect(db, p.id, 'lost', NOW)).stageId).toBe('lost');
    await expect(decideProspect(db, 'missing', 'lost', NOW)).rejects.toThrow('does not exist');
  });

  it('links threads once and finds the prospect by thread id or address, within its mailbox', async () => {
    const db = await freshDB();
    const p = await createProspect(db, base, NOW);
    const thread = { threadId: '18c2f0a1b2c3d4e5', mailbox: 'rep@example.com', subject: 'Pricing' };
    await linkThread(db, p.id, thread, NOW);
    const linked = await linkThread(db, p.id, thread, NOW);
    expect(linked.threadIds).toEqual(['18c2f0a1b2c3d4e5']);

    const byThread = await lookupProspects(db, { mailbox: 'rep@example.com', threadIds: ['18c2f0a1b2c3d4e5'], emails: [] });
    const byEmail = await lookupProspects(db, { mailbox: 'rep@example.com', threadIds: [], emails: ['ana@acme.test'] });
    const otherMailbox = await lookupProspects(db, { mailbox: 'someone@else.com', threadIds: ['18c2f0a1b2c3d4e5'], emails: ['ana@acme.test'] });
    expect(byThread.map((x) => x.id)).toEqual([p.id]);
    expect(byEmail.map((x) => x.id)).toEqual([p.id]);
    expect(otherMailbox).toEqual([]);
  });

  it('looks prospects up by id, within the mailbox; an id not stored is simply absent', async () => {
    const db = await freshDB();
    const mine = await createProspect(db, base, NOW);
    const theirs = await createProspect(db, { ...base, email: 'bo@beta.test', mailbox: 'other@example.com' }, NOW);
    const found = await lookupProspects(db, { mailbox: 'rep@example.com', threadIds: [], emails: [], prospectIds: [mine.id, theirs.id, 'deleted-meanwhile'] });
    expect(found.map((x) => x.id)).toEqual([mine.id]);
  });

  it("gives a Gmail tab its mailbox's prospects and those added without one, or none past the limit", async () => {
    const db = await freshDB();
    // Addresses chosen to sort on both sides of the other mailbox's and the unowned one's.
    const mine = [await createProspect(db, { ...base, email: 'aa@x.test' }, NOW), await createProspect(db, { ...base, email: 'zz@x.test' }, NOW)];
    const unowned = await createProspect(db, { ...base, email: 'mm@x.test', mailbox: '' }, NOW);
    await createProspect(db, { ...base, email: 'bb@x.test', mailbox: 'rep@example.co' }, NOW);
    await createProspect(db, { ...base, email: 'cc@x.test', mailbox: 'rep@example.com.evil' }, NOW);
    const held = await mailboxProspects(db, 'rep@example.com', 3);
    expect(held.complete).toBe(true);
    expect(held.prospects.map((x) => x.email).sort()).toEqual([...mine, unowned].map((x) => x.email).sort());
    expect(await mailboxProspects(db, 'rep@example.com', 2)).toEqual({ prospects: [], complete: false });
    expect((await mailboxProspects(db, 'nobody@example.com', 3)).prospects.map((x) => x.email)).toEqual(['mm@x.test']);
  });

  it('reads only due prospects from the dueAt index', async () => {
    const db = await freshDB();
    const soon = await createProspect(db, { ...base, email: 'a@x.test' }, NOW);
    await createProspect(db, { ...base, email: 'b@x.test', stageId: 'won' }, NOW);
    await createProspect(db, { ...base, email: 'c@x.test', stageId: 'lost' }, NOW);
    const due = await prospectsDueBy(db, NOW + 7 * DAY);
    expect(due.map((p) => p.id)).toEqual([soon.id]);
  });

  it('reads the head of the due window: the first past-due prospects, and today onwards in full', async () => {
    const db = await freshDB();
    // Snoozes fix the due times: three days ago, two days ago, yesterday, later today, in three days, in a month.
    for (const [i, offset] of [-3, -2, -1, 0.1, 3, 30].entries()) await createProspect(db, { ...base, email: `p${i}@x.test`, snoozedUntil: NOW + offset * DAY }, NOW);
    const head = await dueWindowHead(db, NOW - 0.2 * DAY, NOW + 7 * DAY, 2);
    expect(head.past.map((p) => p.email)).toEqual(['p0@x.test', 'p1@x.test']);
    expect(head.truncated).toBe(true);
    expect(head.current.map((p) => p.email)).toEqual(['p3@x.test', 'p4@x.test']);
    expect(head.settings).toEqual(DEFAULT_SETTINGS);
    await writeSettings(db, { ...DEFAULT_SETTINGS, reminderHour: 7 }, NOW);
    expect((await dueWindowHead(db, NOW - 0.2 * DAY, NOW + 7 * DAY, 2)).settings.reminderHour).toBe(7);
    expect((await dueWindowHead(db, NOW - 0.2 * DAY, NOW + 7 * DAY, 3)).truncated).toBe(true);
    expect((await dueWindowHead(db, NOW - 0.2 * DAY, NOW + 7 * DAY, 4)).truncated).toBe(false);
  });
});
