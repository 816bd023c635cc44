import type { PestWarning } from '../domain/pestGuard';
import type { Settings } from '../domain/settings';
import type { Channel, Direction, Millis, Prospect, ProspectFields, ThreadLink, Touch, TouchSource } from '../domain/types';
import type { Problem } from '../domain/problems';

/**
 * Every message between Touchbase's contexts, in one map: name → request and response.
 * The background is the only writer; pages and content scripts send these commands.
 */
export interface CreateProspectRequest extends Partial<Omit<ProspectFields, 'email'>> {
  /**
   * The new prospect's id, chosen by the sender (a UUID) so the command can be sent again after
   * a lost reply: a prospect already stored under this id is returned as it is. Optional.
   */
  readonly id?: string;
  readonly email: string;
  readonly mailbox: string;
  readonly thread?: ThreadLink;
}

export interface LogTouchRequest {
  /**
   * The touch's id, chosen by the sender (a UUID) so the command can be sent again after a lost
   * reply: a touch already stored under this id is answered as a duplicate. Optional.
   */
  readonly touchId?: string;
  readonly prospectId: string;
  readonly channel: Channel;
  readonly direction: Direction;
  readonly source: TouchSource;
  /** Defaults to the moment the background receives the command. */
  readonly at?: Millis;
  readonly messageId?: string;
  readonly threadId?: string;
  /** Logged before Gmail shows the message; the real message replaces it once (domain/reconcile.ts). */
  readonly provisional?: boolean;
  readonly note: string;
}

export interface LogTouchResponse {
  readonly prospect: Prospect;
  readonly touch: Touch;
  /** true: a touch with this id or this Gmail message id was already stored; nothing was written. */
  readonly duplicate: boolean;
  readonly warning: PestWarning | null;
}

/** Takes back the provisional touch of a send the rep undid in Gmail. */
export interface WithdrawTouchRequest {
  /** The id the tab gave the provisional touch when it logged the send. */
  readonly touchId: string;
  /** The Gmail account of the asking tab: a touch of another mailbox's prospect is refused. */
  readonly mailbox: string;
}

export interface WithdrawTouchResponse {
  /** false: no such touch (already withdrawn); nothing changed. */
  readonly withdrawn: boolean;
  readonly prospect: Prospect | null;
}

/**
 * A message the rep sent from a draft in a window of its own (Gmail's pop-out), which may close as
 * it sends and leave the "sent" notice to another tab. The background hands it to every Gmail tab;
 * the one that shows its notice logs it (src/content/sendWatcher.ts).
 */
export interface RelayedSend {
  /** The draft's recipients as its chips showed them when the rep pressed Send. */
  readonly recipients: readonly { readonly email: string; readonly name: string }[];
  /** When the rep pressed Send: the provisional touch's time. */
  readonly at: Millis;
  /** The follow-up the rep chose in the draft, in days; absent when they chose none. */
  readonly days?: number;
}

export interface LookupRequest {
  /** The Gmail account of the asking tab: prospects of other mailboxes stay invisible. */
  readonly mailbox: string;
  readonly threadIds: readonly string[];
  readonly emails: readonly string[];
  /** Prospects asked for by id: a tab holding its whole mailbox re-reads only what changed. */
  readonly prospectIds?: readonly string[];
}

export interface LookupResponse {
  readonly prospects: readonly Prospect[];
  readonly settings: Settings;
}

/**
 * The most prospects a Gmail tab holds for its mailbox. A fresh list then gets its chips in the
 * frame its rows are first drawn in, with no lookup between them; a mailbox with more is looked
 * up row by row, as Gmail shows it.
 */
export const MAILBOX_HOLD_LIMIT = 2_000;

export interface MailboxResponse extends LookupResponse {
  /**
   * true: `prospects` is every prospect the tab's mailbox can see (its own and those added
   * without a mailbox), so an address or thread not among them is not tracked. false: the
   * mailbox holds more than MAILBOX_HOLD_LIMIT, and `prospects` is empty.
   */
  readonly complete: boolean;
}

export interface Protocol {
  'prospect.create': { request: CreateProspectRequest; response: Prospect };
  'prospect.update': { request: { id: string; patch: Partial<Omit<ProspectFields, 'email'>> }; response: Prospect };
  'prospect.decide': { request: { id: string; outcome: 'nurture' | 'lost' }; response: Prospect };
  'prospect.linkThread': { request: { id: string; thread: ThreadLink }; response: Prospect };
  'touch.log': { request: LogTouchRequest; response: LogTouchResponse };
  'touch.withdraw': { request: WithdrawTouchRequest; response: WithdrawTouchResponse };
  /** Hands a send from a pop-out window to the Gmail tabs (one of which shows its notice); answers how many were told. */
  'send.relay': { request: RelayedSend; response: { tabs: number } };
  lookup: { request: LookupRequest; response: LookupResponse };
  /** Every prospect a Gmail tab's mailbox can see, when they are few enough to hold in the tab. */
  'lookup.mailbox': { request: { mailbox: string }; response: MailboxResponse };
  /** The latest touches of a prospect, newest first (content scripts cannot read the store). */
  'touch.recent': { request: { prospectId: string; limit: number }; response: readonly Touch[] };
  'settings.get': { request: Record<string, never>; response: Settings };
  /** Opens the prospect's latest thread in Gmail (an open tab of that mailbox is reused). */
  'prospect.openThread': { request: { id: string }; response: { opened: 'thread' | 'none' } };
  /** Replaces the settings (validated against the stored ones) and recomputes every due time. */
  'settings.update': { request: { settings: Settings }; response: Settings };
  /** Keeps the thread card open (More) or compact on every thread from now on (Settings.cardOpen). */
  'settings.cardOpen': { request: { open: boolean }; response: Settings };
  /** What importing this file would do, computed by the same code as `import.apply`, then rolled back. */
  'import.preview': { request: ImportRequest; response: ImportPreview };
  /** Imports a backup or a CSV file whole, in one transaction, or not at all. */
  'import.apply': { request: ImportRequest; response: ImportPreview };
  /** Deletes every prospect, touch and setting; answers with what was there. */
  'data.deleteAll': { request: Record<string, never>; response: { prospects: number; touches: number } };
  /** Checks the server with these credentials (the page has obtained the host permission), stores the connection and syncs. */
  'sync.connect': { request: SyncConnectRequest; response: SyncStatus };
  /** Stops syncing, forgets the password and gives the host permission back; local data stays. */
  'sync.disconnect': { request: Record<string, never>; response: SyncStatus };
  'sync.status': { request: Record<string, never>; response: SyncStatus };
  /** Syncs now and answers with the state after the run. */
  'sync.now': { request: Record<string, never>; response: SyncStatus };
}

