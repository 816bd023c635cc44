import fc from 'fast-check';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { DEFAULT_STAGES } from '../../../src/domain/stages';
import { CHANNELS, DECISION_MAKER, DIRECTIONS, TOUCH_SOURCES } from '../../../src/domain/types';
import type { MessageName } from '../../../src/messaging/protocol';

/**
 * Generators for the message protocol, written from the rules it states (not from its code) so
 * that the two can disagree. Every field yields
 * - `valid`: what a caller sends and what parseRequest must hand on. They are equal except for
 *   the documented normalizing: surrounding whitespace of trimmed text, and email letter case;
 * - `invalid`: the field's value with exactly one fault, and the path below the field (`at`,
 *   '' for the field itself) that the error message must name.
 */
export interface Sample { readonly sent: unknown; readonly parsed: unknown }
export interface Fault { readonly value: unknown; readonly at: string }
export interface Field { readonly valid: fc.Arbitrary<Sample>; readonly invalid: fc.Arbitrary<Fault> }

/** Year 2200 in epoch ms: the protocol's ceiling for any instant. */
const MAX_MILLIS = 7_258_118_400_000;

/** Keys that attack an object's prototype, or name fields only the store may set. */
export const strangeKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'id', 'email', 'touchCount', 'threads'),
  fc.string({ maxLength: 12 }),
);

/** Any plain data the runtime channel can carry; structured clone (Firefox) keeps NaN and ±Infinity. */
export const plainData = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(undefined, Number.NaN, Infinity, -Infinity, JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown),
);

const fault = (at: string) => (value: unknown): Fault => ({ value, at });
const same = (value: unknown): Sample => ({ sent: value, parsed: value });
const wrongKind = (isRightKind: (value: unknown) => boolean) => plainData.filter((v) => !isRightKind(v)).map(fault(''));
const isText = (value: unknown) => typeof value === 'string';
const tooLong = (max: number, char = 'x') => fc.integer({ min: max + 1, max: max + 40 }).map((n) => char.repeat(n));

/** Whitespace that String.prototype.trim removes. */
const padding = fc.constantFrom('', '', ' ', '  ', '\t', '\n', '\u00a0');
const padded = (text: fc.Arbitrary<string>) => fc.tuple(padding, text, padding).map(([l, t, r]) => ({ sent: l + t + r, parsed: t }));

/** `text` with `chars` strictly inside it, where trimming cannot remove it. */
const withInside = (text: fc.Arbitrary<string>, chars: readonly string[]) =>
  fc.tuple(text, fc.constantFrom(...chars), fc.nat()).map(([t, c, n]) => {
    const cut = n % (t.length + 1);
    return `a${t.slice(0, cut)}${c}${t.slice(cut)}a`;
  });

/** Names, companies, subjects: trimmed, at most `max` characters. */
function freeText(max: number): Field {
  const words = fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => s.trim()).filter((s) => s.length <= max);
  const realistic = fc.constantFrom('Ana Silva', 'Zoë Müller-Lüdenscheidt', '李雷', "O'Brien & Co. <sales>", '');
  return {
    valid: padded(fc.oneof(realistic, words, fc.constant('n'.repeat(max)))),
    invalid: fc.oneof(wrongKind(isText), tooLong(max).map(fault(''))),
  };
}

/** Notes: kept exactly as typed, so whitespace counts towards the limit. */
function verbatimText(max: number): Field {
  return {
    valid: fc.oneof(fc.string({ maxLength: 200 }), fc.constant(' \n'.repeat(max / 2))).map(same),
    invalid: fc.oneof(wrongKind(isText), tooLong(max, ' ').map(fault(''))),
  };
}

/** Required free text (a server address, a user name): trimmed, at least one character, bounded. */
function requiredText(max: number): Field {
  return {
    valid: padded(fc.stringMatching(/^[a-z0-9.:/-]{1,40}$/)),
    invalid: fc.oneof(wrongKind(isText), fc.oneof(fc.constantFrom('', '   ', '\n'), tooLong(max)).map(fault(''))),
  };
}

/** Ids and codes: required, trimmed, bounded, with a fixed alphabet. */
function token(valid: fc.Arbitrary<string>, max: number, outsideAlphabet: readonly string[]): Field {
  const empty = fc.constantFrom('', '   ', '\n');
  return {
    valid: padded(valid),
    invalid: fc.oneof(wrongKind(isText), fc.oneof(empty, tooLong(max), withInside(valid, outsideAlphabet)).map(fault(''))),
  };
}

