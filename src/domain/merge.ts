import { compareStamps, laterStamp, type HlcStamp } from './hlc';
import type { Millis, ProspectFields, ThreadLink, Touch } from './types';

/**
 * How two devices' copies of the same record become one. Pure and symmetric: merge(a, b) equals
 * merge(b, a), merging twice changes nothing, and the order copies arrive in does not matter, so
 * every device that has seen the same edits shows the same pipeline.
 *
 * - Fields the rep sets: the later edit wins, field by field (hybrid logical clock, device id as
 *   tie-break), so a name changed on the laptop and a stage changed on the desktop both survive.
 * - Linked threads and stage history: unions.
 * - Notes: edits made without seeing each other are all kept, visibly, until the rep edits the
 *   notes again; an edit replaces only the versions it was made from.
 * - Touches: append-only, merged by union of ids; a deleted touch stays deleted.
 * - Deletes travel as tombstones. A prospect is deleted while its delete is later than every
 *   edit: an edit made offline after the delete brings it back rather than being lost.
 */

/** The prospect fields that sync as last-writer-wins registers (notes merge on their own). */
export const SYNCED_FIELDS = [
  'email',
  'name',
  'company',
  'stageId',
  'value',
  'currency',
  'decisionMaker',
  'expectedCloseDate',
  'channel',
  'cadenceDays',
  'nextMeetingAt',
  'snoozedUntil',
] as const satisfies readonly (keyof ProspectFields)[];
export type SyncedField = (typeof SYNCED_FIELDS)[number];

export interface Register<T> {
  readonly value: T;
  readonly stamp: HlcStamp;
}

export type SyncedFields = { readonly [K in SyncedField]: Register<ProspectFields[K]> };

export interface NoteVersion {
  readonly text: string;
  readonly stamp: HlcStamp;
}

export interface SyncedNotes {
  /** The versions still shown, oldest first; more than one after concurrent edits. */
  readonly versions: readonly NoteVersion[];
  /** Stamps of versions an edit replaced: kept so a late copy of one cannot come back. */
  readonly replaced: readonly HlcStamp[];
}

export interface StageVisit {
  readonly stageId: string;
  readonly enteredAt: Millis;
  /** The stamp of the stage change: two visits of the same stage stay two visits. */
  readonly stamp: HlcStamp;
}

/** A prospect as it travels between devices: only what the rep set, never what is derived. */
export interface SyncedProspect {
  /** Same mailbox and address on two devices is the same prospect: see prospectSyncKey. */
  readonly key: string;
  readonly mailbox: string;
  readonly createdAt: Millis;
  readonly fields: SyncedFields;
  readonly notes: SyncedNotes;
  readonly threads: readonly ThreadLink[];
  readonly stageVisits: readonly StageVisit[];
  /** The stamp of the latest delete; null when never deleted. */
  readonly deletedAt: HlcStamp | null;
}

/** A touch as it travels; `deleted` is a tombstone that wins over any copy without it. */
export type SyncedTouch = Omit<Touch, 'prospectId'> & { readonly prospectKey: string; readonly deleted: boolean };

/** Shown between notes versions written on different devices without seeing each other. */
export const NOTES_CONFLICT_SEPARATOR = '\n\n――――――――\n\n';

/**
 * The identity of a prospect across devices. Mailbox and address, case-folded like mail
 * systems do, so adding the same person offline on two computers gives one prospect.
 */
export function prospectSyncKey(mailbox: string, email: string): string {
  return `prospect:${mailbox.trim().toLowerCase()}:${email.trim().toLowerCase()}`;
}

/** A touch seen in Gmail is named by the message, so two devices that see it write one record. */
export function gmailTouchSyncId(mailbox: string, messageId: string): string {
  return `touch:${mailbox.trim().toLowerCase()}:gmail:${messageId}`;
}

export function mergeRegister<T>(a: Register<T>, b: Register<T>): Register<T> {
  return compareStamps(b.stamp, a.stamp) > 0 ? b : a;
}

