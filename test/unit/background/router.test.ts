import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router';
import { createSync } from '../../../src/background/sync/service';
import { classifySender } from '../../../src/background/senders';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { envelope, type MessageName, type RequestOf } from '../../../src/messaging/protocol';
import type { TouchbaseDB } from '../../../src/store/db';
import { freshDB, NOW } from '../store/helpers';
import { SERVED_TO_GMAIL_TAB } from '../../rules/gmailTab';
import { emptyCouchDatabase } from '../sync/emptyCouchDatabase';

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const popup = { id: EXT_ID, url: `${ORIGIN}src/popup/index.html` };
const gmailTab = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 3 } };

let db: TouchbaseDB;
let changes: string[][];
let opened: string[];
let logged: string[];
/** The sends handed to the Gmail tabs. */
let relayed: unknown[];
/** Set to make the work after a commit (change events, reminders) fail. */
let afterWriteFails: boolean;
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = await freshDB();
  changes = [];
  opened = [];
  logged = [];
  relayed = [];
  afterWriteFails = false;
  route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    now: () => NOW,
    afterWrite: async (ids) => {
      changes.push([...ids]);
      if (afterWriteFails) throw new Error('notifications are unavailable');
    },
    log: (message) => void logged.push(message),
    openThread: async (thread) => void opened.push(thread.threadId),
    relaySend: async (sent) => (relayed.push(sent), 2),
    sync: createSync({
      db: async () => db,
      now: () => NOW,
      hasPermission: async () => true,
      removePermission: async () => undefined,
      schedule: async () => undefined,
      afterPull: async () => undefined,
      log: (message) => void logged.push(message),
      fetch: emptyCouchDatabase,
    }),
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

/** Everything stored, every store, to compare before and after a refused command. */
async function everything(target: TouchbaseDB) {
  const names = [...target.objectStoreNames];
  const tx = target.transaction(names);
  return Promise.all(names.map(async (name) => [name, await tx.objectStore(name).getAllKeys(), await tx.objectStore(name).getAll()]));
}

