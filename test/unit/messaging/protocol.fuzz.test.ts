import fc from 'fast-check';
import { deserialize, serialize } from 'node:v8';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRouter, type Route } from '../../../src/background/router';
import { GMAIL_ORIGIN, type SenderInfo } from '../../../src/background/senders';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { parseRequest } from '../../../src/messaging/parseRequest';
import { envelope, PROTOCOL_TAG, type MessageName } from '../../../src/messaging/protocol';
import type { TouchbaseDB } from '../../../src/store/db';
import { SETTINGS_KEY } from '../../../src/store/schema';
import { freshDB, NOW } from '../store/helpers';
import { payloads, plainData, recordIdOf, stageIdOf, strangeKey, type Field } from './arbitraries';

/**
 * "Every malformed input is refused with a clear error and changes nothing": properties over
 * parseRequest and over the router on a seeded store. Seeds are random; a failure prints the
 * seed and path to replay it with fc.assert(…, { seed, path }).
 */
const RUNS = { validPerMessage: 150, anything: 1200, unknownName: 300, oneFault: 4000, routerInvalid: 800, routerForbidden: 500 };
const NAMES = Object.keys(payloads()) as MessageName[];
// Unknown names run three times: parsed as text, parsed as other data, and through the router.
const TOTAL_RUNS =
  RUNS.validPerMessage * NAMES.length + RUNS.anything + 3 * RUNS.unknownName + RUNS.oneFault + RUNS.routerInvalid + RUNS.routerForbidden;

// Taken before any generated input is parsed, to prove none of them reached a prototype.
const prototypesBefore = describePrototypes();