function choice(values: readonly string[]): Field {
  // Enums are compared exactly: no trimming, no case folding.
  const near = fc.constantFrom(...values).chain((v) => fc.constantFrom(v.toUpperCase(), ` ${v}`, `${v}s`, ''));
  return {
    valid: fc.constantFrom(...values).map(same),
    invalid: fc.oneof(wrongKind(isText), fc.oneof(near, fc.string()).filter((v) => !values.includes(v)).map(fault(''))),
  };
}

function number(opts: { min: number; max: number; integer?: boolean; nullable?: boolean; valid: fc.Arbitrary<number> }): Field {
  const { min, max } = opts;
  const below = opts.integer ? fc.integer({ min: min - 1e9, max: min - 1 }) : fc.double({ min: min - 1e9, max: min - 0.001, noNaN: true });
  const bad = [fc.constantFrom(Number.NaN, Infinity, -Infinity, Number.MAX_VALUE), below, fc.integer({ min: max + 1, max: max + 1e9 })];
  if (opts.integer) bad.push(fc.integer({ min, max: max - 1 }).map((n) => n + 0.5));
  const valid = opts.nullable ? fc.option(opts.valid, { nil: null }) : opts.valid;
  return {
    valid: valid.map(same),
    invalid: fc.oneof(wrongKind((v) => typeof v === 'number' || (opts.nullable === true && v === null)), fc.oneof(...bad).map(fault(''))),
  };
}

/** Sets `key` as an own data property, even `__proto__` (as JSON.parse and structured clone do). */
function withKey(value: unknown, key: string, item: unknown): Record<string, unknown> {
  const copy = { ...(value as Record<string, unknown>) };
  Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** A plain object with exactly the keys of `shape`; those in `optional` may be absent. */
function object(shape: Record<string, Field>, optional: readonly string[] = []): Field {
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !optional.includes(k));
  const samples = fc.record(Object.fromEntries(keys.map((k) => [k, shape[k]!.valid])), { requiredKeys: required, noNullPrototype: true });
  const split = (part: keyof Sample) => (record: Record<string, Sample>) =>
    Object.fromEntries(Object.entries(record).map(([k, s]) => [k, s[part]]));
  const valid = samples.map((record) => ({ sent: split('sent')(record), parsed: split('parsed')(record) }));
  const sent = samples.map(split('sent'));
  const extra = fc.tuple(sent, strangeKey.filter((k) => !keys.includes(k)), plainData);
  const faults: fc.WeightedArbitrary<Fault>[] = [
    { arbitrary: wrongKind((v) => typeof v === 'object' && v !== null && !Array.isArray(v)), weight: 1 },
    { arbitrary: extra.map(([v, k, x]) => ({ value: withKey(v, k, x), at: `.${k}` })), weight: 2 },
  ];
  if (required.length > 0) {
    const missing = fc.tuple(sent, fc.constantFrom(...required));
    const without = (v: Record<string, unknown>, k: string) => Object.fromEntries(Object.entries(v).filter(([key]) => key !== k));
    faults.push({ arbitrary: missing.map(([v, k]) => ({ value: without(v, k), at: `.${k}` })), weight: 2 });
  }
  if (keys.length > 0) {
    // One broken field is the likeliest real fault: weigh it by how many fields there are.
    const inner = fc.constantFrom(...keys).chain((k) => fc.tuple(fc.constant(k), sent, shape[k]!.invalid));
    faults.push({ arbitrary: inner.map(([k, v, f]) => ({ value: withKey(v, k, f.value), at: `.${k}${f.at}` })), weight: keys.length });
  }
  return { valid, invalid: fc.oneof(...faults) };
}

/** A list of at most `max` items (generated short, plus one at the limit now and then). */
function list(item: Field, max: number): Field {
  const full = item.valid.map((s) => ({ sent: Array<unknown>(max).fill(s.sent), parsed: Array<unknown>(max).fill(s.parsed) }));
  const short = fc.array(item.valid, { maxLength: 6 }).map((items) => ({ sent: items.map((s) => s.sent), parsed: items.map((s) => s.parsed) }));
  const sent = fc.array(item.valid.map((s) => s.sent), { maxLength: 6 });
  const badItem = fc.tuple(sent, fc.nat(), item.invalid).map(([items, n, f]) => {
    const index = n % (items.length + 1);
    return { value: [...items.slice(0, index), f.value, ...items.slice(index)], at: `[${index}]${f.at}` };
  });
  return {
    valid: fc.oneof({ arbitrary: short, weight: 20 }, { arbitrary: full, weight: 1 }),
    invalid: fc.oneof(wrongKind(Array.isArray), item.valid.map((s) => ({ value: Array<unknown>(max + 1).fill(s.sent), at: '' })), badItem),
  };
}

