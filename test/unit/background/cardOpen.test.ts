import { beforeEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../src/background/router';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { envelope } from '../../../src/messaging/protocol';
import type { TouchbaseDB } from '../../../src/store/db';
import { freshDB, NOW } from '../store/helpers';

/**
 * The thread card's More control keeps the card open on every thread: one flag in the settings,
 * sent by the Gmail tab, that no other setting and no prospect depends on.
 */
const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const optionsPage = { id: EXT_ID, url: `${ORIGIN}src/options/index.html` };
const gmailTab = { id: EXT_ID, url: 'https://mail.google.com/mail/u/0/#inbox/18bc1a2b3c4d5e6f', tab: { id: 3 } };

let db: TouchbaseDB;
let events: { prospects: string[]; settings: boolean }[];
let route: ReturnType<typeof createRouter>;

beforeEach(async () => {
  db = await freshDB();
  events = [];
  route = createRouter({
    extensionId: EXT_ID,
    extensionOrigin: ORIGIN,
    db: async () => db,
    now: () => NOW,
    afterWrite: async (ids, settingsChanged) => void events.push({ prospects: [...ids], settings: settingsChanged === true }),
    openThread: async () => undefined,
  });
});

const send = (message: unknown, from: object = gmailTab) => route(message, from);

describe('keeping the thread card open', () => {
  it('is stored from a Gmail tab, read back with the settings, and announced to every tab', async () => {
    await send(envelope('prospect.create', { email: 'ana@acme.test', mailbox: 'rep@example.com' }));
    const prospectsBefore = await db.getAll('prospects');
    events = [];
    expect(await send(envelope('settings.cardOpen', { open: true }))).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, cardOpen: true } });
    expect(await send(envelope('settings.get', {}))).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, cardOpen: true } });
    // A flag of the view: no prospect is rewritten, yet tabs reload the settings to draw the next card open.
    expect(await db.getAll('prospects')).toEqual(prospectsBefore);
    expect(events).toEqual([{ prospects: [], settings: true }]);
    await send(envelope('settings.cardOpen', { open: false }));
    expect(await send(envelope('settings.get', {}))).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, cardOpen: false } });
  });

  it('keeps the rep\'s other settings as they are', async () => {
    const edited = { ...DEFAULT_SETTINGS, reminderHour: 7, workingDays: [0, 1, 2, 3, 4] };
    await send(envelope('settings.update', { settings: edited }), optionsPage);
    await send(envelope('settings.cardOpen', { open: true }));
    expect(await send(envelope('settings.get', {}))).toEqual({ ok: true, value: { ...edited, cardOpen: true } });
  });

  it('survives a save of the settings page, whose draft may predate it', async () => {
    await send(envelope('settings.cardOpen', { open: true }));
    const staleDraft = { ...DEFAULT_SETTINGS, reminderHour: 8, cardOpen: false };
    expect(await send(envelope('settings.update', { settings: staleDraft }), optionsPage)).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, reminderHour: 8, cardOpen: true } });
    await send(envelope('settings.update', { settings: { ...DEFAULT_SETTINGS, reminderHour: 9 } }), optionsPage);
    expect(await send(envelope('settings.get', {}))).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, reminderHour: 9, cardOpen: true } });
  });

  it('refuses anything but yes or no with a problem the rep can read, and writes nothing', async () => {
    const reply = await send({ ...envelope('settings.cardOpen', { open: true }), payload: { open: 'yes' } });
    expect(reply).toMatchObject({ ok: false, code: 'invalid', problem: { path: 'payload.open' } });
    expect(await send(envelope('settings.get', {}))).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    expect(events).toEqual([]);
  });
});
