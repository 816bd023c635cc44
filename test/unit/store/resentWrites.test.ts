import { describe, expect, it } from 'vitest';
import { createProspect } from '../../../src/store/prospects';
import { logTouch } from '../../../src/store/touches';
import { DAY, NOW, freshDB } from './helpers';

/**
 * A sender whose reply was lost (the background died mid-command) sends the same command again,
 * with the record id it chose. The store must apply it once, however often it arrives.
 */
const manual = { channel: 'phone', direction: 'outbound', source: 'manual', note: '' } as const;
const TOUCH_ID = '3f1c2b7e-9a4d-4e21-8c55-0d6b1f2a9e10';
const PROSPECT_ID = '7d2e9c41-5b3a-4f08-9e6d-2a1b0c9f8e77';

async function setup() {
  const db = await freshDB();
  const prospect = await createProspect(db, { email: 'bo@beta.test', mailbox: 'rep@example.com' }, NOW - 10 * DAY);
  return { db, prospect };
}

describe('a resent touch.log', () => {
  it('stores a touch once under the id the sender chose, and answers the resend as a duplicate', async () => {
    const { db, prospect } = await setup();
    const input = { ...manual, prospectId: prospect.id, touchId: TOUCH_ID };
    const first = await logTouch(db, input, NOW);
    const again = await logTouch(db, input, NOW + 1_000);
    expect(first).toMatchObject({ duplicate: false, touch: { id: TOUCH_ID } });
    expect(again).toMatchObject({ duplicate: true, touch: first.touch, prospect: first.prospect });
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(1);
  });

  it('is applied once when the resends race each other', async () => {
    const { db, prospect } = await setup();
    const input = { ...manual, prospectId: prospect.id, touchId: TOUCH_ID };
    const results = await Promise.all([1, 2, 3, 4].map(() => logTouch(db, input, NOW)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(1);
  });

  it('still stores one touch per Gmail message when two senders chose different ids', async () => {
    const { db, prospect } = await setup();
    const seen = { ...manual, source: 'gmail', prospectId: prospect.id, messageId: '18c2f0a1b2c3d4e5' } as const;
    await logTouch(db, { ...seen, touchId: TOUCH_ID }, NOW);
    const otherTab = await logTouch(db, { ...seen, touchId: crypto.randomUUID() }, NOW);
    expect(otherTab).toMatchObject({ duplicate: true, touch: { id: TOUCH_ID } });
    expect(await db.count('touches')).toBe(1);
  });

  it('refuses a touch id that belongs to another prospect, and writes nothing', async () => {
    const { db, prospect } = await setup();
    const other = await createProspect(db, { email: 'cy@gamma.test', mailbox: 'rep@example.com' }, NOW);
    await logTouch(db, { ...manual, prospectId: prospect.id, touchId: TOUCH_ID }, NOW);
    await expect(logTouch(db, { ...manual, prospectId: other.id, touchId: TOUCH_ID }, NOW)).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', other.id))?.touchCount).toBe(0);
  });

  it('without a touch id stays what it was: each command is one more touch', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...manual, prospectId: prospect.id }, NOW);
    await logTouch(db, { ...manual, prospectId: prospect.id }, NOW);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(2);
  });
});

describe('a resent prospect.create', () => {
  const input = { id: PROSPECT_ID, email: 'ana@acme.test', mailbox: 'rep@example.com', name: 'Ana' };

  it('returns the prospect created the first time instead of refusing it as a duplicate address', async () => {
    const db = await freshDB();
    const first = await createProspect(db, input, NOW);
    const again = await createProspect(db, input, NOW + 5_000);
    expect(first.id).toBe(PROSPECT_ID);
    expect(again).toEqual(first);
    expect(await db.count('prospects')).toBe(1);
  });

  it('refuses an id already used for another address', async () => {
    const db = await freshDB();
    await createProspect(db, input, NOW);
    await expect(createProspect(db, { ...input, email: 'bo@beta.test' }, NOW)).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.count('prospects')).toBe(1);
  });

  it('without an id still refuses a second prospect for the same address', async () => {
    const db = await freshDB();
    const { id: _chosen, ...withoutId } = input;
    await createProspect(db, withoutId, NOW);
    await expect(createProspect(db, withoutId, NOW)).rejects.toMatchObject({ code: 'conflict' });
  });
});