const address = fc
  .tuple(fc.stringMatching(/^[a-z0-9]([a-z0-9._+-]{0,18}[a-z0-9])?$/), fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,12}[a-z0-9])?(\.[a-z]{2,6}){1,2}$/))
  .map(([local, domain]) => `${local}@${domain}`);
const notAddresses = fc.constantFrom('', ' ', 'ana', 'ana@', '@acme.test', 'ana@acme', 'ana@acme..test', 'ana@acme.test.', `${'a'.repeat(250)}@acme.test`);
const email: Field = {
  valid: address.chain((a) => fc.tuple(padding, fc.mixedCase(fc.constant(a)), padding).map(([l, m, r]) => ({ sent: l + m + r, parsed: a }))),
  invalid: fc.oneof(wrongKind(isText), fc.oneof(notAddresses, withInside(address, [' ', '\t', '<', '>', '"', "'", '`', ',', ';', ':', '(', ')', '[', ']', '\\', '@'])).map(fault(''))),
};
const mailbox: Field = { valid: fc.oneof(fc.constant(same('')), email.valid), invalid: email.invalid.filter((f) => f.value !== '') };

const gmailIdValues = fc.oneof(
  fc.stringMatching(/^[0-9a-f]{16}$/),
  fc.tuple(fc.constantFrom('#thread-f:', '#msg-f:', '#msg-a:r-'), fc.nat({ max: Number.MAX_SAFE_INTEGER })).map(([p, n]) => `${p}${n}`),
);
const pathCharacters = ['/', '\\', '.', '..', ' ', '%2e', '?', '&', '<', '>', '"', '\u0000', '\n', '\u202e', 'é'];
export const recordIdOf = (values: fc.Arbitrary<string>) => token(values, 64, ['#', ':', ...pathCharacters]);
export const stageIdOf = (values: fc.Arbitrary<string>) => token(values, 40, ['A', ...pathCharacters]);
const recordId = recordIdOf(fc.oneof(fc.uuid(), fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/)));
const stageId = stageIdOf(fc.oneof(fc.constantFrom(...DEFAULT_STAGES.map((s) => s.id)), fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/)));
const gmailId = token(gmailIdValues, 80, pathCharacters);
/** An id the sender picks for a record it creates (so resending is safe): a UUID, either case. */
const senderChosenId = token(fc.uuid().chain((u) => fc.constantFrom(u, u.toUpperCase())), 36, pathCharacters);
const millis = (nullable: boolean) => number({ min: 0, max: MAX_MILLIS, integer: true, nullable, valid: fc.integer({ min: 0, max: MAX_MILLIS }) });

const day = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const notDays = ['', '2026-02-29', '2026-02-30', '2025-13-01', '2025-00-10', '31/12/2026', '2026-1-1', '2026-01-01T00:00'];
const isoDate: Field = {
  valid: fc.oneof(fc.constant(same(null)), padded(fc.oneof(day, fc.constant('2028-02-29')))),
  invalid: fc.oneof(wrongKind((v) => isText(v) || v === null), fc.constantFrom(...notDays).map(fault(''))),
};
const currency: Field = {
  valid: padded(fc.oneof(fc.constantFrom('', 'EUR', 'USD', 'JPY'), fc.stringMatching(/^[A-Z]{3}$/))),
  invalid: fc.oneof(wrongKind(isText), fc.constantFrom('usd', 'Eur', 'EURO', 'E1R', 'U D', 'US', '€').map(fault(''))),
};

const prospectFields = (stage: Field): Record<string, Field> => ({
  name: freeText(200),
  company: freeText(200),
  stageId: stage,
  value: number({ min: 0, max: 1e12, nullable: true, valid: fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.double({ min: 0, max: 1e12, noNaN: true })) }),
  currency,
  decisionMaker: choice(DECISION_MAKER),
  expectedCloseDate: isoDate,
  channel: choice(CHANNELS),
  cadenceDays: number({ min: 1, max: 365, integer: true, nullable: true, valid: fc.integer({ min: 1, max: 365 }) }),
  nextMeetingAt: millis(true),
  snoozedUntil: millis(true),
  notes: verbatimText(5000),
});

