import type { Backup } from '../domain/backup';
import type { CsvFile, CsvProspect } from '../domain/csv';
import { newProspectBase } from '../domain/newProspect';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import type { TouchbaseDB } from './db';
import { StoreError } from './errors';
import { settingsIn, WRITE_STORES, type WriteTx } from './rederive';
import { noteSettingsWrite } from './syncSettings';
import { noteProspectWrite, noteTouchWrite, putEdited } from './syncWrites';
import { SETTINGS_KEY } from './schema';
import { withPatch } from './prospects';
import { rederiveAll, sameRecord as same } from './settings';

export interface ImportSummary {
  readonly prospects: { readonly new: number; readonly updated: number; readonly unchanged: number; readonly keptNewer: number };
  readonly touches: { readonly new: number; readonly unchanged: number };
  readonly settings: 'replaced' | 'unchanged' | 'none';
  /** CSV stage values that are none of the rep's stages, and the stage each is imported into. */
  readonly stages: readonly StageChoice[];
  /** Prospects whose stored record changed (for change events). */
  readonly changed: readonly string[];
}

export interface StageChoice {
  /** The value as the file spells it (first spelling). */
  readonly value: string;
  readonly stageId: string;
}

type Counts = { new: number; updated: number; unchanged: number; keptNewer: number };

/** Told as the work reaches each record of the file (checking it, or writing it when applying): the how-manieth of how many. */
export type ImportProgress = (done: number, total: number) => void;

/**
 * Runs an import in one readwrite transaction. A preview runs the very same steps and then aborts,
 * so the summary a rep confirms is computed by the code that applies it; any failure aborts too,
 * so an import is applied whole or not at all.
 */
