import { channel, direction, email, gmailId, mailbox, millis, prospectFieldChecks, recordId, stageId, threadLinks, touchNote, touchSource } from './inputs';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { checkSettingsChange } from './settingsInput';
import type { Prospect, Touch } from './types';
import { arrayOf, bool, nullable, num, object, oneOf, refuse, str, type Check, type Refusal, type Result } from './validate';

/** What identifies a Touchbase backup file, and the newest layout this build reads. */
export const BACKUP_FORMAT = 'touchbase-backup';
export const BACKUP_VERSION = 1;
/** Larger files are refused before parsing: 100,000 touches take about 25 MB. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;

/** An import file's text: refused, before any parsing, when over the size limit. */
export const fileText: Check<string> = (value, path) => {
  if (typeof value !== 'string') return refuse(path, 'mustBeText');
  if (value.length > MAX_IMPORT_BYTES) return refuse('', 'fileTooLarge', MAX_IMPORT_BYTES / 1024 / 1024);
  return { ok: true, value };
};

export interface Backup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: number;
  readonly exportedAt: string;
  readonly settings: Settings;
  readonly prospects: readonly Prospect[];
  readonly touches: readonly Touch[];
}

export function makeBackup(data: { settings: Settings; prospects: readonly Prospect[]; touches: readonly Touch[] }, now: number): Backup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString(), ...data };
}

// Derived fields are accepted (a backup carries whole records) but recomputed on import.
const anyNumberOrNull = nullable(num({ min: -Number.MAX_VALUE, max: Number.MAX_VALUE }));
const derived = {
  touchCount: anyNumberOrNull, unansweredCount: anyNumberOrNull, firstUnansweredAt: anyNumberOrNull,
  lastTouchAt: anyNumberOrNull, lastOutboundAt: anyNumberOrNull, lastInboundAt: anyNumberOrNull,
  ballWith: nullable(oneOf(['me', 'them'] as const)), dueAt: anyNumberOrNull, dueKind: str({ max: 40 }),
  remindAt: anyNumberOrNull, threadIds: arrayOf(gmailId, { max: 200 }), replyUnread: bool,
};

const prospectRecord = object(
  {
    ...prospectFieldChecks,
    id: recordId, email, mailbox, threads: threadLinks,
    createdAt: millis, updatedAt: millis, stageEnteredAt: millis,
    reachedStages: arrayOf(stageId, { max: 50 }),
    notified: object({ dueAt: millis, at: millis }),
    ...derived,
  },
  ['reachedStages', 'notified', ...(Object.keys(derived) as (keyof typeof derived)[])],
);

const touchRecord = object(
  { id: recordId, prospectId: recordId, at: millis, channel, direction, source: touchSource, note: touchNote, createdAt: millis, messageId: gmailId, threadId: gmailId, provisional: bool },
  ['messageId', 'threadId', 'provisional'],
);

const envelope = object({
  format: (value: unknown, path: string): Result<typeof BACKUP_FORMAT> =>
    value === BACKUP_FORMAT ? { ok: true, value } : refuse(path, 'notBackup'),
  version: num({ min: 1, max: Number.MAX_SAFE_INTEGER, integer: true }),
  exportedAt: str({ min: 1, max: 40 }),
  settings: (value: unknown) => checkSettingsChange(DEFAULT_SETTINGS, value),
  prospects: arrayOf(prospectRecord as Check<unknown>, { max: 200_000 }),
  touches: arrayOf(touchRecord as Check<unknown>, { max: 2_000_000 }),
});

/**
 * Reads a backup file's text. Everything is checked before anything is written: the format and
 * version, every record (the error names it: `prospects[12].email: …`), and the links between
 * records (touches of unknown prospects, an address or a Gmail message twice).
 */
export function parseBackup(text: string): Result<Backup> {
  const sized = fileText(text, 'file');
  if (!sized.ok) return sized;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse('', 'notJson', error instanceof SyntaxError ? error.message : 'unreadable');
  }
  const head = data as { format?: unknown; version?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT) {
    return refuse('', 'notBackup');
  }
  if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
    return refuse('', 'newerBackup', head.version);
  }
  const parsed = envelope(data, '');
  if (!parsed.ok) return parsed;
  const backup = parsed.value as unknown as Backup;
  if (backup.version !== BACKUP_VERSION) return refuse('version', 'unknownVersion', backup.version);
  const links = checkLinks(backup);
  return links ?? { ok: true, value: backup };
}

function checkLinks(backup: Backup): Refusal | null {
  const stages = new Set(backup.settings.stages.map((s) => s.id));
  const ids = new Set<string>();
  const addresses = new Set<string>();
  for (const [index, p] of backup.prospects.entries()) {
    if (ids.has(p.id)) return refuse(`prospects[${index}].id`, 'appearsTwice', p.id);
    ids.add(p.id);
    const address = `${p.mailbox}\u0000${p.email}`;
    if (addresses.has(address)) return refuse(`prospects[${index}].email`, 'appearsTwice', p.email);
    addresses.add(address);
    if (!stages.has(p.stageId)) return refuse(`prospects[${index}].stageId`, 'noSuchStage', p.stageId);
  }
  const touchIds = new Set<string>();
  const messages = new Set<string>();
  for (const [index, t] of backup.touches.entries()) {
    if (touchIds.has(t.id)) return refuse(`touches[${index}].id`, 'appearsTwice', t.id);
    touchIds.add(t.id);
    if (!ids.has(t.prospectId)) return refuse(`touches[${index}].prospectId`, 'noProspectInBackup', t.prospectId);
    if (t.messageId !== undefined) {
      // One touch per message and prospect: a message to two tracked people is a touch for each.
      const pair = `${t.messageId}\u0000${t.prospectId}`;
      if (messages.has(pair)) return refuse(`touches[${index}].messageId`, 'appearsTwice', t.messageId);
      messages.add(pair);
    }
  }
  return null;
}
