import { describe, expect, it } from 'vitest';
import { createProspect } from '../../../src/store/prospects';
import { listTouches, logTouch } from '../../../src/store/touches';
import { DAY, HOUR, NOW, freshDB } from './helpers';

const email = { channel: 'email', direction: 'outbound', source: 'gmail', note: '' } as const;

async function setup() {
  const db = await freshDB();
  const prospect = await createProspect(db, { email: 'bo@beta.test', mailbox: 'rep@example.com' }, NOW - 10 * DAY);
  return { db, prospect };
}

describe('touches in the store', () => {
  it('keeps the derived fields in step with every touch', async () => {
    const { db, prospect } = await setup();
    const first = await logTouch(db, { ...email, prospectId: prospect.id, at: NOW - 3 * DAY }, NOW);
    expect(first.prospect).toMatchObject({ touchCount: 1, unansweredCount: 1, ballWith: 'them', lastOutboundAt: NOW - 3 * DAY });
    const reply = await logTouch(db, { ...email, direction: 'inbound', prospectId: prospect.id, at: NOW - HOUR }, NOW);
    expect(reply.prospect).toMatchObject({ touchCount: 2, unansweredCount: 0, ballWith: 'me', dueKind: 'replyNeeded' });
    expect(await db.get('prospects', prospect.id)).toEqual(reply.prospect);
  });

  it('stores a Gmail message once, however often it is logged', async () => {
    const { db, prospect } = await setup();
    const input = { ...email, prospectId: prospect.id, messageId: '18c2f0a1b2c3d4e5' };
    const results = await Promise.all([logTouch(db, input, NOW), logTouch(db, input, NOW), logTouch(db, input, NOW)]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(1);
  });

  it('counts a message to two tracked people once for each of them', async () => {
    const { db, prospect: bo } = await setup();
    const cy = await createProspect(db, { email: 'cy@beta.test', mailbox: 'rep@example.com' }, NOW - 10 * DAY);
    const message = { ...email, messageId: '18c2f0a1b2c3d4e5', threadId: '18c2f0a1b2c3d4e0', at: NOW - HOUR };
    const forBo = await logTouch(db, { ...message, prospectId: bo.id }, NOW);
    const forCy = await logTouch(db, { ...message, prospectId: cy.id }, NOW);
    const again = await logTouch(db, { ...message, prospectId: cy.id }, NOW);
    expect([forBo.duplicate, forCy.duplicate, again.duplicate]).toEqual([false, false, true]);
    expect(again.touch.id).toBe(forCy.touch.id);
    // Each one's own count, turn and due state follow the message: one outbound touch, ball with them.
    for (const id of [bo.id, cy.id]) {
      expect(await db.get('prospects', id)).toMatchObject({ touchCount: 1, unansweredCount: 1, ballWith: 'them', lastOutboundAt: NOW - HOUR });
    }
    expect(await db.count('touches')).toBe(2);
  });

  it('warns, without blocking, when an outbound touch follows an unanswered one too soon', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...email, prospectId: prospect.id, at: NOW - HOUR }, NOW);
    const again = await logTouch(db, { ...email, channel: 'phone', source: 'manual', prospectId: prospect.id }, NOW);
    expect(again.warning).toMatchObject({ lastOutboundAt: NOW - HOUR, workingDaysSince: 0 });
    expect(again.prospect.touchCount).toBe(2);
  });

  it('ends a snooze when the rep touches the prospect', async () => {
    const db = await freshDB();
    const p = await createProspect(db, { email: 'c@x.test', mailbox: '', snoozedUntil: NOW + 5 * DAY }, NOW);
    expect(p.dueAt).toBe(NOW + 5 * DAY);
    const { prospect } = await logTouch(db, { ...email, source: 'manual', prospectId: p.id }, NOW);
    expect(prospect.snoozedUntil).toBeNull();
  });

  it('refuses a touch for a missing prospect and writes nothing', async () => {
    const { db } = await setup();
    await expect(logTouch(db, { ...email, prospectId: 'nope' }, NOW)).rejects.toThrow('prospect nope does not exist');
    expect(await db.count('touches')).toBe(0);
  });

  it('lists a prospect’s touches newest first', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...email, prospectId: prospect.id, at: NOW - 2 * DAY, note: 'older' }, NOW);
    await logTouch(db, { ...email, prospectId: prospect.id, at: NOW - DAY, note: 'newer' }, NOW);
    expect((await listTouches(db, prospect.id)).map((t) => t.note)).toEqual(['newer', 'older']);
  });
});
