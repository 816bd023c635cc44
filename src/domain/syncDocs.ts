import { parseHlc, type HlcStamp } from './hlc';
import { channel, direction, email, gmailId, mailbox, millis, prospectFieldChecks, prospectNotes, stageId, threadLinks, touchNote, touchSource } from './inputs';
import { gmailTouchSyncId, prospectSyncKey, SYNCED_FIELDS, type SyncedProspect, type SyncedTouch } from './merge';
import { DEFAULT_SETTINGS } from './settings';
import { checkSettingsChange } from './settingsInput';
import { SYNCED_SETTINGS_FIELDS, syncedSettingsValues, type SyncedSettings, type SyncedSettingsField } from './settingsSync';
import { arrayOf, bool, isPlainObject, nullable, object, refuse, str, type Check, type Result } from './validate';

/**
 * The documents Touchbase writes to the rep's CouchDB, and the checks every document read back
 * passes before it may touch the store. A server is outside our trust: a document that is not
 * exactly this shape is refused whole, with the field that is wrong, and nothing local changes.
 * Text stays text (a note with `<b>` in it is a note, shown as typed, never markup).
 */

const MAX_NOTE_VERSIONS = 20;
const MAX_REPLACED_NOTES = 10_000;
const MAX_STAGE_VISITS = 1000;
const MAX_ID_LENGTH = 600;

/** CouchDB's own bookkeeping on a document; read past, never stored. */
const SERVER_FIELDS = ['_rev', '_revisions', '_conflicts'] as const;

export const stamp: Check<HlcStamp> = (value, path) =>
  parseHlc(value) !== null ? { ok: true, value: value as HlcStamp } : refuse(path || 'stamp', 'badFormat');

function register<T>(check: Check<T>): Check<{ value: T; stamp: HlcStamp }> {
  return object({ value: check, stamp });
}

const fieldRegisters = object({
  email: register(email),
  name: register(prospectFieldChecks.name),
  company: register(prospectFieldChecks.company),
  stageId: register(prospectFieldChecks.stageId),
  value: register(prospectFieldChecks.value),
  currency: register(prospectFieldChecks.currency),
  decisionMaker: register(prospectFieldChecks.decisionMaker),
  expectedCloseDate: register(prospectFieldChecks.expectedCloseDate),
  channel: register(prospectFieldChecks.channel),
  cadenceDays: register(prospectFieldChecks.cadenceDays),
  nextMeetingAt: register(prospectFieldChecks.nextMeetingAt),
  snoozedUntil: register(prospectFieldChecks.snoozedUntil),
} satisfies Record<(typeof SYNCED_FIELDS)[number], Check<unknown>>);

const notes = object({
  versions: arrayOf(object({ text: prospectNotes, stamp }), { max: MAX_NOTE_VERSIONS }),
  replaced: arrayOf(stamp, { max: MAX_REPLACED_NOTES }),
});

const prospectDocShape = object({
  _id: str({ min: 1, max: MAX_ID_LENGTH, pattern: /^prospect:/ }),
  type: str({ min: 1, max: 20, pattern: /^prospect$/ }),
  mailbox,
  createdAt: millis,
  fields: fieldRegisters,
  notes,
  threads: threadLinks,
  stageVisits: arrayOf(object({ stageId, enteredAt: millis, stamp }), { max: MAX_STAGE_VISITS }),
  deletedAt: nullable(stamp),
});

const touchDocShape = object(
  {
    _id: str({ min: 1, max: MAX_ID_LENGTH, pattern: /^touch:[^\s]+$/ }),
    type: str({ min: 1, max: 20, pattern: /^touch$/ }),
    prospectKey: str({ min: 1, max: MAX_ID_LENGTH, pattern: /^prospect:/ }),
    at: millis,
    channel,
    direction,
    source: touchSource,
    messageId: gmailId,
    threadId: gmailId,
    note: touchNote,
    createdAt: millis,
    deleted: bool,
  },
  ['messageId', 'threadId'],
);

/** The one settings document of a pipeline: settings are one record per store, as prospects' stages are. */
export const SETTINGS_DOC_ID = 'settings';

/** Any value: a settings register's value is checked with the whole record, below. */
const anyValue: Check<unknown> = (value) => ({ ok: true, value });