export interface SyncConnectRequest {
  readonly serverUrl: string;
  readonly database: string;
  readonly user: string;
  readonly password: string;
}

/** What Options and the popup show about sync; never the password. */
export interface SyncStatus {
  readonly connected: boolean;
  readonly serverUrl: string | null;
  readonly database: string | null;
  readonly user: string | null;
  readonly lastSyncAt: Millis | null;
  /** Since when runs have failed; null while the last one succeeded. */
  readonly failingSince: Millis | null;
  readonly lastError: Problem | null;
  /** Changes made here that the server does not have yet. */
  readonly waiting: number;
  /** Server documents the checks refused (never applied), oldest first, with why. */
  readonly refused: readonly { readonly id: string; readonly problem: Problem }[];
}

export type ImportKind = 'backup' | 'csv';

export interface ImportRequest {
  readonly kind: ImportKind;
  /** The file's text, at most MAX_IMPORT_BYTES characters. */
  readonly text: string;
  /** CSV: the stage the rep picked for each stage value that is none of theirs (value as the preview spelled it → stage id). */
  readonly stageChoices?: Readonly<Record<string, string>>;
}

export interface ImportPreview {
  readonly prospects: { readonly new: number; readonly updated: number; readonly unchanged: number; readonly keptNewer: number };
  readonly touches: { readonly new: number; readonly unchanged: number };
  readonly settings: 'replaced' | 'unchanged' | 'none';
  /** CSV: each stage value that is none of the rep's stages, and the stage it is imported into. */
  readonly stages: readonly { readonly value: string; readonly stageId: string }[];
}

export type MessageName = keyof Protocol;
export type RequestOf<K extends MessageName> = Protocol[K]['request'];
export type ResponseOf<K extends MessageName> = Protocol[K]['response'];

/** Marks our messages apart from anything else on the runtime channel. */
export const PROTOCOL_TAG = 'touchbase/v1';

export interface RequestEnvelope<K extends MessageName = MessageName> {
  readonly tag: typeof PROTOCOL_TAG;
  readonly name: K;
  readonly payload: RequestOf<K>;
  /**
   * Chosen by the sender once per command (a UUID) and the same on every resend: a creating
   * command whose payload names no id of its own creates its record under this one.
   */
  readonly requestId?: string;
  /** 0 when first sent, 1, 2… when sent again after a lost reply. */
  readonly attempt?: number;
}

export type ErrorCode = 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'internal';

export type Reply<T> =
  | { readonly ok: true; readonly value: T }
  /** `error` is English (for logs); `problem`, when the input was refused, is shown translated. */
  | { readonly ok: false; readonly code: ErrorCode; readonly error: string; readonly problem?: Problem };

/** Sent by the background to extension pages and Gmail tabs after every committed write. */
export interface ChangeEvent {
  readonly tag: typeof PROTOCOL_TAG;
  readonly event: 'changed';
  readonly prospectIds: readonly string[];
  readonly settingsChanged: boolean;
}

/** Sent by the background to Gmail tabs (never to extension pages) for `send.relay`. */
export interface RelayedSendEvent {
  readonly tag: typeof PROTOCOL_TAG;
  readonly event: 'sent';
  readonly send: RelayedSend;
}

/**
 * Sent by the background to extension pages (never to Gmail tabs) while an import runs: how many
 * of the file's records it has checked (`check`, the preview) or written (`write`, the apply).
 */
export interface ProgressEvent {
  readonly tag: typeof PROTOCOL_TAG;
  readonly event: 'progress';
  readonly work: ProgressWork;
  readonly done: number;
  readonly total: number;
}

export type ProgressWork = 'check' | 'write';

export function envelope<K extends MessageName>(name: K, payload: RequestOf<K>): RequestEnvelope<K> {
  return { tag: PROTOCOL_TAG, name, payload };
}

export function isChangeEvent(message: unknown): message is ChangeEvent {
  const candidate = message as Partial<ChangeEvent> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.tag === PROTOCOL_TAG &&
    candidate.event === 'changed' &&
    Array.isArray(candidate.prospectIds)
  );
}

export function isRelayedSendEvent(message: unknown): message is RelayedSendEvent {
  const candidate = message as Partial<RelayedSendEvent> | null;
  return typeof candidate === 'object' && candidate !== null && candidate.tag === PROTOCOL_TAG && candidate.event === 'sent' && Array.isArray(candidate.send?.recipients);
}
