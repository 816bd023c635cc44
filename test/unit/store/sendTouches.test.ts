import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/store/errors';
import { createProspect } from '../../../src/store/prospects';
import { listTouches, logTouch, withdrawProvisional } from '../../../src/store/touches';
import { DAY, HOUR, NOW, freshDB } from './helpers';

/** A send seen by a Gmail tab: the provisional touch at the send, the real message later or earlier. */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const MAILBOX = 'rep@example.com';
const TOUCH_ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const sent = { channel: 'email', direction: 'outbound', source: 'gmail', note: '' } as const;

async function setup(mailbox = MAILBOX) {
  const db = await freshDB();
  const prospect = await createProspect(db, { email: 'bo@beta.test', mailbox }, NOW - 10 * DAY);
  return { db, prospect };
}

describe('a send whose real message a tab logged first', () => {
  it('adds nothing: the real touch is the send', async () => {
    const { db, prospect } = await setup();
    const sendAt = NOW - HOUR;
    // The thread showed the reply's real id (and a tab logged it) before the "sent" notice came.
    const real = await logTouch(db, { ...sent, prospectId: prospect.id, at: sendAt + 2 * SECOND, messageId: '18c2f0a1b2c3d4e5' }, sendAt + 3 * SECOND);
    const send = await logTouch(db, { ...sent, prospectId: prospect.id, at: sendAt, provisional: true, touchId: TOUCH_ID }, sendAt + 4 * SECOND);
    expect(send).toMatchObject({ duplicate: true, touch: { id: real.touch.id } });
    expect(await listTouches(db, prospect.id)).toHaveLength(1);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(1);
  });

  it('is its own touch when the real message stored belongs to an earlier send', async () => {
    const { db, prospect } = await setup();
    const sendAt = NOW - HOUR;
    await logTouch(db, { ...sent, prospectId: prospect.id, at: sendAt - 30 * SECOND, messageId: '18c2f0a1b2c3d4e5' }, sendAt - 20 * SECOND);
    await logTouch(db, { ...sent, prospectId: prospect.id, at: sendAt, provisional: true, touchId: TOUCH_ID }, sendAt + SECOND);
    expect(await listTouches(db, prospect.id)).toHaveLength(2);
  });
});

describe('a send the rep undid', () => {
  async function provisionalSend(db: Awaited<ReturnType<typeof setup>>['db'], prospectId: string) {
    return logTouch(db, { ...sent, prospectId, at: NOW - MINUTE, provisional: true, touchId: TOUCH_ID }, NOW - MINUTE);
  }

  it('takes back its provisional touch and the prospect is as before the send', async () => {
    const { db, prospect } = await setup();
    const before = await db.get('prospects', prospect.id);
    const logged = await provisionalSend(db, prospect.id);
    expect(logged.prospect).toMatchObject({ touchCount: 1, ballWith: 'them' });
    const result = await withdrawProvisional(db, { touchId: TOUCH_ID, mailbox: MAILBOX }, NOW);
    expect(result.withdrawn).toBe(true);
    expect(await listTouches(db, prospect.id)).toEqual([]);
    const after = await db.get('prospects', prospect.id);
    // Every derived field is back where it was; only the change stamp moved.
    expect({ ...after, updatedAt: 0 }).toEqual({ ...before, updatedAt: 0 });
  });

  it('changes nothing the second time (a resent command)', async () => {
    const { db, prospect } = await setup();
    await provisionalSend(db, prospect.id);
    await withdrawProvisional(db, { touchId: TOUCH_ID, mailbox: MAILBOX }, NOW);
    expect(await withdrawProvisional(db, { touchId: TOUCH_ID, mailbox: MAILBOX }, NOW)).toEqual({ withdrawn: false, prospect: null });
  });

  it('works for a prospect added without a mailbox, which every tab sees', async () => {
    const { db, prospect } = await setup('');
    await provisionalSend(db, prospect.id);
    expect(await withdrawProvisional(db, { touchId: TOUCH_ID, mailbox: MAILBOX }, NOW)).toMatchObject({ withdrawn: true });
  });

  it('is refused for a touch that is not provisional, or of another mailbox, and nothing changes', async () => {
    const { db, prospect } = await setup();
    const refusals: unknown[] = [];
    const attempt = async (mailbox: string) => {
      const before = await db.getAll('touches');
      await withdrawProvisional(db, { touchId: TOUCH_ID, mailbox }, NOW).catch((error: unknown) => refusals.push(error));
      expect(await db.getAll('touches')).toEqual(before);
    };
    // Another mailbox's tab.
    await provisionalSend(db, prospect.id);
    await attempt('other@example.com');
    // The real message already took the provisional touch's place.
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - MINUTE + 5 * SECOND, messageId: '18c2f0a1b2c3d4e5' }, NOW);
    await attempt(MAILBOX);
    // A touch the rep logged by hand under that id.
    const { db: db2, prospect: other } = await setup();
    await logTouch(db2, { ...sent, source: 'manual', prospectId: other.id, touchId: TOUCH_ID }, NOW);
    await expect(withdrawProvisional(db2, { touchId: TOUCH_ID, mailbox: MAILBOX }, NOW)).rejects.toMatchObject({ problem: { key: 'notProvisional' } });
    expect(await db2.count('touches')).toBe(1);
    expect(refusals).toHaveLength(2);
    for (const error of refusals) expect(error).toBeInstanceOf(StoreError);
    expect(refusals).toMatchObject([{ code: 'conflict', problem: { key: 'notProvisional' } }, { code: 'conflict', problem: { key: 'notProvisional' } }]);
    expect(await db.count('touches')).toBe(1);
  });
});
