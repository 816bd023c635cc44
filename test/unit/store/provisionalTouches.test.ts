import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../../src/domain/backup';
import { readSettings } from '../../../src/store/settings';
import { createProspect } from '../../../src/store/prospects';
import { listTouches, logTouch } from '../../../src/store/touches';
import { DAY, HOUR, NOW, freshDB } from './helpers';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const THREAD = '18c2f0a1b2c3d4e0';
const MESSAGE = '18c2f0a1b2c3d4e5';
const sent = { channel: 'email', direction: 'outbound', source: 'gmail', note: '' } as const;

async function setup() {
  const db = await freshDB();
  const prospect = await createProspect(db, { email: 'bo@beta.test', mailbox: 'rep@example.com' }, NOW - 10 * DAY);
  return { db, prospect };
}

describe('a touch logged before Gmail shows its message', () => {
  it('becomes the real message when the thread shows it: one touch, with the message id and time', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR, provisional: true }, NOW - HOUR);
    const real = await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR + 20 * SECOND, messageId: MESSAGE, threadId: THREAD }, NOW);
    const touches = await listTouches(db, prospect.id);
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({ at: NOW - HOUR + 20 * SECOND, messageId: MESSAGE, threadId: THREAD });
    expect(touches[0]).not.toHaveProperty('provisional');
    expect(real.prospect).toMatchObject({ touchCount: 1, lastOutboundAt: NOW - HOUR + 20 * SECOND, ballWith: 'them' });
    // Seen again (another tab, a reload): the message is already that touch.
    const again = await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR + 20 * SECOND, messageId: MESSAGE, threadId: THREAD }, NOW);
    expect(again).toMatchObject({ duplicate: true, touch: { id: touches[0]?.id } });
    expect(await db.count('touches')).toBe(1);
  });

  it('stays one touch when two tabs show the real message at once', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR, provisional: true }, NOW - HOUR);
    const input = { ...sent, prospectId: prospect.id, at: NOW - HOUR + 5 * SECOND, messageId: MESSAGE, threadId: THREAD };
    await Promise.all([logTouch(db, input, NOW), logTouch(db, input, NOW), logTouch(db, input, NOW)]);
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', prospect.id))?.touchCount).toBe(1);
  });

  it('keeps an unread reply implied by the inbox as the one inbound touch once the thread is opened', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - DAY, messageId: '18c2f0a1b2c3d4e1', threadId: THREAD }, NOW - DAY);
    const implied = await logTouch(db, { ...sent, direction: 'inbound', prospectId: prospect.id, at: NOW - HOUR, threadId: THREAD, provisional: true }, NOW);
    expect(implied.prospect).toMatchObject({ touchCount: 2, ballWith: 'me', dueKind: 'replyNeeded' });
    const opened = await logTouch(db, { ...sent, direction: 'inbound', prospectId: prospect.id, at: NOW - HOUR, messageId: MESSAGE, threadId: THREAD }, NOW);
    expect(opened.prospect).toMatchObject({ touchCount: 2, ballWith: 'me', dueKind: 'replyNeeded' });
    expect(opened.touch.id).toBe(implied.touch.id);
  });

  it('leaves a provisional touch alone for a message far from it in time, of the other direction or in another thread', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR, threadId: THREAD, provisional: true }, NOW - HOUR);
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR + 10 * MINUTE, messageId: '18c2f0a1b2c3d4e6' }, NOW);
    await logTouch(db, { ...sent, direction: 'inbound', prospectId: prospect.id, at: NOW - HOUR, messageId: '18c2f0a1b2c3d4e7' }, NOW);
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR, messageId: '18c2f0a1b2c3d4e8', threadId: '18c2f0a1b2c3d4ff' }, NOW);
    const touches = await listTouches(db, prospect.id);
    expect(touches).toHaveLength(4);
    expect(touches.filter((t) => t.provisional === true)).toHaveLength(1);
  });

  it('is kept as provisional through a backup', async () => {
    const { db, prospect } = await setup();
    await logTouch(db, { ...sent, prospectId: prospect.id, at: NOW - HOUR, provisional: true }, NOW - HOUR);
    const backup = makeBackup({ settings: await readSettings(db), prospects: await db.getAll('prospects'), touches: await db.getAll('touches') }, NOW);
    const parsed = parseBackup(JSON.stringify(backup));
    expect(parsed.ok && parsed.value.touches.map((t) => t.provisional)).toEqual([true]);
  });
});
