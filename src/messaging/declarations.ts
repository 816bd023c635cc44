import {
  channel,
  direction,
  email,
  gmailId,
  mailbox,
  millis,
  prospectFieldChecks,
  recordId,
  stageId,
  threadLink,
  touchSource,
} from '../domain/inputs';
import { arrayOf, bool, num, object, oneOf, recordOf, str, type Check } from '../domain/validate';
import { fileText } from '../domain/backup';
import { settingsShape } from '../domain/settingsInput';
import { MAILBOX_HOLD_LIMIT, type MessageName, type RequestOf } from './protocol';

/**
 * Who is asking, as the background works it out from the runtime's sender: one of Touchbase's own
 * pages (popup, options), or Touchbase's content script running in a Gmail tab. A Gmail tab runs
 * next to page code Touchbase does not control, so it is served only what the Gmail features use.
 */
export type SenderKind = 'extensionPage' | 'gmailContentScript';

/** The names of a request's optional text fields: where a sender-chosen id can go. */
type OptionalTextKey<T> = { [F in keyof T]-?: undefined extends T[F] ? (string extends NonNullable<T[F]> ? F : never) : never }[keyof T];

/**
 * What a command sent again after a lost reply (the worker stopped while it handled it) may do:
 * - `idempotent`: applying it twice is the same as applying it once (reads, setting fields,
 *   replacing settings, an import that finds its records already there, a deletion);
 * - `createsWithId`: it creates a record under the id in `idField`; a payload without one gets
 *   the request's id (the same on every resend), and the store recognises it as already applied;
 * - `never`: a second run would do something the rep sees twice (a second tab), so a resend is
 *   refused.
 */
export type ResendPolicy<K extends MessageName> =
  | { readonly kind: 'idempotent' }
  | { readonly kind: 'createsWithId'; readonly idField: OptionalTextKey<RequestOf<K>> }
  | { readonly kind: 'never' };

/** Everything the router enforces about one command; the background's handler is keyed by its name. */
export interface CommandDeclaration<K extends MessageName> {
  /** The runtime check where unknown data becomes a typed request. */
  readonly payload: Check<RequestOf<K>>;
  /** The senders the router serves this command to; any other is refused before the payload is read. */
  readonly senders: readonly SenderKind[];
  readonly resend: ResendPolicy<K>;
}

const fieldKeys = Object.keys(prospectFieldChecks) as (keyof typeof prospectFieldChecks)[];

/** An id the sender picks for a record it creates, so resending the command is safe: a UUID. */
export const senderChosenId = str({ min: 36, max: 36, pattern: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i });

const importRequest = object(
  {
    kind: oneOf(['backup', 'csv'] as const),
    text: fileText,
    // The rep's answer for each stage value the file names that is not one of their stages.
    stageChoices: recordOf(str({ min: 1, max: 200 }), stageId, { max: 1000 }),
  },
  ['stageChoices'],
);

const everywhere: readonly SenderKind[] = ['extensionPage', 'gmailContentScript'];
/** Bulk and settings-wide changes: only from Touchbase's own pages, never from a Gmail tab. */
const pagesOnly: readonly SenderKind[] = ['extensionPage'];
const idempotent = { kind: 'idempotent' } as const;

/**
 * Every command, declared once: its payload check, the senders it serves and what a resend after
 * a lost reply may do. The router enforces all three (send() resends any command the same way);
 * a command missing here does not compile, nor does one without a handler in
 * src/background/commands.ts. The content script does not import this table (its checks would
 * weigh on every Gmail tab).
 */
