import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router';
import { classifySender } from '../../../src/background/senders';
import { envelope } from '../../../src/messaging/protocol';
import type { TouchbaseDB } from '../../../src/store/db';
import { freshDB, NOW } from '../store/helpers';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const popup = { id: EXT_ID, url: `${ORIGIN}src/popup/index.html` };
const gmailTab = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };

let db: TouchbaseDB;
let changes: string[][];
let opened: string[];
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = await freshDB();
  changes = [];
  opened = [];
  route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    now: () => NOW,
    afterWrite: async (ids) => void changes.push([...ids]),
    openThread: async (thread) => void opened.push(thread.threadId),
  });
});

const create = envelope('prospect.create', { email: 'Ana@Acme.test', mailbox: 'rep@example.com', name: 'Ana' });

describe('who may send commands', () => {
  it('serves our pages and our content script on Gmail only', () => {
    expect(classifySender(popup, EXT_ID, ORIGIN)).toBe('extensionPage');
    expect(classifySender(gmailTab, EXT_ID, ORIGIN)).toBe('gmailContentScript');
    expect(classifySender({ ...gmailTab, id: 'another-extension' }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ ...gmailTab, url: 'https://mail.google.com.evil.test/' }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ ...gmailTab, url: 'https://evil.test/?https://mail.google.com/' }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT_ID, url: 'https://mail.google.com/' }, EXT_ID, ORIGIN)).toBeNull();
    expect(classifySender({ id: EXT_ID }, EXT_ID, ORIGIN)).toBeNull();
  });

  it('refuses a command from a web page and writes nothing', async () => {
    const reply = await route(create, { url: 'https://evil.test/', tab: { id: 9 } });
    expect(reply).toEqual({ ok: false, code: 'forbidden', error: 'sender is not allowed' });
    expect(await db.count('prospects')).toBe(0);
    expect(changes).toEqual([]);
  });
});

describe('the one write path', () => {
  it('validates, writes, and announces the change', async () => {
    const reply = await route(create, popup);
    expect(reply.ok).toBe(true);
    const stored = await db.getAll('prospects');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.email).toBe('ana@acme.test');
    expect(changes).toEqual([[stored[0]?.id]]);
  });

  it('refuses malformed and unknown messages with a clear error and changes nothing', async () => {
    const cases: [unknown, RegExp][] = [
      [null, /not a Touchbase message/],
      ['hello', /not a Touchbase message/],
      [{ ...create, name: 'prospect.destroy' }, /unknown message "prospect.destroy"/],
      [{ ...create, payload: { mailbox: 'rep@example.com' } }, /payload.email: is required/],
      [{ ...create, payload: { ...create.payload, email: 'not-an-email' } }, /payload.email: "not-an-email" is not a valid email address/],
      [{ ...create, payload: { ...create.payload, value: '1000' } }, /payload.value: must be a number/],
      [{ ...create, payload: { ...create.payload, isAdmin: true } }, /payload.isAdmin: is not a known field/],
      [envelope('touch.log', { prospectId: 'x', channel: 'fax', direction: 'outbound', source: 'manual', note: '' } as never), /payload.channel: must be one of/],
    ];
    for (const [message, error] of cases) {
      const reply = await route(message, popup);
      expect(reply.ok, JSON.stringify(message)).toBe(false);
      if (!reply.ok) {
        expect(reply.code).toBe('invalid');
        expect(reply.error).toMatch(error);
      }
    }
    expect(await db.count('prospects')).toBe(0);
    expect(changes).toEqual([]);
  });

  it('reports rule refusals with their code', async () => {
    await route(create, popup);
    const again = await route(create, popup);
    expect(again).toMatchObject({ ok: false, code: 'conflict' });
    const missing = await route(envelope('prospect.decide', { id: 'missing', outcome: 'lost' }), popup);
    expect(missing).toMatchObject({ ok: false, code: 'not_found' });
  });

  it('answers lookups without announcing a change', async () => {
    await route(create, gmailTab);
    changes = [];
    const reply = await route(envelope('lookup', { mailbox: 'rep@example.com', threadIds: [], emails: ['ana@acme.test'] }), gmailTab);
    expect(reply.ok && (reply.value as { prospects: unknown[] }).prospects).toHaveLength(1);
    expect(changes).toEqual([]);
  });

  it('does not announce a duplicate Gmail touch', async () => {
    const created = await route(create, gmailTab);
    const id = created.ok ? (created.value as { id: string }).id : '';
    changes = [];
    const touch = envelope('touch.log', { prospectId: id, channel: 'email', direction: 'outbound', source: 'gmail', messageId: '18c2f0a1b2c3d4e5', note: '' });
    await route(touch, gmailTab);
    const again = await route(touch, gmailTab);
    expect(again.ok && (again.value as { duplicate: boolean }).duplicate).toBe(true);
    expect(changes).toHaveLength(1);
  });

  it('opens a prospect\'s latest thread through the injected opener', async () => {
    const thread = { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' };
    const created = await route(envelope('prospect.create', { ...create.payload, thread }), popup);
    const id = created.ok ? (created.value as { id: string }).id : '';
    expect(await route(envelope('prospect.openThread', { id }), popup)).toEqual({ ok: true, value: { opened: 'thread' } });
    expect(opened).toEqual(['18bc1a2b3c4d5e6f']);
  });
});