const EXT_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXT_ID}/`;
const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox';
const pageSender: SenderInfo = { id: EXT_ID, url: `${ORIGIN}src/popup/index.html` };
const gmailTabSender: SenderInfo = { id: EXT_ID, url: GMAIL_URL, tab: { id: 3 } };
const allowedSender = fc.constantFrom<SenderInfo>(pageSender, gmailTabSender);
/** Undoing a send is served to Gmail tabs only: its malformed requests come from one. */
const SERVED_TO_GMAIL_TAB_ONLY = new Set<unknown>(['touch.withdraw', 'send.relay']);
const senderOf = (message: unknown): SenderInfo =>
  SERVED_TO_GMAIL_TAB_ONLY.has((message as { name?: unknown } | null | undefined)?.name) ? gmailTabSender : pageSender;

/** Senders the background must refuse: web pages, look-alike hosts, other extensions, no tab. */
const forbiddenSender = fc.oneof(
  fc.constantFrom<SenderInfo>(
    ...[
      'https://evil.test/',
      'https://mail.google.com.evil.test/mail/u/0/',
      'https://mail.google.com@evil.test/',
      'http://mail.google.com/mail/u/0/',
      'https://evil.test/?https://mail.google.com/',
      'https://evil.test/#https://mail.google.com',
      'https://mail-google.com/',
      'https://gmail.com/',
      'chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba/popup.html',
      'moz-extension://abcdefghijklmnopabcdefghijklmnop/popup.html',
      'file:///home/rep/mail.google.com/index.html',
    ].map((url) => ({ id: EXT_ID, url, tab: { id: 9 } })),
    { id: EXT_ID, url: GMAIL_URL },
    { id: EXT_ID, tab: { id: 9 } },
    { url: `${ORIGIN}src/popup/index.html` },
    { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: `${ORIGIN}src/popup/index.html` },
    { id: 'ponmlkjihgfedcbaponmlkjihgfedcba', url: GMAIL_URL, tab: { id: 3 } },
  ),
  fc.webUrl({ withQueryParameters: true, withFragments: true }).filter((url) => !URL.canParse(url) || new URL(url).origin !== GMAIL_ORIGIN).map((url) => ({ id: EXT_ID, url, tab: { id: 1 } })),
  fc.string().filter((id) => id !== EXT_ID).map((id) => ({ id, url: GMAIL_URL, tab: { id: 1 } })),
);

/** Whole messages that are not ours: random plain data, wrong tags, non-object envelopes. */
const notTouchbase = fc
  .oneof(
    fc.anything({ key: strangeKey, maxDepth: 3 }),
    fc.record({
      tag: fc.oneof(fc.constantFrom('touchbase/v2', 'Touchbase/v1', ' touchbase/v1', 'touchbase/v1 ', 'touchbase', ''), plainData),
      name: fc.constantFrom(...NAMES),
      payload: plainData,
    }),
    fc.constantFrom(...NAMES).map((name) => [PROTOCOL_TAG, name, {}]),
  )
  .filter((message) => (message as { tag?: unknown } | null)?.tag !== PROTOCOL_TAG);

/** Our tag with a name we do not serve, as text, and as other plain data (which may carry a `toString` key). */
const named = (name: unknown) => ({ tag: PROTOCOL_TAG, name, payload: {} });
const unknownTextName = fc
  .oneof(fc.constantFrom('prospect.destroy', 'Lookup', ' lookup', 'lookup ', 'settings.get\u0000', 'toString', '__proto__'), fc.string())
  .filter((name) => !NAMES.includes(name as MessageName))
  .map(named);
const nonTextName = fc
  .oneof(plainData.filter((name) => typeof name !== 'string'), fc.constantFrom<unknown>(JSON.parse('{"toString":1}'), [JSON.parse('{"valueOf":{},"toString":0}')]))
  .map(named);

/** A well-formed envelope whose payload has exactly one fault, and the error prefix that names it. */
const oneFault = (specs: Record<MessageName, Field>) =>
  fc
    .constantFrom(...NAMES)
    .chain((name) => specs[name].invalid.map((fault) => ({ name, fault })))
    .map(({ name, fault }) => ({ message: { tag: PROTOCOL_TAG, name, payload: fault.value }, names: `${name}: payload${fault.at}: ` }));

const validRequest = (specs: Record<MessageName, Field>) =>
  fc.constantFrom(...NAMES).chain((name) => specs[name].valid.map((sample) => ({ tag: PROTOCOL_TAG, name, payload: sample.sent })));

function refusal(message: unknown): string {
  const result = parseRequest(message);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.error;
}

describe(`message protocol fuzz: ${TOTAL_RUNS} generated cases`, () => {
  describe(`accepts every valid request as sent, trimmed text and email case aside (${RUNS.validPerMessage} runs each)`, () => {
    const specs = payloads();
    it.each(NAMES)('%s', (name) => {
      const property = fc.property(specs[name].valid, (sample) => {
        const result = parseRequest({ tag: PROTOCOL_TAG, name, payload: sample.sent });
        expect(result).toStrictEqual({ ok: true, value: { tag: PROTOCOL_TAG, name, payload: sample.parsed } });
      });
      fc.assert(property, { numRuns: RUNS.validPerMessage });
    });
  });

  describe('refuses malformed input with an error naming what is wrong, and never throws', () => {
    it(`random plain data, wrong tags and non-object envelopes (${RUNS.anything} runs)`, () => {
      fc.assert(fc.property(notTouchbase, (message) => {
        expect(refusal(message)).toBe('not a Touchbase message');
      }), { numRuns: RUNS.anything });
    });

    it.each([
      ['given as text', unknownTextName],
      ['given as other plain data', nonTextName],
    ])(`unknown message names, %s (${RUNS.unknownName} runs)`, (_kind, messages) => {
      fc.assert(fc.property(messages, (message) => {
        expect(refusal(message)).toMatch(/^unknown message /);
      }), { numRuns: RUNS.unknownName });
    });

    it(`valid envelopes with one payload field broken (${RUNS.oneFault} runs)`, () => {
      const property = fc.property(oneFault(payloads()), ({ message, names }) => {
        expect(refusal(message).slice(0, names.length)).toBe(names);
      });
      fc.assert(property, { numRuns: RUNS.oneFault });
    });
  });

  describe('through the router, over a seeded store', () => {
    let db: TouchbaseDB;
    let route: Route;
    let ids: string[];
    let baseline: Buffer;
    const calls = { afterWrite: 0, openThread: 0 };

    beforeAll(async () => {
      db = await freshDB();
      route = createRouter({
        extensionId: EXT_ID,
        extensionOrigin: ORIGIN,
        db: async () => db,
        now: () => NOW,
        afterWrite: async () => void (calls.afterWrite += 1),
        openThread: async () => void (calls.openThread += 1),
      });
      ids = await seed(db, route);
    });

    // Each property starts from what is stored now, so one failure does not cascade into the next.
    beforeEach(async () => {
      Object.assign(calls, { afterWrite: 0, openThread: 0 });
      baseline = await snapshot(db);
    });

    /** The store is byte-for-byte what it was, and no write or side effect was announced. */
    async function expectNothingChanged(): Promise<void> {
      const now = await snapshot(db);
      if (!now.equals(baseline)) expect(deserialize(now)).toStrictEqual(deserialize(baseline));
      expect(now.equals(baseline)).toBe(true);
      expect(calls).toEqual({ afterWrite: 0, openThread: 0 });
    }

    it(`answers malformed requests from our own pages with "invalid" (${RUNS.routerInvalid} runs)`, async () => {
      // Faults aimed at stored ids: were a fault let through, it would reach a real record.
      const aimed = oneFault(payloads(recordIdOf(fc.constantFrom(...ids)))).map((c) => c.message);
      // From a Gmail tab, a well-named command it may not send is refused as forbidden before its
      // payload is read (router.test.ts sends every command from there).
      const property = fc.asyncProperty(fc.oneof(notTouchbase, unknownTextName, aimed, aimed), async (message) => {
        expect(await route(message, senderOf(message))).toMatchObject({ ok: false, code: 'invalid' });
        await expectNothingChanged();
      });
      await fc.assert(property, { numRuns: RUNS.routerInvalid });
    });

    it(`answers message names that are not text with "invalid" too (${RUNS.unknownName} runs)`, async () => {
      const property = fc.asyncProperty(nonTextName, allowedSender, async (message, sender) => {
        expect(await route(message, sender)).toMatchObject({ ok: false, code: 'invalid' });
        await expectNothingChanged();
      });
      await fc.assert(property, { numRuns: RUNS.unknownName });
    });

    it(`answers valid requests from anyone else with "forbidden" (${RUNS.routerForbidden} runs)`, async () => {
      const requests = validRequest(payloads(recordIdOf(fc.constantFrom(...ids)), stageIdOf(fc.constantFrom('won', 'lost', 'nurture'))));
      const property = fc.asyncProperty(requests, forbiddenSender, async (message, sender) => {
        expect(await route(message, sender)).toEqual({ ok: false, code: 'forbidden', error: 'sender is not allowed' });
        await expectNothingChanged();
      });
      await fc.assert(property, { numRuns: RUNS.routerForbidden });
    });

    it('control: the snapshot does see a write that is allowed', async () => {
      const reply = await route(envelope('prospect.update', { id: ids[0]!, patch: { notes: 'changed' } }), { id: EXT_ID, url: `${ORIGIN}x.html` });
      expect(reply.ok).toBe(true);
      expect((await snapshot(db)).equals(baseline)).toBe(false);
      expect(calls.afterWrite).toBe(1);
    });
  });

  it('leaves Object.prototype and Array.prototype as they were', () => {
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(describePrototypes()).toStrictEqual(prototypesBefore);
  });
});

/** Prospects (one with a thread), touches and a settings record, written the normal way. */
async function seed(db: TouchbaseDB, route: Route): Promise<string[]> {
  await db.put('settings', DEFAULT_SETTINGS, SETTINGS_KEY);
  const popup = { id: EXT_ID, url: `${ORIGIN}src/popup/index.html` };
  const thread = { threadId: '18bc1a2b3c4d5e6f', mailbox: 'rep@example.com', subject: 'Pricing' };
  const send = async (message: unknown) => {
    const reply = await route(message, popup);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as { id: string };
  };
  const ids: string[] = [];
  for (const [index, email] of ['ana@acme.test', 'bo@globex.test', 'chen@initech.test'].entries()) {
    const { id } = await send(envelope('prospect.create', { email, mailbox: 'rep@example.com', name: email, ...(index === 0 ? { thread } : {}) }));
    await send(envelope('touch.log', { prospectId: id, channel: 'email', direction: 'outbound', source: 'gmail', messageId: `18c2f0a1b2c3d4e${index}`, note: '' }));
    ids.push(id);
  }
  return ids;
}

/** Every object store's keys and values, plus the schema version, as bytes. */
async function snapshot(db: TouchbaseDB): Promise<Buffer> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names);
  const stores = await Promise.all(names.map(async (name) => [name, await tx.objectStore(name).getAllKeys(), await tx.objectStore(name).getAll()]));
  return serialize({ version: db.version, stores });
}

/** Own keys and descriptors (values by identity) of the prototypes a polluting key would reach. */
function describePrototypes() {
  const own = (proto: object) => Reflect.ownKeys(proto).map((key) => ({ key: String(key), ...Object.getOwnPropertyDescriptor(proto, key) }));
  return { object: own(Object.prototype), array: own(Array.prototype) };
}
