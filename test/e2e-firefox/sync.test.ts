// Sync in real Firefox: two profiles with the Firefox build, each connected through Options → Sync
// to one CouchDB-protocol server on 127.0.0.1 (pouchdb-server in memory, started here); a touch
// logged in one profile shows in the other profile's popup.
//
// The host permission: Connect calls `permissions.request` for the server's origin from the click.
// Firefox answers it with a doorhanger no test can click, unless optional permission prompts are
// off: with the pref `extensions.webextOptionalPermissionPrompts` = false, Firefox grants an
// optional permission the add-on declares without asking (toolkit/components/extensions/parent/
// ext-permissions.js). It still refuses a request made outside a user gesture ("permissions.request
// may only be called from a user input handler"), so the Connect button is clicked with trusted
// input (WebDriver BiDi's input actions), as a rep clicks it; everything after is the product's path.
// With the pref at its default (true) the click waits on the doorhanger and Options never shows the
// connection: the test fails there.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../src/messaging/protocol';
import { SyncServer } from '../e2e/syncServer';
import { command, launch, openExtensionPage, until, type Launched } from './firefox';

const USER = 'ana';
const PASSWORD = 'correct horse battery';
const DATABASE = 'pipeline';
const MAILBOX = 'rep@example.com';
const DAY = 86_400_000;

interface Profile {
  readonly firefox: Launched;
  readonly options: Page;
}

const server = new SyncServer();
let a: Profile;
let b: Profile;

async function connectedProfile(): Promise<Profile> {
  const firefox = await launch({ 'extensions.webextOptionalPermissionPrompts': false });
  const options = await openExtensionPage(firefox.browser, firefox.extensionUrl('src/options/index.html'));
  const section = 'section[aria-labelledby="sync-title"]';
  const fields = { serverUrl: server.origin, database: DATABASE, user: USER, password: PASSWORD };
  for (const [name, value] of Object.entries(fields)) {
    const input = await until(() => options.$(`${section} input[name="${name}"]`), `the ${name} field`);
    await input.type(value);
  }
  await (await until(() => options.$(`${section} button[type="submit"]`), 'the Connect button')).click();
  await until(() => options.$(`${section} [data-sync="connected"]`), 'Options showing the connection');
  return { firefox, options };
}

/** Polls the profile's sync state until `done` holds: the positive signal each step waits for. */
function untilStatus(profile: Profile, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  return until(async () => {
    const status = await command(profile.options, 'sync.status', {});
    return done(status) && status;
  }, what);
}

const settled = (status: SyncStatus) => status.waiting === 0 && status.lastError === null && status.lastSyncAt !== null;

beforeAll(async () => {
  await server.start(USER, PASSWORD, DATABASE);
  // Launched side by side: most of a launch is waiting for Firefox to start and install the add-on.
  [a, b] = await Promise.all([connectedProfile(), connectedProfile()]);
}, 90_000);

afterAll(async () => {
  await a?.firefox.close();
  await b?.firefox.close();
  await server.stop();
});

describe('sync between two Firefox profiles', () => {
  it('connects through Options with the one origin granted, and a touch logged in one shows in the other’s popup', async () => {
    // Granted by the Connect click, for exactly the server's origin.
    for (const profile of [a, b]) {
      const origins = await profile.options.evaluate(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? []);
      expect(origins).toContain('http://127.0.0.1/*');
      expect(origins.filter((origin) => origin.includes('127.0.0.1'))).toEqual(['http://127.0.0.1/*']);
    }

    const ann = await command(a.options, 'prospect.create', { email: 'ann@client.test', mailbox: MAILBOX, name: 'Ann Able', company: 'Client' });
    // Ten days ago, past any default cadence: the follow-up is overdue, so her row is in the popup's due list.
    await command(a.options, 'touch.log', { prospectId: ann.id, channel: 'phone', direction: 'outbound', source: 'manual', note: 'Called about pricing', at: Date.now() - 10 * DAY });
    // The change itself starts a push (debounced): nobody presses anything in profile A.
    await untilStatus(a, (status) => settled(status) && status.lastSyncAt! > ann.createdAt, 'profile A pushing');
    expect(settled(await command(b.options, 'sync.now', {}))).toBe(true);

    // In profile B's own tab: there, ESR 140's WebDriver failed to open a second one (browsingContext.create:
    // "lazy.TabManager.getTabBrowser(...) is undefined"); the current ESR opens it either way.
    const popup = await openExtensionPage(b.firefox.browser, b.firefox.extensionUrl('src/popup/index.html'), b.options);
    const row = await until(() => popup.$('::-p-aria([name="Ann Able"][role="listitem"])'), 'Ann in profile B’s popup');
    // One touch, from profile A: counted in profile B from the synced record.
    expect(await row.evaluate((item) => item.textContent)).toContain('1 touch');
    const { prospects } = await command(popup, 'lookup', { mailbox: MAILBOX, threadIds: [], emails: ['ann@client.test'] });
    expect(prospects).toHaveLength(1);
    const touches = await command(popup, 'touch.recent', { prospectId: prospects[0]!.id, limit: 10 });
    expect(touches.map((touch) => ({ channel: touch.channel, note: touch.note }))).toEqual([{ channel: 'phone', note: 'Called about pricing' }]);
    expect(prospects[0]).toMatchObject({ name: 'Ann Able', company: 'Client', touchCount: 1, ballWith: 'them', dueKind: 'followUp' });
  }, 60_000);
});
