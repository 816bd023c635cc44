import { parseEmail } from './email';

export { normalizeEmail } from './email';
import { CHANNELS, DECISION_MAKER, DIRECTIONS, TOUCH_SOURCES } from './types';
import { arrayOf, nullable, num, object, oneOf, refuse, str, type Check } from './validate';

/**
 * Checks for every field a person or a page can hand us. Used by the message protocol and the
 * importers alike, so the same email is accepted or refused everywhere.
 */

export const email: Check<string> = (value, path) => {
  const text = str({ min: 1, max: 254 })(value, path);
  if (!text.ok) return text;
  const normalized = parseEmail(text.value);
  return normalized !== null
    ? { ok: true, value: normalized }
    : refuse(path, 'badEmail', text.value.slice(0, 60));
};

/** A rep mailbox: a valid address, or '' for prospects added by hand without one. */
export const mailbox: Check<string> = (value, path) => (value === '' ? { ok: true, value: '' } : email(value, path));

/** Upper bound for any stored instant: year 2200. Refuses nonsense like 1e300. */
const MAX_MILLIS = 7_258_118_400_000;
export const millis = num({ min: 0, max: MAX_MILLIS, integer: true });

/** yyyy-mm-dd that names a real calendar day (no 2025-02-30). */
export const isoDate: Check<string> = (value, path) => {
  const text = str({ min: 10, max: 10, pattern: /^\d{4}-\d{2}-\d{2}$/ })(value, path);
  if (!text.ok) return refuse(path, 'badDate');
  const [y, m, d] = text.value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real = date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? text : refuse(path, 'unrealDate', text.value);
};

export const stageId = str({ min: 1, max: 40, pattern: /^[a-z0-9][a-z0-9_-]*$/ });
export const channel = oneOf(CHANNELS);
export const direction = oneOf(DIRECTIONS);
export const touchSource = oneOf(TOUCH_SOURCES);
export const decisionMaker = oneOf(DECISION_MAKER);
export const recordId = str({ min: 1, max: 64, pattern: /^[A-Za-z0-9_-]+$/ });
/** Gmail ids: hex legacy ids, "#thread-f:123", "#msg-a:r-45" and the like. */
export const gmailId = str({ min: 1, max: 80, pattern: /^[#A-Za-z0-9:_-]+$/ });

export const threadLink = object({
  threadId: gmailId,
  mailbox: email,
  subject: str({ max: 500 }),
});

/**
 * The one grammar for what a rep writes, at every entry point (commands, backup, CSV). Text is
 * text: `<`, `&` and quotes are kept and always shown as text, never refused as "markup" — a
 * note with a link in angle brackets or a name `Ann <ann@x.test>` must survive a backup.
 * A name or company is a one-line label: surrounding whitespace is dropped on the way in, so a
 * stored label passes unchanged. Notes are kept exactly as typed, indent and trailing blanks too.
 */
export const labelText = (max: number): Check<string> => str({ max });
export const typedText = (max: number): Check<string> => str({ max, trim: false });
export const personName = labelText(200);
export const companyName = labelText(200);
export const prospectNotes = typedText(5000);
export const touchNote = typedText(2000);

/**
 * A currency as its ISO 4217 code ("EUR"), or '' for an amount without one. Checked by shape
 * (three capital letters), not against this browser's list of codes: a backup made elsewhere
 * must restore whatever that browser knew.
 */
export const currencyCode: Check<string> = (value, path) => {
  const text = str({ max: 40 })(value, path);
  if (!text.ok || /^([A-Z]{3})?$/.test(text.value)) return text;
  return refuse(path, 'badCurrency', text.value);
};

/** The fields of a prospect a rep may set; every one optional in a patch. */
export const prospectFieldChecks = {
  name: personName,
  company: companyName,
  stageId,
  value: nullable(num({ min: 0, max: 1e12 })),
  currency: currencyCode,
  decisionMaker,
  expectedCloseDate: nullable(isoDate),
  channel,
  cadenceDays: nullable(num({ min: 1, max: 365, integer: true })),
  nextMeetingAt: nullable(millis),
  snoozedUntil: nullable(millis),
  notes: prospectNotes,
};

export const threadLinks = arrayOf(threadLink, { max: 200 });