export function mergeFields(a: SyncedFields, b: SyncedFields): SyncedFields {
  const merged: Record<string, Register<unknown>> = {};
  for (const field of SYNCED_FIELDS) merged[field] = mergeRegister<unknown>(a[field], b[field]);
  return merged as unknown as SyncedFields;
}

export function mergeNotes(a: SyncedNotes, b: SyncedNotes): SyncedNotes {
  const replaced = [...new Set([...a.replaced, ...b.replaced])].sort(compareStamps);
  const gone = new Set(replaced);
  const byStamp = new Map<HlcStamp, NoteVersion>();
  for (const version of [...a.versions, ...b.versions]) {
    if (!gone.has(version.stamp)) byStamp.set(version.stamp, version);
  }
  const versions = [...byStamp.values()].sort((x, y) => compareStamps(x.stamp, y.stamp));
  return { versions, replaced };
}

/** What the rep reads: one text, or every concurrent version oldest first, visibly separated. */
export function visibleNotes(notes: SyncedNotes): string {
  return notes.versions
    .map((version) => version.text)
    .filter((text, index, texts) => texts.indexOf(text) === index)
    .join(NOTES_CONFLICT_SEPARATOR);
}

/** The rep edited the notes as shown: the new text replaces every version shown. */
export function editNotes(notes: SyncedNotes, text: string, stamp: HlcStamp): SyncedNotes {
  const replaced = [...new Set([...notes.replaced, ...notes.versions.map((version) => version.stamp)])].sort(compareStamps);
  return { versions: [{ text, stamp }], replaced };
}

function threadKey(link: ThreadLink): string {
  return `${link.mailbox.toLowerCase()}\u0000${link.threadId}`;
}

/**
 * Union by mailbox and thread. The subject is a label Gmail shows; when two devices stored
 * different ones, the same one is chosen everywhere (the first in text order).
 */
export function mergeThreads(a: readonly ThreadLink[], b: readonly ThreadLink[]): ThreadLink[] {
  const byKey = new Map<string, ThreadLink>();
  for (const link of [...a, ...b]) {
    const key = threadKey(link);
    const held = byKey.get(key);
    if (held === undefined || link.subject < held.subject) byKey.set(key, link);
  }
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, link]) => link);
}

export function mergeStageVisits(a: readonly StageVisit[], b: readonly StageVisit[]): StageVisit[] {
  const byKey = new Map<string, StageVisit>();
  for (const visit of [...a, ...b]) byKey.set(`${visit.stamp}\u0000${visit.stageId}`, visit);
  return [...byKey.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, visit]) => visit);
}

function laterOrNull(a: HlcStamp | null, b: HlcStamp | null): HlcStamp | null {
  if (a === null) return b;
  if (b === null) return a;
  return laterStamp(a, b);
}

export function mergeProspects(a: SyncedProspect, b: SyncedProspect): SyncedProspect {
  if (a.key !== b.key) throw new Error('mergeProspects: copies of different prospects');
  return {
    key: a.key,
    mailbox: a.mailbox <= b.mailbox ? a.mailbox : b.mailbox,
    createdAt: Math.min(a.createdAt, b.createdAt),
    fields: mergeFields(a.fields, b.fields),
    notes: mergeNotes(a.notes, b.notes),
    threads: mergeThreads(a.threads, b.threads),
    stageVisits: mergeStageVisits(a.stageVisits, b.stageVisits),
    deletedAt: laterOrNull(a.deletedAt, b.deletedAt),
  };
}

/** The latest edit of anything the rep set on this prospect. */
export function lastEditStamp(prospect: SyncedProspect): HlcStamp {
  let latest = '';
  for (const field of SYNCED_FIELDS) latest = laterStamp(latest, prospect.fields[field].stamp);
  for (const version of prospect.notes.versions) latest = laterStamp(latest, version.stamp);
  for (const stamp of prospect.notes.replaced) latest = laterStamp(latest, stamp);
  for (const visit of prospect.stageVisits) latest = laterStamp(latest, visit.stamp);
  return latest;
}