const settingsDocShape = object({
  _id: str({ min: 1, max: 20, pattern: /^settings$/ }),
  type: str({ min: 1, max: 20, pattern: /^settings$/ }),
  fields: object(Object.fromEntries(SYNCED_SETTINGS_FIELDS.map((field) => [field, object({ value: anyValue, stamp })])) as Record<SyncedSettingsField, Check<{ value: unknown; stamp: HlcStamp }>>),
});

function withoutServerFields(doc: unknown): unknown {
  if (!isPlainObject(doc)) return doc;
  const copy: Record<string, unknown> = { ...doc };
  for (const field of SERVER_FIELDS) delete copy[field];
  return copy;
}

/**
 * The key a prospect document must carry: its own mailbox and its own address (an address is
 * never edited, so it is the one the prospect was created with). A document cannot land on
 * another prospect by naming it in its `_id`.
 */
function keyMatchesOwnFields(id: string, ownMailbox: string, ownEmail: string): boolean {
  const prefix = prospectSyncKey(ownMailbox, '');
  if (!id.startsWith(prefix)) return false;
  const address = id.slice(prefix.length);
  return email(address, '_id').ok && prospectSyncKey(ownMailbox, address) === id && prospectSyncKey(ownMailbox, ownEmail) === id;
}

const GMAIL_TOUCH_ID = /^touch:[^:]*:gmail:/;

/**
 * A touch of a Gmail message is named by its prospect's mailbox, the message and the prospect's
 * address; any other touch by an id of its own that does not look like one. So a document cannot
 * take the name of another prospect's message.
 */
function touchIdMatchesOwnFields(id: string, prospectKey: string, messageId: string | undefined): boolean {
  if (messageId === undefined) return !GMAIL_TOUCH_ID.test(id);
  const owner = prospectKey.slice('prospect:'.length);
  const split = owner.indexOf(':');
  if (split < 0) return false;
  return id === `${gmailTouchSyncId(owner.slice(0, split), messageId)}:${owner.slice(split + 1)}`;
}

export function prospectToDoc(prospect: SyncedProspect): Record<string, unknown> {
  const { key, ...rest } = prospect;
  return { _id: key, type: 'prospect', ...rest };
}

export function prospectFromDoc(doc: unknown): Result<SyncedProspect> {
  const checked = prospectDocShape(withoutServerFields(doc), '');
  if (!checked.ok) return checked;
  const { _id, type: _type, ...rest } = checked.value;
  if (!keyMatchesOwnFields(_id, rest.mailbox, rest.fields.email.value)) return refuse('_id', 'badFormat');
  return { ok: true, value: { key: _id, ...rest } };
}

export function touchToDoc(touch: SyncedTouch): Record<string, unknown> {
  const { id, ...rest } = touch;
  return { _id: id, type: 'touch', ...rest };
}

export function touchFromDoc(doc: unknown): Result<SyncedTouch> {
  const checked = touchDocShape(withoutServerFields(doc), '');
  if (!checked.ok) return checked;
  const { _id, type: _type, ...rest } = checked.value;
  if (!touchIdMatchesOwnFields(_id, rest.prospectKey, rest.messageId)) return refuse('_id', 'badFormat');
  return { ok: true, value: { id: _id, ...rest } };
}

export function settingsToDoc(settings: SyncedSettings): Record<string, unknown> {
  return { _id: SETTINGS_DOC_ID, type: 'settings', fields: settings.fields };
}

/**
 * The values are checked as one settings record, by the same rules as the options page and a
 * backup: the same stages as every pipeline (renamed, recoloured or reordered at most), ranges,
 * no markup. The device's own fields are not in the document; any value passes for them here.
 */
export function settingsFromDoc(doc: unknown): Result<SyncedSettings> {
  const checked = settingsDocShape(withoutServerFields(doc), '');
  if (!checked.ok) return checked;
  const { fields } = checked.value;
  const candidate = Object.fromEntries(SYNCED_SETTINGS_FIELDS.map((field) => [field, fields[field].value]));
  const values = checkSettingsChange(DEFAULT_SETTINGS, { ...candidate, notificationsEnabled: DEFAULT_SETTINGS.notificationsEnabled });
  if (!values.ok) return values;
  const normalised = syncedSettingsValues(values.value);
  const registers = Object.fromEntries(SYNCED_SETTINGS_FIELDS.map((field) => [field, { value: normalised[field], stamp: fields[field].stamp }]));
  return { ok: true, value: { fields: registers as unknown as SyncedSettings['fields'] } };
}
