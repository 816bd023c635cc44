import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { formatHlc } from '../../src/domain/hlc';
import { newSyncedProspect } from '../../src/domain/merge';
import { prospectToDoc } from '../../src/domain/syncDocs';
import type { SyncStatus } from '../../src/messaging/protocol';
import { addRows, fakeGmailHtml } from '../fixtures/xss-payloads';
import { WorkerControl } from './cdp';
import { command, readProspects, readTouches } from './extension';
import { SyncServer } from './syncServer';

/**
 * Two Chromium profiles with the built extension, each connected through Options → Sync to one
 * CouchDB-protocol server on 127.0.0.1 (pouchdb-server, started here). What one profile does
 * reaches the other; edits made on both while the server is gone merge by the rules; a worker
 * stopped in the middle of a push and a server that goes away and comes back lose nothing and
 * double nothing.
 *
 * The host permission: Connect asks `permissions.request` for the server's origin from the click.
 * Chrome answers that with a prompt no test can click, unless the origin was already granted; a
 * rep can grant it ahead in chrome://extensions (Details → Site access), and the test does just
 * that through the same page's own API (`developerPrivate.addHostPermission`). The request from
 * the real Connect click then resolves at once, and everything after it is the product's path.
 */

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
interface Profile {
  readonly browser: Launched;
  readonly options: Page;
  readonly worker: WorkerControl;
}

const USER = 'ana';
const PASSWORD = 'correct horse battery';
const DATABASE = 'pipeline';
const MAILBOX = 'rep@example.com';

const server = new SyncServer();
let a: Profile;
let b: Profile;

async function connectedProfile(): Promise<Profile> {
  const browser = await launchWithExtension();
  const settings = await browser.context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(
    ([id, site]) => (chrome as unknown as { developerPrivate: { addHostPermission: (id: string, host: string) => Promise<void> } }).developerPrivate.addHostPermission(id, site),
    [browser.extensionId, 'http://127.0.0.1/*'] as const,
  );
  await settings.close();
  const options = await browser.context.newPage();
  await options.goto(browser.extensionUrl('src/options/index.html'));
  const section = options.locator('section[aria-labelledby="sync-title"]');
  await section.locator('input[name="serverUrl"]').fill(server.origin);
  await section.locator('input[name="database"]').fill(DATABASE);
  await section.locator('input[name="user"]').fill(USER);
  await section.locator('input[name="password"]').fill(PASSWORD);
  await section.locator('button[type="submit"]').click();
  await section.locator('[data-sync="connected"]').waitFor();
  return { browser, options, worker: await WorkerControl.attach(browser.context, options) };
}