/** Settings: valid ones differ from the defaults in allowed ways; each fault breaks one rule. */
const settingsField: Field = {
  valid: fc
    .record({ reminderHour: fc.integer({ min: 0, max: 23 }), workingDays: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }), notificationsEnabled: fc.boolean() })
    .map((patch) => ({ sent: { ...DEFAULT_SETTINGS, ...patch }, parsed: { ...DEFAULT_SETTINGS, ...patch, workingDays: [...patch.workingDays].sort((a, b) => a - b) } })),
  invalid: fc.oneof(
    wrongKind((value) => typeof value === 'object' && value !== null && !Array.isArray(value)),
    fc.constantFrom<Fault>(
      { value: { ...DEFAULT_SETTINGS, reminderHour: 24 }, at: '.reminderHour' },
      { value: { ...DEFAULT_SETTINGS, workingDays: [] }, at: '.workingDays' },
      { value: { ...DEFAULT_SETTINGS, stopAfterTouches: 0.5 }, at: '.stopAfterTouches' },
      { value: { ...DEFAULT_SETTINGS, theme: 'dark' }, at: '.theme' },
      { value: { ...DEFAULT_SETTINGS, stages: [{ ...DEFAULT_STAGES[0], name: '<b>x</b>' }] }, at: '.stages[0].name' },
    ),
  ),
};

/** A yes or no: true or false, nothing that merely looks like one. */
const yesNo: Field = { valid: fc.boolean().map(same), invalid: wrongKind((value) => typeof value === 'boolean') };

/** Import files: any text is carried; the importers judge it. */
const fileText: Field = { valid: fc.string({ maxLength: 300 }).map(same), invalid: wrongKind(isText) };

/**
 * The payload of every message. `ids` and `stages` let a test aim valid requests at stored
 * records; typed by MessageName, so a new message cannot be left out.
 */
export function payloads(ids: Field = recordId, stages: Field = stageId): Record<MessageName, Field> {
  const fields = prospectFields(stages);
  const fieldKeys = Object.keys(fields);
  const thread = object({ threadId: gmailId, mailbox: email, subject: freeText(500) });
  const touch = { prospectId: ids, channel: choice(CHANNELS), direction: choice(DIRECTIONS), source: choice(TOUCH_SOURCES) };
  return {
    'prospect.create': object({ email, mailbox, thread, ...fields, id: senderChosenId }, ['thread', ...fieldKeys, 'id']),
    'prospect.update': object({ id: ids, patch: object(fields, fieldKeys) }),
    'prospect.decide': object({ id: ids, outcome: choice(['nurture', 'lost']) }),
    'prospect.linkThread': object({ id: ids, thread }),
    'touch.log': object(
      { ...touch, at: millis(false), messageId: gmailId, threadId: gmailId, note: verbatimText(2000), touchId: senderChosenId },
      ['at', 'messageId', 'threadId', 'touchId'],
    ),
    'touch.withdraw': object({ touchId: senderChosenId, mailbox }),
    'send.relay': object(
      {
        recipients: list(object({ email, name: freeText(200) }), 100),
        at: millis(false),
        days: number({ min: 1, max: 365, integer: true, valid: fc.integer({ min: 1, max: 365 }) }),
      },
      ['days'],
    ),
    lookup: object({ mailbox, threadIds: list(gmailId, 2000), emails: list(email, 5000), prospectIds: list(ids, 2000) }, ['prospectIds']),
    'lookup.mailbox': object({ mailbox }),
    'touch.recent': object({ prospectId: ids, limit: number({ min: 1, max: 50, integer: true, valid: fc.integer({ min: 1, max: 50 }) }) }),
    'settings.get': object({}),
    'prospect.openThread': object({ id: ids }),
    'settings.update': object({ settings: settingsField }),
    'settings.cardOpen': object({ open: yesNo }),
    'import.preview': object({ kind: choice(['backup', 'csv']), text: fileText }),
    'import.apply': object({ kind: choice(['backup', 'csv']), text: fileText }),
    'data.deleteAll': object({}),
    'sync.connect': object({ serverUrl: requiredText(2000), database: requiredText(238), user: requiredText(200), password: verbatimText(1000) }),
    'sync.disconnect': object({}),
    'sync.status': object({}),
    'sync.now': object({}),
  };
}
