import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import type { Prospect } from '../../src/domain/types';
import { addRows, fakeGmailHtml, inspectPage, INJECTED_SELECTOR, MARKUP_ADDRESSES, showThread, type FakeRow } from '../fixtures/xss-payloads';
import { cardText as cardTextOf, clickInCard, exposeCardToPage, inCard, inContent } from './closedRoots';
import { command, readProspects, readTouches } from './extension';

/**
 * A page on mail.google.com that turns against the extension: its own scripts (page.evaluate runs
 * in the page's main world) forge messages, events and rows. The store is read from an extension
 * page after each attempt, once a round trip through the content script proves it has caught up.
 */
type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched;
let ext: Page;
let gmail: Page;
let ann: Prospect;
let bob: Prospect;
/** Another mailbox's prospect that no test before the retitling mentions, so no tab has it cached. */
let bea: Prospect;

const MAILBOX_A = 'rep@a-team.test';
const MAILBOX_B = 'rep@b-team.test';
const THREAD_A = '18bc1a2b3c4d5e6f';
const THREAD_B = '18bc1a2b3c4d5e70';
const THREAD_B2 = '18bc1a2b3c4d5e72';
const SHARED = 'shared@client.test';

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.context.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html', body: fakeGmailHtml(MAILBOX_A) }));
  ext = await browser.context.newPage();
  await ext.goto(browser.extensionUrl('src/popup/index.html'));
  ann = await command(ext, 'prospect.create', { email: 'ann@client.test', mailbox: MAILBOX_A, name: 'Ann Able', thread: { threadId: THREAD_A, mailbox: MAILBOX_A, subject: 'A deal' } });
  bob = await command(ext, 'prospect.create', { email: 'bob@client.test', mailbox: MAILBOX_B, name: 'Bob Secret', company: 'B-only Corp', notes: 'B-only notes', thread: { threadId: THREAD_B, mailbox: MAILBOX_B, subject: 'B deal' } });
  await command(ext, 'prospect.create', { email: SHARED, mailbox: MAILBOX_B, name: 'Shared via B' });
  bea = await command(ext, 'prospect.create', { email: 'bea@client.test', mailbox: MAILBOX_B, name: 'Bea Hidden', company: 'B2 Corp', notes: 'B2 notes', thread: { threadId: THREAD_B2, mailbox: MAILBOX_B, subject: 'B2 deal' } });
  gmail = await browser.context.newPage();
  await gmail.goto('https://mail.google.com/mail/u/0/#inbox');
  await roundTrip();
});
afterAll(async () => browser?.close());

/**
 * What a page could change: every record, minus the scheduler's own bookkeeping (`notified`,
 * `remindAt`), which it writes on its own clock when a reminder it was already due to show is shown.
 */
const storeState = async () =>
  JSON.stringify([(await readProspects(ext)).map(({ notified: _shown, remindAt: _pending, ...rest }) => rest), await readTouches(ext)]);
const chipOf = (key: string) => gmail.evaluate((k) => document.querySelector(`tr[data-test-row="${k}"] [data-touchbase="chip"]`)?.getAttribute('data-prospect-id') ?? null, key);
const cardText = () => cardTextOf(gmail);

let rounds = 0;
/**
 * Adds a row of Ann's thread with an address never seen before, and waits for its chip: the
 * content script then has asked the background (a lookup queued behind anything it sent
 * earlier, and read after any write those started), so the store can be compared.
 */
async function roundTrip(): Promise<void> {
  const key = `round-${++rounds}`;
  await gmail.evaluate(addRows, [{ key, threadId: THREAD_A, people: [{ email: `fresh${rounds}@round.test`, name: 'Fresh' }], subject: 'Round trip' }]);
  await gmail.waitForFunction(
    ([k, id]) => document.querySelector(`tr[data-test-row="${k}"] [data-touchbase="chip"]`)?.getAttribute('data-prospect-id') === id,
    [key, ann.id] as const,
  );
}