export function isDeleted(prospect: SyncedProspect): boolean {
  return prospect.deletedAt !== null && compareStamps(prospect.deletedAt, lastEditStamp(prospect)) > 0;
}

/** Every stage the prospect has been in, in the order entered (the current one included). */
export function reachedStages(prospect: SyncedProspect): string[] {
  const ids = prospect.stageVisits.map((visit) => visit.stageId);
  ids.push(prospect.fields.stageId.value);
  return [...new Set(ids)];
}

/**
 * One touch from two copies. Copies of a touch are written once and never edited, so they only
 * differ when two devices wrote the same Gmail message slightly differently: the earlier-created
 * copy is kept everywhere (then text order of its serialised form, so the choice is the same on
 * every device). A tombstone on either copy wins.
 */
export function mergeTouch(a: SyncedTouch, b: SyncedTouch): SyncedTouch {
  if (a.id !== b.id) throw new Error('mergeTouch: copies of different touches');
  const kept = chooseTouchCopy({ ...a, deleted: false }, { ...b, deleted: false });
  return { ...kept, deleted: a.deleted || b.deleted };
}

function chooseTouchCopy(a: SyncedTouch, b: SyncedTouch): SyncedTouch {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? a : b;
  const textA = canonicalJson(a);
  const textB = canonicalJson(b);
  return textA <= textB ? a : b;
}

function canonicalJson(touch: SyncedTouch): string {
  const record = touch as unknown as Record<string, unknown>;
  return JSON.stringify(Object.keys(record).sort().map((key) => [key, record[key]]));
}

/** Union of two touch sets by id, sorted by id. */
export function mergeTouches(a: readonly SyncedTouch[], b: readonly SyncedTouch[]): SyncedTouch[] {
  const byId = new Map<string, SyncedTouch>();
  for (const touch of [...a, ...b]) {
    const held = byId.get(touch.id);
    byId.set(touch.id, held === undefined ? touch : mergeTouch(held, touch));
  }
  return [...byId.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([, touch]) => touch);
}

/** A prospect's first synced copy: every field stamped with its creation. */
export function newSyncedProspect(
  mailbox: string,
  fields: Pick<ProspectFields, SyncedField | 'notes'>,
  createdAt: Millis,
  stamp: HlcStamp,
): SyncedProspect {
  const registers: Record<string, Register<unknown>> = {};
  for (const field of SYNCED_FIELDS) registers[field] = { value: fields[field], stamp };
  return {
    key: prospectSyncKey(mailbox, fields.email),
    mailbox,
    createdAt,
    fields: registers as unknown as SyncedFields,
    notes: { versions: fields.notes === '' ? [] : [{ text: fields.notes, stamp }], replaced: [] },
    threads: [],
    stageVisits: [{ stageId: fields.stageId, enteredAt: createdAt, stamp }],
    deletedAt: null,
  };
}

/** The rep set one field. A stage change is also a visit in the history. */
export function editField<K extends SyncedField>(
  prospect: SyncedProspect,
  field: K,
  value: ProspectFields[K],
  stamp: HlcStamp,
  now: Millis,
): SyncedProspect {
  const fields = { ...prospect.fields, [field]: { value, stamp } } as SyncedFields;
  if (field !== 'stageId') return { ...prospect, fields };
  const visit: StageVisit = { stageId: value as string, enteredAt: now, stamp };
  return { ...prospect, fields, stageVisits: mergeStageVisits(prospect.stageVisits, [visit]) };
}

export function deleteProspect(prospect: SyncedProspect, stamp: HlcStamp): SyncedProspect {
  return { ...prospect, deletedAt: laterOrNull(prospect.deletedAt, stamp) };
}