/** Polls the profile's sync state until `done` holds: the positive signal every step waits for. */
async function until(profile: Profile, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const status = await command(profile.options, 'sync.status', {});
    if (done(status)) return status;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(status)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const settled = (status: SyncStatus) => status.waiting === 0 && status.lastError === null && status.lastSyncAt !== null;

/** The fields a rep sets, as a profile stores them for one address. */
async function fieldsOf(profile: Profile, email: string) {
  const prospect = (await readProspects(profile.options)).find((p) => p.email === email);
  return prospect && { name: prospect.name, company: prospect.company, value: prospect.value, notes: prospect.notes, stageId: prospect.stageId };
}

beforeAll(async () => {
  await server.start(USER, PASSWORD, DATABASE);
  a = await connectedProfile();
  b = await connectedProfile();
}, 60_000);

afterAll(async () => {
  await a?.browser.close();
  await b?.browser.close();
  await server.stop();
});

describe('sync between two profiles', () => {
  it('a touch logged in one profile appears in the other profile’s popup and Gmail chips', async () => {
    const ann = await command(a.options, 'prospect.create', { email: 'ann@client.test', mailbox: MAILBOX, name: 'Ann Able' });
    await command(a.options, 'touch.log', { prospectId: ann.id, channel: 'phone', direction: 'outbound', source: 'manual', note: 'Called about pricing' });
    // The change itself starts a push (debounced): nobody presses anything in profile A.
    await until(a, settled, 'profile A pushing');
    expect(settled(await command(b.options, 'sync.now', {}))).toBe(true);

    const popup = await b.browser.context.newPage();
    await popup.goto(b.browser.extensionUrl('src/popup/index.html'));
    await popup.locator('input[type="search"]').fill('Ann');
    await popup.getByText('Ann Able').first().waitFor();
    await popup.close();
    const [stored] = (await readProspects(b.options)).filter((p) => p.email === 'ann@client.test');
    // One outbound call, no reply: one touch, unanswered, the ball with her; derived in profile B.
    expect(stored).toMatchObject({ name: 'Ann Able', mailbox: MAILBOX, touchCount: 1, unansweredCount: 1, ballWith: 'them' });
    expect((await readTouches(b.options)).map((t) => ({ prospectId: t.prospectId, note: t.note, channel: t.channel }))).toEqual([{ prospectId: stored!.id, note: 'Called about pricing', channel: 'phone' }]);

    // Profile B's Gmail: a thread row with Ann gets her chip, from the synced record.
    await b.browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: fakeGmailHtml(MAILBOX) }));
    const gmail = await b.browser.context.newPage();
    await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
    await gmail.evaluate(addRows, [{ key: 'ann', people: [{ email: 'ann@client.test', name: 'Ann Able' }], subject: 'Pricing' }]);
    await gmail.waitForFunction((id) => document.querySelector('tr[data-test-row="ann"] [data-touchbase="chip"]')?.getAttribute('data-prospect-id') === id, stored!.id);
    await gmail.close();
  }, 40_000);

  it('edits made on both profiles while the server is gone merge field by field, and both notes are kept', async () => {
    const idIn = async (profile: Profile) => (await readProspects(profile.options)).find((p) => p.email === 'ann@client.test')!.id;
    await server.close();
    await command(a.options, 'prospect.update', { id: await idIn(a), patch: { name: 'Ann A. Able', value: 100, notes: 'Budget approved in March' } });
    await command(b.options, 'prospect.update', { id: await idIn(b), patch: { company: 'Client Ltd', notes: 'Prefers calls after 4 pm' } });
    // The later edit of the same field wins, whichever profile made it: B sets the value after A.
    await command(b.options, 'prospect.update', { id: await idIn(b), patch: { value: 250 } });
    for (const profile of [a, b]) {
      const offline = await command(profile.options, 'sync.now', {});
      expect(offline.lastError?.key).toBe('syncOffline');
      expect(offline.waiting).toBeGreaterThan(0);
    }
    // What the rep sees in Options, in their language (English here).
    await a.options.reload();
    await a.options.getByText('the sync server cannot be reached').waitFor();

    await server.listen();
    await command(a.options, 'sync.now', {});
    await command(b.options, 'sync.now', {});
    await command(a.options, 'sync.now', {});
    await until(a, settled, 'profile A after the server came back');
    await until(b, settled, 'profile B after the server came back');
    const expected = { name: 'Ann A. Able', company: 'Client Ltd', value: 250, stageId: 'new' };
    for (const profile of [a, b]) {
      const fields = await fieldsOf(profile, 'ann@client.test');
      expect(fields).toMatchObject(expected);
      expect(fields?.notes).toContain('Budget approved in March');
      expect(fields?.notes).toContain('Prefers calls after 4 pm');
    }
    expect(await fieldsOf(a, 'ann@client.test')).toEqual(await fieldsOf(b, 'ann@client.test'));
  }, 40_000);

  it('a worker stopped in the middle of a push resumes; every record arrives exactly once', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `p${String(i).padStart(3, '0')}@import.test,Person ${i}`);
    let pushes = 0;
    // The second batch of 200 is held at the server's door: the run is caught half-way.
    const held = server.holdNextRequest((path) => path.endsWith('/_bulk_docs') && ++pushes === 2);
    await command(a.options, 'import.apply', { kind: 'csv', text: `Email,Name\n${rows.join('\n')}\n` });
    const request = await held;
    await a.worker.stop();
    const halfway = (await server.documents(DATABASE)).filter((d) => d.id.includes('@import.test'));
    expect(halfway.length).toBeGreaterThan(0);
    expect(halfway.length).toBeLessThan(rows.length);
    // The batch never reaches the server: only this profile's outbox still has those records.
    request.drop();

    // Any message wakes the worker; the next run pushes what the outbox still holds.
    await command(a.options, 'sync.now', {});
    await until(a, settled, 'profile A after the restart');
    await command(b.options, 'sync.now', {});
    await until(b, settled, 'profile B');

    const expectedEmails = ['ann@client.test', ...rows.map((row) => row.split(',')[0]!)].sort();
    const onServer = (await server.documents(DATABASE)).filter((d) => d.id.startsWith('prospect:'));
    expect(onServer.map((d) => d.id).sort()).toEqual(expectedEmails.map((email) => `prospect:${email === 'ann@client.test' ? MAILBOX : ''}:${email}`).sort());
    for (const profile of [a, b]) {
      const emails = (await readProspects(profile.options)).map((p) => p.email).sort();
      expect(emails).toEqual(expectedEmails);
      expect(await readTouches(profile.options)).toHaveLength(1);
    }
  }, 60_000);

  it('a setting saved in one profile’s options page shows in the other’s open options page after sync; notifications stay each profile’s own', async () => {
    const remindAt = (page: Page) => page.getByRole('combobox', { name: 'Remind me at' });
    const notifications = (page: Page) => page.getByRole('checkbox', { name: 'Show desktop notifications' });
    await a.options.reload();
    await remindAt(a.options).selectOption('7');
    await notifications(a.options).uncheck();
    await a.options.getByRole('button', { name: 'Save changes' }).click();
    await a.options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await until(a, settled, 'profile A pushing its settings');
    expect(await remindAt(b.options).inputValue()).toBe('9');
    expect(settled(await command(b.options, 'sync.now', {}))).toBe(true);

    // Profile B's options page was open all along: the pull's change event redraws it.
    await expect.poll(() => remindAt(b.options).inputValue()).toBe('7');
    expect(await notifications(b.options).isChecked()).toBe(true);
    // Ann's next follow-up in profile B moved to the pulled reminder hour when the pull was applied.
    const ann = (await readProspects(b.options)).find((p) => p.email === 'ann@client.test')!;
    expect(new Date(ann.dueAt!).getHours()).toBe(7);
  }, 60_000);

  it('a server document the checks refuse is named in Options → Sync and never applied', async () => {
    // Another writer's document with a note longer than the rep could type (5,000 characters).
    const stamp = formatHlc({ wall: Date.UTC(2026, 10, 2, 9, 0), counter: 0, device: 'otherwriter' });
    const fields = {
      email: 'zed@client.test', name: '<img src=x onerror=alert(1)>', company: '', stageId: 'new', value: null, currency: '', decisionMaker: 'unknown' as const,
      expectedCloseDate: null, channel: 'email' as const, cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, notes: 'x'.repeat(6000),
    };
    const doc = prospectToDoc(newSyncedProspect(MAILBOX, fields, Date.UTC(2026, 10, 2, 9, 0), stamp));
    const put = await fetch(`${server.origin}/${DATABASE}/${encodeURIComponent(String(doc['_id']))}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${btoa(`${USER}:${PASSWORD}`)}` },
      body: JSON.stringify(doc),
    });
    expect(put.ok).toBe(true);

    const status = await command(a.options, 'sync.now', {});
    expect(status.refused).toEqual([{ id: doc['_id'], problem: { key: 'tooLong', values: ['5000'], path: 'notes.versions[0].text' } }]);
    expect((await readProspects(a.options)).some((p) => p.email === 'zed@client.test')).toBe(false);
    await a.options.reload();
    await a.options
      .locator('[data-sync="refused"]')
      .getByText(`Records on the server that were not applied (left there unchanged): 1. The first: ${String(doc['_id'])} — notes.versions[0].text: is longer than 5000 characters`)
      .waitFor();
  }, 40_000);
});