describe('a page that forges messages', () => {
  it('cannot write through window messages, DOM events, forged cards or chrome.runtime', async () => {
    const before = await storeState();
    const runtime = await gmail.evaluate(
      async ({ annId, extensionId, mailbox }) => {
        const envelopes = [
          { tag: 'touchbase/v1', name: 'prospect.create', payload: { email: 'forged@evil.test', mailbox, name: 'Forged' } },
          { tag: 'touchbase/v1', name: 'prospect.decide', payload: { id: annId, outcome: 'lost' } },
          { tag: 'touchbase/v1', name: 'touch.log', payload: { prospectId: annId, channel: 'email', direction: 'inbound', source: 'gmail', note: 'forged' } },
          { tag: 'touchbase/v1', event: 'changed', prospectIds: [annId], settingsChanged: true },
        ];
        for (const message of envelopes) {
          window.postMessage(message, '*');
          window.postMessage(JSON.stringify(message), '*');
          for (const target of [window, document, document.documentElement]) {
            for (const type of ['touchbase', 'touchbase/v1', 'message', message.name ?? 'changed']) target.dispatchEvent(new CustomEvent(type, { detail: message, bubbles: true }));
          }
        }
        // A look-alike card: the page's own buttons with our attributes.
        const fake = document.body.appendChild(document.createElement('div'));
        fake.setAttribute('data-touchbase', 'card');
        const fakeRoot = fake.attachShadow({ mode: 'open' });
        for (const outcome of ['lost', 'nurture']) {
          const button = fakeRoot.appendChild(document.createElement('button'));
          button.setAttribute('data-decide', outcome);
          button.click();
        }
        fake.remove();
        // Without externally_connectable the page has no channel to the background at all.
        const page = window as unknown as { chrome?: { runtime?: { sendMessage?: (id: string, message: unknown) => Promise<unknown> } } };
        if (typeof page.chrome?.runtime?.sendMessage !== 'function') return 'not exposed';
        try {
          return `answered ${JSON.stringify(await page.chrome.runtime.sendMessage(extensionId, envelopes[0]))}`;
        } catch (error) {
          return `refused: ${String(error)}`;
        }
      },
      { annId: ann.id, extensionId: browser.extensionId, mailbox: MAILBOX_A },
    );
    expect(runtime).toMatch(/^(not exposed|refused)/);
    await roundTrip();
    expect(await storeState()).toBe(before);
  });

  it('cannot make the real card act with untrusted events', async () => {
    const forgeries = ['synthetic click on Snooze 1 week', 'change event on Stage', 'requestSubmit() on Log touch', 'synthetic submit on Set cadence', 'click() on Mark lost'];
    const acted: string[] = [];
    await gmail.evaluate(showThread, { threadId: THREAD_A, subject: 'A deal', messages: [{ from: { email: ann.email, name: 'Ann Able' }, to: [{ email: MAILBOX_A, name: 'me' }] }] });
    for (const forgery of [...forgeries, 'requestSubmit() on Track as prospect']) {
      if (forgery.includes('Track')) await gmail.evaluate(showThread, { threadId: '18bc1a2b3c4d5e71', subject: 'Hi', messages: [{ id: '18bc1a2b3c4d5e71', from: { email: 'mallory@evil.test', name: 'Mallory' }, to: [{ email: MAILBOX_A, name: 'me' }] }] });
      await expect.poll(cardText).toMatch(forgery.includes('Track') ? /Track as prospect/ : /Ann Able/);
      const before = await storeState();
      // Even a page holding the card's controls (its root is closed: see the next test) cannot act.
      await exposeCardToPage(gmail, '__heldCard');
      await gmail.evaluate((name) => {
        const root = (window as unknown as { __heldCard: ShadowRoot }).__heldCard;
        const find = <T extends Element>(selector: string) => root.querySelector<T>(selector)!;
        if (name === 'synthetic click on Snooze 1 week') find('[data-snooze="7"]').dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
        if (name === 'change event on Stage') {
          find<HTMLSelectElement>('select[name=stage]').value = 'won';
          find('select[name=stage]').dispatchEvent(new Event('change', { bubbles: true }));
        }
        if (name === 'requestSubmit() on Log touch') find<HTMLFormElement>('[data-form=log]').requestSubmit();
        if (name === 'synthetic submit on Set cadence') {
          find<HTMLInputElement>('[data-form=cadence] input').value = '30';
          find('[data-form=cadence]').dispatchEvent(new SubmitEvent('submit', { cancelable: true }));
        }
        if (name === 'click() on Mark lost') find<HTMLButtonElement>('[data-decide=lost]').click();
        if (name === 'requestSubmit() on Track as prospect') find<HTMLFormElement>('[data-form=track]').requestSubmit();
      }, forgery);
      await roundTrip();
      if ((await storeState()) !== before) acted.push(forgery);
    }
    expect(acted).toEqual([]);
    // The same control still works for a person: Playwright's click is real (trusted) input.
    await clickInCard(gmail, '[data-form=track] button');
    await expect.poll(async () => (await readProspects(ext)).some((p) => p.email === 'mallory@evil.test')).toBe(true);
  });

  /**
   * A page script that waits for the rep's real input in the card, then drives the card: submits
   * every form, clicks every button, picks "Lost" in the stage list. `reach` is how it finds the
   * card: through `host.shadowRoot` (closed: null), or a root handed to it (see exposeCardToPage).
   */
  async function rideOnRealInput(reach: 'shadowRoot' | 'held'): Promise<string[]> {
    await gmail.evaluate(showThread, { threadId: THREAD_A, subject: 'A deal', messages: [{ from: { email: ann.email, name: 'Ann Able' }, to: [{ email: MAILBOX_A, name: 'me' }] }] });
    await expect.poll(cardText).toMatch(/Ann Able/);
    // The note field and the stage list sit behind More in the compact card: the rep opens it first.
    if ((await inCard(gmail, (root) => root.querySelector('button.toggle')?.getAttribute('aria-expanded'), null)) !== 'true') await clickInCard(gmail, 'button.toggle');
    await expect.poll(() => inCard(gmail, (root) => root.querySelector('input[name=note]')?.checkVisibility() ?? false, null)).toBe(true);
    if (reach === 'held') await exposeCardToPage(gmail, '__heldCard');
    const before = await storeState();
    await gmail.evaluate((how) => {
      const ride = (event: Event) => {
        if (!event.isTrusted) return;
        const host = document.querySelector('[data-touchbase="card"]');
        const root = how === 'held' ? (window as unknown as { __heldCard?: ShadowRoot }).__heldCard : host?.shadowRoot;
        if (!root) return document.documentElement.setAttribute('data-ride', 'no root');
        document.documentElement.setAttribute('data-ride', 'rode');
        const stage = root.querySelector<HTMLSelectElement>('select[name=stage]');
        if (stage) {
          stage.value = 'lost';
          stage.dispatchEvent(new Event('change', { bubbles: true }));
        }
        for (const form of root.querySelectorAll('form')) form.requestSubmit();
        for (const button of root.querySelectorAll('button')) button.click();
      };
      for (const type of ['pointerdown', 'mousedown', 'keydown', 'keyup', 'click', 'focusin']) document.addEventListener(type, (event) => setTimeout(() => ride(event)), true);
    }, reach);
    // The rep clicks into the note field and types, then opens the stage list and leaves it.
    await clickInCard(gmail, 'input[name=note]');
    await gmail.keyboard.type('checking in');
    await clickInCard(gmail, 'select[name=stage]');
    await gmail.keyboard.press('Escape');
    await expect.poll(() => gmail.evaluate(() => document.documentElement.getAttribute('data-ride'))).toBe(reach === 'held' ? 'rode' : 'no root');
    await roundTrip();
    const after = await storeState();
    await gmail.reload();
    await roundTrip();
    return after === before ? [] : [`${reach}: the store changed`];
  }

  it('keeps the card and chips closed to page scripts: a script waiting for real input finds no card to drive', async () => {
    const seen = await gmail.evaluate(() => [...document.querySelectorAll('[data-touchbase="card"], [data-touchbase="chip"]')].map((host) => host.shadowRoot === null));
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every(Boolean)).toBe(true);
    expect(await rideOnRealInput('shadowRoot')).toEqual([]);
  });

  it('acts only on the rep\'s own event on the control: a script riding on real input in the same form changes nothing', async () => {
    expect(await rideOnRealInput('held')).toEqual([]);
  });
});

