import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Settings } from '../../src/domain/settings';
import type { Prospect } from '../../src/domain/types';
import type { MessageName, RequestOf } from '../../src/messaging/protocol';
import { addRows, fakeGmailHtml } from '../fixtures/xss-payloads';
import { ContentWorld } from './cdp';
import { command, readProspects, readTouches } from './extension';
import { SERVED_TO_GMAIL_TAB } from '../rules/gmailTab';

/**
 * Our own content script, on a mail.google.com page, asks the real background for every command:
 * it is served what the Gmail features use and refused the rest. The messages are sent from the
 * content script's isolated world (CDP Runtime.evaluate in its execution context), so Chrome
 * itself tells the background who the sender is.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let ext: Page;
let world: ContentWorld;
let ann: Prospect;

const MAILBOX = 'rep@a-team.test';

const SERVED_TO_GMAIL = SERVED_TO_GMAIL_TAB as readonly string[];

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: fakeGmailHtml(MAILBOX) }));
  ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('src/popup/index.html'));
  ann = await command(ext, 'prospect.create', { email: 'ann@client.test', mailbox: MAILBOX, name: 'Ann Able' });
  const gmail = await browser.context.newPage();
  world = await ContentWorld.attach(browser.context, gmail, browser.extensionId);
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  // Ann's chip on a row proves the content script runs in this page and has talked to the background.
  await gmail.evaluate(addRows, [{ key: 'ann', people: [{ email: 'ann@client.test', name: 'Ann Able' }], subject: 'Hello' }]);
  await gmail.waitForFunction((id) => document.querySelector('tr[data-test-row="ann"] [data-touchbase="chip"]')?.getAttribute('data-prospect-id') === id, ann.id);
});
afterAll(async () => browser?.close());

/** A valid request for every command (the type requires each one). */
function everyCommand(id: string, settings: Settings): { [K in MessageName]: RequestOf<K> } {
  return {
    'prospect.create': { email: 'bo@beta.test', mailbox: MAILBOX, name: 'Bo' },
    'prospect.update': { id, patch: { notes: 'changed from Gmail' } },
    'prospect.decide': { id, outcome: 'nurture' },
    'prospect.linkThread': { id, thread: { threadId: '18bc1a2b3c4d5e6f', mailbox: MAILBOX, subject: 'A deal' } },
    'touch.log': { prospectId: id, channel: 'email', direction: 'outbound', source: 'manual', note: '' },
    lookup: { mailbox: MAILBOX, threadIds: [], emails: ['ann@client.test'], prospectIds: [id] },
    'lookup.mailbox': { mailbox: MAILBOX },
    'touch.recent': { prospectId: id, limit: 3 },
    // No such touch: answered "nothing withdrawn" (the store test withdraws real ones).
    'touch.withdraw': { touchId: '0b5e1f7a-3c2d-4e8f-9a6b-1c2d3e4f5a6b', mailbox: MAILBOX },
    // Handed to the Gmail tabs, which log it only at a sent notice: none shows here.
    'send.relay': { recipients: [{ email: 'ann@client.test', name: 'Ann Able' }], at: 1_700_000_000_000 },
    'settings.get': {},
    // Sent before the thread is linked, so it opens nothing: the answer is what is checked.
    'prospect.openThread': { id },
    'settings.update': { settings: { ...settings, reminderHour: 7 } },
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

/** Sends one message from the content script's isolated world and returns the raw reply. */
function fromContentScript(name: MessageName, payload: unknown): Promise<{ ok: boolean; code?: string; problem?: { key: string } }> {
  return world.evaluate(`chrome.runtime.sendMessage(${JSON.stringify({ tag: 'touchbase/v1', name, payload })})`);
}

const storeState = async () => JSON.stringify([await readProspects(ext), await readTouches(ext)]);

describe('a Gmail tab', () => {
  it('is served what the Gmail features use and refused everything else, which writes nothing', async () => {
    const settings = await command(ext, 'settings.get', {});
    const requests = everyCommand(ann.id, settings);
    const refused: string[] = [];
    // The refused ones first, so each is compared against a store no other command has touched since.
    const names = (Object.keys(requests) as MessageName[]).sort((a, b) => Number(SERVED_TO_GMAIL.includes(a)) - Number(SERVED_TO_GMAIL.includes(b)));
    for (const name of names) {
      const before = await storeState();
      const reply = await fromContentScript(name, requests[name]);
      if (SERVED_TO_GMAIL.includes(name)) {
        expect(reply, name).toMatchObject({ ok: true });
        continue;
      }
      refused.push(name);
      expect(reply, name).toMatchObject({ ok: false, code: 'forbidden', problem: { key: 'notInThisTab' } });
      expect(await storeState(), name).toBe(before);
      expect(await command(ext, 'settings.get', {}), name).toEqual(settings);
    }
    expect(refused.sort()).toEqual(['data.deleteAll', 'import.apply', 'import.preview', 'settings.update', 'sync.connect', 'sync.disconnect', 'sync.now', 'sync.status']);
    // The writes that were served did land: the store is not simply read-only from here.
    const prospects = await readProspects(ext);
    expect(prospects.map((p) => p.email).sort()).toEqual(['ann@client.test', 'bo@beta.test']);
    expect(await readTouches(ext)).toHaveLength(1);
  });

  it('control: the same refused commands run from the extension page', async () => {
    expect(await command(ext, 'import.preview', { kind: 'csv', text: 'Email,Name\ncy@gamma.test,Cy\n' })).toMatchObject({ prospects: { new: 1 } });
    expect(await command(ext, 'data.deleteAll', {})).toMatchObject({ prospects: 2 });
    expect(await readProspects(ext)).toEqual([]);
  });
});