async function inOneTransaction(db: TouchbaseDB, apply: boolean, work: (tx: WriteTx) => Promise<ImportSummary>): Promise<ImportSummary> {
  const tx = db.transaction([...WRITE_STORES], 'readwrite');
  let summary: ImportSummary;
  try {
    summary = await work(tx);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
  if (apply) await tx.done;
  else abortQuietly(tx);
  return summary;
}

function abortQuietly(tx: WriteTx): void {
  tx.done.catch(() => undefined); // the abort is the point; its rejection is expected
  try {
    tx.abort();
  } catch {
    // already aborted by the failed request
  }
}

/**
 * Merges a backup: prospects match by id, else by mailbox and address; when both sides differ the
 * newer `updatedAt` wins. Touches match by id, Gmail message id, or prospect + instant + direction + channel, and are added when missing.
 * Settings are taken from the backup. Derived fields are recomputed for everything.
 */
export function importBackup(db: TouchbaseDB, backup: Backup, apply: boolean, progress?: ImportProgress): Promise<ImportSummary> {
  return inOneTransaction(db, apply, async (tx) => {
    const total = backup.prospects.length + backup.touches.length;
    let done = 0;
    const reached = () => progress?.((done += 1), total);
    const prospects = tx.objectStore('prospects');
    const touches = tx.objectStore('touches');
    const counts: Counts = { new: 0, updated: 0, unchanged: 0, keptNewer: 0 };
    const storedId = new Map<string, string>();
    for (const [index, incoming] of backup.prospects.entries()) {
      reached();
      const existing = (await prospects.get(incoming.id)) ?? (await prospects.index('byMailboxEmail').get([incoming.mailbox, incoming.email]));
      if (existing && (existing.email !== incoming.email || existing.mailbox !== incoming.mailbox)) {
        throw StoreError.of('conflict', `prospects[${index}].id`, 'idElsewhere', incoming.id, existing.email);
      }
      const record: Prospect = { ...incoming, id: existing?.id ?? incoming.id };
      storedId.set(incoming.id, record.id);
      if (!existing) counts.new += 1;
      else if (same(record, existing)) counts.unchanged += 1;
      else if (record.updatedAt > existing.updatedAt) counts.updated += 1;
      else {
        counts.keptNewer += 1;
        continue;
      }
      await prospects.put(record);
      // A restored record is stamped with its own last edit: the newer side wins, as above.
      await noteProspectWrite(tx, existing, record, record.updatedAt);
    }
    let added = 0;
    // Two touches of one file may share an instant (two logged in the same millisecond): the
    // same-moment rule below recognises a touch stored before this import, never one of the file's own.
    const addedNow = new Set<string>();
    for (const touch of backup.touches) {
      reached();
      const prospectId = storedId.get(touch.prospectId) ?? touch.prospectId;
      if (await touches.get(touch.id)) continue;
      if (touch.messageId !== undefined && (await touches.index('byMessageProspect').get([touch.messageId, prospectId]))) continue;
      // Same prospect, same instant, same way: the same touch logged in another profile.
      const sameMoment = await touches.index('byProspectAt').getAll([prospectId, touch.at]);
      if (sameMoment.some((t) => !addedNow.has(t.id) && t.direction === touch.direction && t.channel === touch.channel)) continue;
      const restored = { ...touch, prospectId };
      await touches.add(restored);
      await noteTouchWrite(tx, restored);
      addedNow.add(touch.id);
      added += 1;
    }
    const current = await settingsIn(tx);
    const settingsChange = same(current, backup.settings) ? 'unchanged' : 'replaced';
    if (settingsChange === 'replaced') {
      // Stamped at the export, like a restored prospect at its last edit; the clock still puts it
      // after every edit this device has seen.
      await noteSettingsWrite(tx, current, backup.settings, Date.parse(backup.exportedAt) || 0);
      await tx.objectStore('settings').put(backup.settings, SETTINGS_KEY);
    }
    const changed = await rederiveAll(tx, backup.settings);
    return { prospects: counts, touches: { new: added, unchanged: backup.touches.length - added }, settings: settingsChange, stages: [], changed: [...new Set([...changed, ...storedId.values()])] };
  });
}

/**
 * Imports CSV rows. With a Mailbox column (Touchbase's own file) a row is the prospect of that
 * address in that mailbox; without one, a row updates its address in every mailbox it is tracked
 * in. A row whose address is already tracked gets the columns the file has; any other row
 * becomes a new prospect. A stage value that is none of the rep's stages goes to the stage the
 * rep chose for it (`chosen`, by the value as the file spells it), else the one chosen last time,
 * else the first stage (New lead); applying remembers the choices.
 */
export function importCsv(db: TouchbaseDB, file: CsvFile, chosen: Readonly<Record<string, string>>, now: number, apply: boolean, progress?: ImportProgress): Promise<ImportSummary> {
  return inOneTransaction(db, apply, async (tx) => {
    const prospects = tx.objectStore('prospects');
    const settings = await settingsIn(tx);
    const stages = stageChoices(file, chosen, settings);
    const stageOf = new Map(stages.map((choice) => [choice.value.toLowerCase(), choice.stageId]));
    const firstStage = settings.stages[0]?.id ?? 'new';
    const counts: Counts = { new: 0, updated: 0, unchanged: 0, keptNewer: 0 };
    const changed: string[] = [];
    for (const [index, { unknownStage, mailbox, ...row }] of file.rows.entries()) {
      progress?.(index + 1, file.rows.length);
      const fields: Omit<CsvProspect, 'unknownStage' | 'mailbox'> = unknownStage === undefined ? row : { ...row, stageId: stageOf.get(unknownStage.toLowerCase())! };
      const matches = mailbox === undefined
        ? await prospects.index('byEmail').getAll(row.email)
        : [await prospects.index('byMailboxEmail').get([mailbox, row.email])].filter((p) => p !== undefined);
      if (matches.length === 0) {
        const id = crypto.randomUUID();
        await putEdited(tx, undefined, newProspectBase(fields, { id, mailbox: mailbox ?? '', stageId: fields.stageId ?? firstStage, threads: [], now }), settings, now);
        counts.new += 1;
        changed.push(id);
        continue;
      }
      for (const existing of matches) {
        const { email: _sameAddress, ...patch } = fields;
        const edited = withPatch(existing, patch, now);
        if (same(edited, existing)) {
          counts.unchanged += 1;
          continue;
        }
        await putEdited(tx, existing, { ...edited, updatedAt: now }, settings, now);
        counts.updated += 1;
        changed.push(existing.id);
      }
    }
    const remembered = { ...settings.csvStageNames, ...Object.fromEntries(stageOf) };
    if (stages.length > 0 && !same(remembered, settings.csvStageNames ?? {})) {
      const withChoices = { ...settings, csvStageNames: remembered };
      await noteSettingsWrite(tx, settings, withChoices, now);
      await tx.objectStore('settings').put(withChoices, SETTINGS_KEY);
    }
    return { prospects: counts, touches: { new: 0, unchanged: 0 }, settings: 'none', stages, changed };
  });
}

/** The stage each unknown value of the file goes to; a choice of a stage that does not exist is refused. */
function stageChoices(file: CsvFile, chosen: Readonly<Record<string, string>>, settings: Settings): StageChoice[] {
  const firstStage = settings.stages[0]?.id ?? 'new';
  const picked = new Map(Object.entries(chosen).map(([value, stageId]) => [value.toLowerCase(), stageId]));
  const exists = (stageId: string | undefined): stageId is string => settings.stages.some((s) => s.id === stageId);
  return file.unknownStages.map((value) => {
    const key = value.toLowerCase();
    const pick = picked.get(key);
    if (pick !== undefined && !exists(pick)) throw StoreError.of('invalid', 'stageChoices', 'noSuchStage', pick);
    const remembered = settings.csvStageNames?.[key];
    return { value, stageId: pick ?? (exists(remembered) ? remembered : firstStage) };
  });
}