describe('fake rows', () => {
  it('with crafted ids and addresses write nothing, show no other mailbox and break nothing', async () => {
    const before = await storeState();
    const ids = ['../', '../../etc/passwd', '__proto__', 'constructor', `"><img data-xss src=x>`, "'", 'a'.repeat(10_240), 'f'.repeat(10_240), `${THREAD_A}"`,
      THREAD_B, THREAD_B.toUpperCase(), ` ${THREAD_B} `, `#thread-f:${BigInt(`0x${THREAD_B}`)}`];
    const addresses = [...MARKUP_ADDRESSES, bob.email, bob.email.toUpperCase(), SHARED, SHARED.toUpperCase(), '__proto__@x.test', 'constructor@x.test', `${'a'.repeat(10_240)}@x.test`];
    const rows: FakeRow[] = [
      ...ids.map((threadId, i) => ({ key: `id-${i}`, threadId, people: [{ email: `nobody${i}@nowhere.test`, name: 'Nobody' }], subject: 'crafted id' })),
      ...addresses.map((email, i) => ({ key: `address-${i}`, people: [{ email, name: email }], subject: 'crafted address' })),
    ];
    await gmail.evaluate(addRows, rows);
    // An upper-cased address of this mailbox's own prospect is the same person: it gets a chip.
    await gmail.evaluate(addRows, [{ key: 'ann-upper', people: [{ email: ann.email.toUpperCase(), name: 'ANN' }], subject: 'hi' }]);
    await roundTrip();
    expect(await chipOf('ann-upper')).toBe(ann.id);
    const chips = await Promise.all(rows.map(async (row) => [row.key, await chipOf(row.key)] as const));
    expect(chips.filter(([, chip]) => chip !== null)).toEqual([]);
    expect((await inContent(gmail, inspectPage, INJECTED_SELECTOR)).injected).toEqual([]);
    expect(await storeState()).toBe(before);
  });

  it('keep to the mailbox the page loaded with, even when the page retitles itself', async () => {
    await gmail.evaluate((mailbox) => (document.title = `Inbox - ${mailbox} - Gmail`), MAILBOX_B);
    const keys = ['b-by-thread', 'b-by-address', 'a-after-retitle'];
    await gmail.evaluate(addRows, [
      { key: keys[0]!, threadId: THREAD_B2, people: [{ email: 'someone@else.test', name: 'Someone' }], subject: 'B deal' },
      { key: keys[1]!, people: [{ email: bea.email, name: 'Bea' }], subject: 'B deal' },
      { key: keys[2]!, threadId: THREAD_A, people: [{ email: 'fresh-retitle@round.test', name: 'Fresh' }], subject: 'A deal' },
    ]);
    await gmail.evaluate(showThread, { threadId: THREAD_B2, subject: 'B deal', messages: [{ id: THREAD_B2, from: { email: 'carol@client.test', name: 'Carol' }, to: [{ email: MAILBOX_B, name: 'me' }] }] });
    // Whichever mailbox the content script believes in, it draws a chip on one of the new rows and a card.
    await expect.poll(async () => (await Promise.all(keys.map(chipOf))).some(Boolean) && (await cardText()) !== null).toBe(true);
    const shown = (await inContent(gmail, inspectPage, INJECTED_SELECTOR)).ourText.join('\n');
    const leaked = [bea.name, bea.company, bea.notes].filter((secret) => shown.includes(secret));
    expect({ chips: await Promise.all(keys.map(chipOf)), leaked }).toEqual({ chips: [null, null, ann.id], leaked: [] });
  });
});
