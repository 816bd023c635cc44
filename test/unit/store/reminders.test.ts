import { describe, expect, it } from 'vitest';
import { createProspect } from '../../../src/store/prospects';
import { badgeCounts, dueDigest, dueWithoutReminder, markReminded, nextWakeAt, prospectsWithIds } from '../../../src/store/reminders';
import { logTouch } from '../../../src/store/touches';
import { DAY, freshDB } from './helpers';

const monday9 = new Date(2026, 10, 23, 9, 0).getTime();

describe('scheduler bookkeeping in the store', () => {
  it('finds due instances not yet shown, and forgets them once recorded', async () => {
    const db = await freshDB();
    const p = await createProspect(db, { email: 'a@x.test', mailbox: '' }, new Date(2026, 10, 19, 10).getTime());
    expect((await dueWithoutReminder(db, monday9)).map((x) => x.id)).toEqual([p.id]);
    await markReminded(db, [{ prospectId: p.id, dueAt: p.dueAt! }], monday9);
    expect(await dueWithoutReminder(db, monday9)).toEqual([]);
    expect((await db.get('prospects', p.id))?.notified).toEqual({ dueAt: p.dueAt, at: monday9 });
  });

  it('does not record a reminder for an instance that moved meanwhile', async () => {
    const db = await freshDB();
    const p = await createProspect(db, { email: 'a@x.test', mailbox: '' }, new Date(2026, 10, 19, 10).getTime());
    await logTouch(db, { prospectId: p.id, channel: 'phone', direction: 'outbound', source: 'manual', note: '' }, monday9);
    await markReminded(db, [{ prospectId: p.id, dueAt: p.dueAt! }], monday9);
    expect((await db.get('prospects', p.id))?.notified).toBeUndefined();
  });

  it('wakes at the next due instance, or at midnight when that is sooner', async () => {
    const db = await freshDB();
    expect(await nextWakeAt(db, monday9)).toBe(new Date(2026, 10, 24).getTime());
    await createProspect(db, { email: 'a@x.test', mailbox: '', snoozedUntil: monday9 + 3_600_000 }, monday9 - DAY);
    expect(await nextWakeAt(db, monday9)).toBe(monday9 + 3_600_000);
  });

  it('counts for the badge what is due by the end of today and what is overdue', async () => {
    const db = await freshDB();
    await createProspect(db, { email: 'a@x.test', mailbox: '' }, new Date(2026, 10, 17, 10).getTime()); // due Thu 19th
    await createProspect(db, { email: 'b@x.test', mailbox: '' }, new Date(2026, 10, 19, 10).getTime()); // due Mon 23rd
    await createProspect(db, { email: 'c@x.test', mailbox: '' }, new Date(2026, 10, 23, 10).getTime()); // due Wed 25th
    expect(await badgeCounts(db, monday9)).toEqual({ dueNow: 2, overdue: 1 });
  });
});

describe('what the summary notification covers', () => {
  it('counts everyone due now but those with their own notification, and names the most recently due', async () => {
    const db = await freshDB();
    // New leads created Tue 17th … Thu 19th at 10:00 fall due two working days later at 09:00: Thu 19th … Mon 23rd.
    const created = [];
    for (const [day, email] of [[17, 'a@x.test'], [18, 'b@x.test'], [19, 'c@x.test']] as const) {
      created.push(await createProspect(db, { email, mailbox: '', name: email[0]!.toUpperCase() }, new Date(2026, 10, day, 10).getTime()));
    }
    await createProspect(db, { email: 'later@x.test', mailbox: '' }, new Date(2026, 10, 23, 10).getTime()); // due Wed 25th: not now
    const [a, b, c] = created;
    expect(await dueDigest(db, monday9, new Set())).toMatchObject({ count: 3, newest: [{ name: 'C' }, { name: 'B' }, { name: 'A' }] });
    expect(await dueDigest(db, monday9, new Set([c!.id]))).toMatchObject({ count: 2, newest: [{ name: 'B' }, { name: 'A' }] });
    expect((await prospectsWithIds(db, [a!.id, 'gone', b!.id])).map((p) => p.email)).toEqual(['a@x.test', 'b@x.test']);
  });
});