export const COMMANDS: { readonly [K in MessageName]: CommandDeclaration<K> } = {
  'prospect.create': {
    payload: object({ email, mailbox, thread: threadLink, ...prospectFieldChecks, id: senderChosenId }, ['thread', ...fieldKeys, 'id']),
    senders: everywhere,
    resend: { kind: 'createsWithId', idField: 'id' },
  },
  'prospect.update': {
    payload: object({ id: recordId, patch: object(prospectFieldChecks, fieldKeys) }),
    senders: everywhere,
    resend: idempotent,
  },
  'prospect.decide': {
    payload: object({ id: recordId, outcome: oneOf(['nurture', 'lost']) }),
    senders: everywhere,
    resend: idempotent,
  },
  'prospect.linkThread': {
    payload: object({ id: recordId, thread: threadLink }),
    senders: everywhere,
    // A thread already linked is not linked again.
    resend: idempotent,
  },
  'touch.log': {
    payload: object(
      {
        prospectId: recordId,
        channel,
        direction,
        source: touchSource,
        at: millis,
        messageId: gmailId,
        threadId: gmailId,
        provisional: bool,
        note: str({ max: 2000, trim: false }),
        touchId: senderChosenId,
      },
      ['at', 'messageId', 'threadId', 'provisional', 'touchId'],
    ),
    senders: everywhere,
    resend: { kind: 'createsWithId', idField: 'touchId' },
  },
  // Only a Gmail tab undoes a send; the store takes back only a provisional touch of its mailbox.
  'touch.withdraw': {
    payload: object({ touchId: senderChosenId, mailbox }),
    senders: ['gmailContentScript'],
    resend: idempotent,
  },
  // A pop-out window's send, handed to the Gmail tabs: it writes nothing (the tab that shows its
  // notice logs it with touch.log) and tells no more than a tab could log itself. Sent again, it
  // would be handed over twice.
  'send.relay': {
    payload: object(
      {
        recipients: arrayOf(object({ email, name: str({ max: 200 }) }), { max: 100 }),
        at: millis,
        days: num({ min: 1, max: 365, integer: true }),
      },
      ['days'],
    ),
    senders: ['gmailContentScript'],
    resend: { kind: 'never' },
  },
  // A list view can hold a thousand rows (and as many people again); one lookup covers them.
  lookup: {
    payload: object(
      { mailbox, threadIds: arrayOf(gmailId, { max: 2_000 }), emails: arrayOf(email, { max: 5_000 }), prospectIds: arrayOf(recordId, { max: MAILBOX_HOLD_LIMIT }) },
      ['prospectIds'],
    ),
    senders: everywhere,
    resend: idempotent,
  },
  // Asked once, when a Gmail tab learns its mailbox: the chips of every list it draws then need no
  // lookup. It reveals no more than lookups of every address of that mailbox would.
  'lookup.mailbox': { payload: object({ mailbox }), senders: everywhere, resend: idempotent },
  'touch.recent': {
    payload: object({ prospectId: recordId, limit: num({ min: 1, max: 50, integer: true }) }),
    senders: everywhere,
    resend: idempotent,
  },
  'settings.get': { payload: object({}), senders: everywhere, resend: idempotent },
  // Opening twice could open a second tab.
  'prospect.openThread': { payload: object({ id: recordId }), senders: everywhere, resend: { kind: 'never' } },
  // Shape and ranges here; the background checks the change against the stored stages.
  'settings.update': { payload: object({ settings: settingsShape }), senders: pagesOnly, resend: idempotent },
  // One flag of the rep's own view in Gmail: nothing another setting or a prospect depends on.
  'settings.cardOpen': { payload: object({ open: bool }), senders: everywhere, resend: idempotent },
  'import.preview': { payload: importRequest, senders: pagesOnly, resend: idempotent },
  // Records carry their ids in the file: a second run finds them unchanged.
  'import.apply': { payload: importRequest, senders: pagesOnly, resend: idempotent },
  'data.deleteAll': { payload: object({}), senders: pagesOnly, resend: idempotent },
  // Sync is Touchbase's own pages' business: a Gmail tab can neither see nor change where data goes.
  // Shapes here; the address rules (HTTPS, no credentials in the URL) are checked by the background.
  'sync.connect': {
    payload: object({ serverUrl: str({ min: 1, max: 2000 }), database: str({ min: 1, max: 238 }), user: str({ min: 1, max: 200 }), password: str({ max: 1000, trim: false }) }),
    senders: pagesOnly,
    resend: idempotent,
  },
  'sync.disconnect': { payload: object({}), senders: pagesOnly, resend: idempotent },
  'sync.status': { payload: object({}), senders: pagesOnly, resend: idempotent },
  'sync.now': { payload: object({}), senders: pagesOnly, resend: idempotent },
};

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.hasOwn(COMMANDS, name);
}

/** The declaration of `name`, typed for it. */
export function declarationOf<K extends MessageName>(name: K): CommandDeclaration<K> {
  return COMMANDS[name] as CommandDeclaration<K>;
}