describe('what a Gmail tab may send', () => {
  const CONTENT_SCRIPT_MAY_SEND = new Set(SERVED_TO_GMAIL_TAB);
  const thread = { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' };

  /** A valid request for every command (the type requires each one), aimed at prospect `id`. */
  function everyCommand(id: string): { [K in MessageName]: RequestOf<K> } {
    return {
      'prospect.create': { email: 'bo@beta.test', mailbox: 'rep@example.com', name: 'Bo' },
      'prospect.update': { id, patch: { notes: 'changed from a tab' } },
      'prospect.decide': { id, outcome: 'nurture' },
      'prospect.linkThread': { id, thread: { ...thread, threadId: '18bc1a2b3c4d5e70' } },
      'touch.log': { prospectId: id, channel: 'email', direction: 'outbound', source: 'manual', note: '' },
      lookup: { mailbox: 'rep@example.com', threadIds: [], emails: ['ana@acme.test'], prospectIds: [id] },
      'lookup.mailbox': { mailbox: 'rep@example.com' },
      'touch.recent': { prospectId: id, limit: 3 },
      // No such touch: answered "nothing withdrawn" (the store test withdraws real ones).
      'touch.withdraw': { touchId: '0b5e1f7a-3c2d-4e8f-9a6b-1c2d3e4f5a6b', mailbox: 'rep@example.com' },
      'send.relay': { recipients: [{ email: 'ana@acme.test', name: 'Ana' }], at: NOW, days: 3 },
      'settings.get': {},
      'prospect.openThread': { id },
      'settings.update': { settings: { ...DEFAULT_SETTINGS, reminderHour: 7 } },
      'settings.cardOpen': { open: true },
      'import.preview': { kind: 'csv', text: 'Email,Name\ncy@gamma.test,Cy\n' },
      'import.apply': { kind: 'csv', text: 'Email,Name\ncy@gamma.test,Cy\n' },
      'data.deleteAll': {},
      'sync.connect': { serverUrl: 'http://127.0.0.1:5984', database: 'pipeline', user: 'ana', password: 'secret' },
      'sync.disconnect': {},
      'sync.status': {},
      'sync.now': {},
    };
  }

  /** A fresh store holding one prospect with a thread; its id. */
  async function seeded(): Promise<string> {
    db = await freshDB();
    const created = await route(envelope('prospect.create', { ...create.payload, thread }), popup);
    changes = [];
    opened = [];
    return created.ok ? (created.value as { id: string }).id : '';
  }

  it('serves the Gmail features and refuses everything else with "forbidden", writing nothing', async () => {
    const refused: string[] = [];
    for (const name of Object.keys(everyCommand('')) as MessageName[]) {
      const id = await seeded();
      const message = envelope(name, everyCommand(id)[name]);
      const before = await everything(db);
      const reply = await route(message, gmailTab);
      if (CONTENT_SCRIPT_MAY_SEND.has(name)) {
        expect(reply, name).toMatchObject({ ok: true });
        continue;
      }
      refused.push(name);
      expect(reply, name).toEqual({
        ok: false,
        code: 'forbidden',
        error: `${name}: not served to gmailContentScript`,
        problem: { key: 'notInThisTab', values: [name], path: '' },
      });
      expect(await everything(db), name).toEqual(before);
      expect(changes, name).toEqual([]);
      expect(opened, name).toEqual([]);
      // Control: the same request from the popup is valid and does run.
      expect(await route(message, popup), name).toMatchObject({ ok: true });
    }
    expect(refused.sort()).toEqual(['data.deleteAll', 'import.apply', 'import.preview', 'settings.update', 'sync.connect', 'sync.disconnect', 'sync.now', 'sync.status']);
  });

  it('alone undoes a send: the popup is refused "touch.withdraw" before its payload is read', async () => {
    await seeded();
    const before = await everything(db);
    const reply = await route(envelope('touch.withdraw', { touchId: '0b5e1f7a-3c2d-4e8f-9a6b-1c2d3e4f5a6b', mailbox: 'rep@example.com' }), popup);
    expect(reply).toMatchObject({ ok: false, code: 'forbidden', problem: { key: 'notInThisTab', values: ['touch.withdraw'] } });
    expect(await everything(db)).toEqual(before);
  });

  it('alone relays a pop-out window\'s send: handed to the tabs as sent, nothing written; the popup is refused', async () => {
    await seeded();
    const before = await everything(db);
    const sent = { recipients: [{ email: 'ana@acme.test', name: 'Ana' }, { email: 'bo@beta.test', name: '' }], at: NOW - 5_000 };
    expect(await route(envelope('send.relay', sent), gmailTab)).toEqual({ ok: true, value: { tabs: 2 } });
    expect(relayed).toEqual([sent]);
    expect(await everything(db)).toEqual(before);
    expect(changes).toEqual([]);
    const fromPopup = await route(envelope('send.relay', sent), popup);
    expect(fromPopup).toMatchObject({ ok: false, code: 'forbidden', problem: { key: 'notInThisTab', values: ['send.relay'] } });
    // Sent again after a lost reply, it is refused: the tabs would be handed the send twice.
    const resent = await route({ ...envelope('send.relay', sent), requestId: '0b7e4c1a-5d2f-4e8b-9a6c-3f1d2e4b5a69', attempt: 1 }, gmailTab);
    expect(resent).toMatchObject({ ok: false, code: 'conflict' });
    // A recipient that is not an address, or a follow-up of no day, is refused before anything is relayed.
    expect(await route(envelope('send.relay', { ...sent, recipients: [{ email: 'not an address', name: '' }] }), gmailTab)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await route(envelope('send.relay', { ...sent, days: 0 }), gmailTab)).toMatchObject({ ok: false, code: 'invalid' });
    expect(relayed).toHaveLength(1);
  });

  it('is refused before the payload is read', async () => {
    const reply = await route({ ...envelope('data.deleteAll', {}), payload: 'not even an object' }, gmailTab);
    expect(reply).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('the reply follows the commit', () => {
  it('answers ok when the work after a stored write fails, and logs that failure on its own', async () => {
    afterWriteFails = true;
    const created = await route(create, popup);
    expect(created).toMatchObject({ ok: true, value: { email: 'ana@acme.test' } });
    const id = created.ok ? (created.value as { id: string }).id : '';
    const touch = await route(envelope('touch.log', { prospectId: id, channel: 'phone', direction: 'outbound', source: 'manual', note: 'called' }), popup);
    expect(touch).toMatchObject({ ok: true, value: { duplicate: false } });
    expect(await db.count('prospects')).toBe(1);
    expect(await db.count('touches')).toBe(1);
    // The work was attempted after each write, and each failure is in the log.
    expect(changes).toEqual([[id], [id]]);
    expect(logged).toEqual([
      'prospect.create was stored; the work after it failed: Error: notifications are unavailable',
      'touch.log was stored; the work after it failed: Error: notifications are unavailable',
    ]);
  });

  it('applies a creating command once however often it is resent, though its payload names no id', async () => {
    const created = await route(create, popup);
    const prospectId = created.ok ? (created.value as { id: string }).id : '';
    afterWriteFails = true;
    const requestId = '0b7e4c1a-5d2f-4e8b-9a6c-3f1d2e4b5a69';
    const logTouch = { ...envelope('touch.log', { prospectId, channel: 'phone', direction: 'outbound', source: 'manual', note: 'called' }), requestId };
    const first = await route({ ...logTouch, attempt: 0 }, popup);
    const again = await route({ ...logTouch, attempt: 1 }, popup);
    expect(first).toMatchObject({ ok: true, value: { duplicate: false, touch: { id: requestId } } });
    expect(again).toMatchObject({ ok: true, value: { duplicate: true, touch: { id: requestId } } });
    expect(await db.count('touches')).toBe(1);

    const newProspect = { ...envelope('prospect.create', { email: 'bo@beta.test', mailbox: 'rep@example.com' }), requestId: 'a3c1e2f4-6b7d-4c8e-9f0a-1b2c3d4e5f60' };
    expect(await route({ ...newProspect, attempt: 0 }, gmailTab)).toMatchObject({ ok: true, value: { id: newProspect.requestId } });
    expect(await route({ ...newProspect, attempt: 1 }, gmailTab)).toMatchObject({ ok: true, value: { id: newProspect.requestId } });
    expect((await db.getAll('prospects')).map((p) => p.email).sort()).toEqual(['ana@acme.test', 'bo@beta.test']);
  });

  it('does not open a thread again for a resend: the first attempt may have opened it', async () => {
    const thread = { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' };
    const created = await route(envelope('prospect.create', { ...create.payload, thread }), popup);
    const id = created.ok ? (created.value as { id: string }).id : '';
    const open = { ...envelope('prospect.openThread', { id }), requestId: '5e1f2a3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b' };
    expect(await route({ ...open, attempt: 0 }, popup)).toEqual({ ok: true, value: { opened: 'thread' } });
    expect(await route({ ...open, attempt: 1 }, popup)).toMatchObject({ ok: false, code: 'conflict', problem: { key: 'mayHaveRun' } });
    expect(opened).toEqual(['18bc1a2b3c4d5e6f']);
  });

  it('refuses a request id that is not a UUID and an attempt that is not a small whole number', async () => {
    const base = envelope('touch.log', { prospectId: 'x', channel: 'phone', direction: 'outbound', source: 'manual', note: '' });
    expect(await route({ ...base, requestId: '../x' }, popup)).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('requestId') });
    expect(await route({ ...base, attempt: -1 }, popup)).toMatchObject({ ok: false, code: 'invalid', error: expect.stringContaining('attempt') });
    expect(await db.count('touches')).toBe(0);
  });
});
