import { parseBackup } from '../domain/backup';
import { parseProspectsCsv } from '../domain/csv';
import type { Settings } from '../domain/settings';
import { DEFAULT_STAGES, stageLabel } from '../domain/stages';
import type { ImportPreview, ImportRequest } from '../messaging/protocol';
import { StoreError } from '../store/errors';
import { importBackup, importCsv } from '../store/imports';
import { readSettings } from '../store/settings';
import type { CommandContext, CommandResult } from './commandContext';

/** The pages hear of every this-manieth record (and of the last): often enough to move a bar, rarely enough to cost nothing. */
export const PROGRESS_STEP = 500;

/** The store's per-record progress, thinned out for the pages. */
export function thinnedProgress(report: NonNullable<CommandContext['progress']>, work: 'check' | 'write') {
  return (done: number, total: number) => {
    if (done % PROGRESS_STEP === 0 || done === total) report(work, done, total);
  };
}

/**
 * Every name a stage answers to in a CSV column: its id, its own name, its built-in English name
 * and its name in the UI language (what "Export as CSV" wrote).
 */
function stageAliases(settings: Settings, translate: ((key: string) => string) | undefined): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const stage of settings.stages) {
    const names = [stage.id, stage.name, DEFAULT_STAGES.find((s) => s.id === stage.id)?.name, translate && stageLabel(stage, translate)];
    for (const name of names) if (name) aliases.set(name.toLowerCase(), stage.id);
  }
  return aliases;
}

/** Parses the file (refusing it whole with a message naming the row or field), then previews or applies it. */
export async function runImport({ kind, text, stageChoices = {} }: ImportRequest, ctx: CommandContext, apply: boolean): Promise<CommandResult<ImportPreview>> {
  const { db, now } = ctx;
  const progress = ctx.progress && thinnedProgress(ctx.progress, apply ? 'write' : 'check');
  let summary;
  if (kind === 'backup') {
    const backup = parseBackup(text);
    if (!backup.ok) throw new StoreError('invalid', backup.problem);
    summary = await importBackup(db, backup.value, apply, progress);
  } else {
    const file = parseProspectsCsv(text, stageAliases(await readSettings(db), ctx.translate));
    if (!file.ok) throw new StoreError('invalid', file.problem);
    summary = await importCsv(db, file.value, stageChoices, now, apply, progress);
  }
  const { changed, ...preview } = summary;
  return apply ? { value: preview, changed, settingsChanged: preview.settings === 'replaced' || preview.stages.length > 0 } : { value: preview, changed: [] };
}
