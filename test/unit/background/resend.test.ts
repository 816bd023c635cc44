import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../../src/background/router';
import { envelope } from '../../../src/messaging/protocol';
import { send } from '../../../src/platform/messages';
import type { TouchbaseDB } from '../../../src/store/db';
import { freshDB, NOW } from '../store/helpers';

/**
 * The runtime channel between a page and the worker, faked: each message reaches the real router,
 * and `channel.fail` decides whether the worker "dies" before (never delivered) or after (applied,
 * reply lost) handling it — what Chrome reports as "message channel closed" either way.
 */
const channel = vi.hoisted(() => ({
  deliver: (_message: unknown): Promise<unknown> => Promise.reject(new Error('no router')),
  fail: [] as ('before' | 'after')[],
  calls: 0,
  runtimeId: 'ext' as string | undefined,
}));

vi.mock('../../../src/platform/extensionApi', async () => ({
  extensionApi: {
    i18n: { getMessage: (await import('../chromeI18n')).getMessageFrom('ru') },
    runtime: {
      get id() {
        return channel.runtimeId;
      },
      async sendMessage(message: unknown) {
        channel.calls += 1;
        const failure = channel.fail.shift();
        if (failure === 'before') throw new Error('Could not establish connection. Receiving end does not exist.');
        const reply = await channel.deliver(message);
        if (failure === 'after') throw new Error('The message channel closed before a response was received');
        return reply;
      },
    },
  },
}));

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const popup = { id: EXT_ID, url: `${ORIGIN}src/popup/index.html` };
const manual = { channel: 'phone', direction: 'outbound', source: 'manual', note: '' } as const;

let db: TouchbaseDB;
let changes: string[][];
let opened: string[];
let prospectId: string;

beforeEach(async () => {
  db = await freshDB();
  changes = [];
  opened = [];
  const route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    now: () => NOW,
    afterWrite: async (ids) => void changes.push([...ids]),
    openThread: async (thread) => void opened.push(thread.threadId),
  });
  Object.assign(channel, { deliver: (message: unknown) => route(message, popup), fail: [], calls: 0, runtimeId: 'ext' });
  prospectId = (await send('prospect.create', { email: 'ana@acme.test', mailbox: '' })).id;
  changes = [];
  channel.calls = 0;
});

describe('send() when the worker dies mid-command', () => {
  it('resends a touch whose reply was lost, and the store applies it once', async () => {
    channel.fail = ['after', 'after'];
    const result = await send('touch.log', { ...manual, prospectId });
    expect(channel.calls).toBe(3);
    expect(result.duplicate).toBe(true);
    expect(await db.count('touches')).toBe(1);
    expect((await db.get('prospects', prospectId))?.touchCount).toBe(1);
    // Every attempt announced the change: the first worker may have died before it could.
    expect(changes).toEqual([[prospectId], [prospectId], [prospectId]]);
  });

  it('resends a command that never arrived, and it is applied', async () => {
    channel.fail = ['before'];
    const result = await send('touch.log', { ...manual, prospectId });
    expect(result.duplicate).toBe(false);
    expect(await db.count('touches')).toBe(1);
  });

  it('resends a creation whose reply was lost without refusing it as a duplicate address', async () => {
    channel.fail = ['after'];
    const created = await send('prospect.create', { email: 'bo@beta.test', mailbox: '', name: 'Bo' });
    expect(created.name).toBe('Bo');
    expect((await db.getAll('prospects')).filter((p) => p.email === 'bo@beta.test')).toHaveLength(1);
  });

  it('never resends a refusal', async () => {
    // The refusal reads in the page's language (Russian here), from the problem the reply carries.
    await expect(send('touch.log', { ...manual, prospectId: 'missing' })).rejects.toMatchObject({ code: 'not_found', message: 'клиента missing нет' });
    expect(channel.calls).toBe(1);
  });

  it('does not open a thread twice, which could open a second tab: the resend is refused in the rep\'s language', async () => {
    const thread = { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' };
    await send('prospect.linkThread', { id: prospectId, thread });
    channel.fail = ['after'];
    await expect(send('prospect.openThread', { id: prospectId })).rejects.toMatchObject({
      code: 'conflict',
      message: 'возможно, это уже выполнено: проверьте, прежде чем повторять',
    });
    expect(channel.calls).toBe(3);
    expect(opened).toEqual(['18bc1a2b3c4d5e6f']);
  });

  it('resends a creation under one id chosen for the whole command, so it is stored once', async () => {
    channel.fail = ['after', 'after'];
    const created = await send('prospect.create', { email: 'cy@gamma.test', mailbox: '' });
    expect(channel.calls).toBe(3);
    expect(await db.getAll('prospects')).toEqual(expect.arrayContaining([expect.objectContaining({ id: created.id, email: 'cy@gamma.test' })]));
    expect((await db.getAll('prospects')).filter((p) => p.email === 'cy@gamma.test')).toHaveLength(1);
  });

  it('stops when the extension is gone, and after a bounded number of tries', async () => {
    channel.runtimeId = undefined;
    channel.fail = ['before'];
    await expect(send('settings.get', {})).rejects.toThrow(/Receiving end/);
    expect(channel.calls).toBe(1);

    vi.useFakeTimers();
    try {
      Object.assign(channel, { runtimeId: 'ext', calls: 0, fail: Array(10).fill('before') });
      const attempt = send('settings.get', {}).catch((error: unknown) => error);
      await vi.runAllTimersAsync();
      expect(await attempt).toBeInstanceOf(Error);
      expect(channel.calls).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('send() from a Gmail tab', () => {
  it('is refused a command of Touchbase\'s own pages, in the rep\'s language, and nothing is deleted', async () => {
    const route = createRouter({
      extensionId: EXT_ID,
      extensionOrigin: ORIGIN,
      db: async () => db,
      now: () => NOW,
      afterWrite: async (ids) => void changes.push([...ids]),
      openThread: async () => undefined,
    });
    channel.deliver = (message) => route(message, { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } });
    await expect(send('data.deleteAll', {})).rejects.toMatchObject({ code: 'forbidden', message: 'команда data.deleteAll недоступна в этой вкладке' });
    expect(channel.calls).toBe(1);
    expect(await db.count('prospects')).toBe(1);
  });
});

describe('ids chosen by the sender', () => {
  it('must be UUIDs', async () => {
    const route = channel.deliver;
    const bad = await route(envelope('touch.log', { ...manual, prospectId, touchId: 'not-a-uuid' }));
    expect(bad).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('payload.touchId') });
    const badCreate = await route(envelope('prospect.create', { email: 'x@y.test', mailbox: '', id: '../../etc' }));
    expect(badCreate).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('payload.id') });
    expect(await db.count('touches')).toBe(0);
  });

  it('are optional: a sender that passes none is served as before, with no change event on a Gmail duplicate', async () => {
    const seen = { ...manual, source: 'gmail', prospectId, messageId: '18c2f0a1b2c3d4e5' } as const;
    expect(await channel.deliver(envelope('touch.log', seen))).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(await channel.deliver(envelope('touch.log', seen))).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(changes).toEqual([[prospectId]]);
  });
});
