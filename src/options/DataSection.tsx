import { useEffect, useRef, useState } from 'preact/hooks';
import { makeBackup } from '../domain/backup';
import { prospectsToCsv } from '../domain/csv';
import { findStage, type Settings } from '../domain/settings';
import type { ImportKind, ImportPreview } from '../messaging/protocol';
import { t } from '../platform/i18n';
import { send } from '../platform/messages';
import type { TouchbaseDB } from '../store/db';
import { storedCounts } from '../store/wipe';
import { stageLabel } from '../domain/stages';
import { download, readChosenFile, today } from './files';
import { ImportSummaryView } from './ImportSummaryView';
import { readForExport } from './exportReads';
import { onProgress } from './progress';
import { WorkProgress, type Work } from './WorkProgress';

type Pending = { readonly kind: ImportKind; readonly text: string; readonly name: string; readonly preview: ImportPreview; readonly stageChoices: Readonly<Record<string, string>> };
type Props = { readonly database: Promise<TouchbaseDB>; readonly settings: Settings };

/**
 * Backup, restore, CSV and deleting everything: every write goes through the background. Long
 * work runs one at a time: while it runs a progress bar replaces the last message and every button
 * that would start more work is disabled (the background refuses a second import as well).
 */
export function DataSection({ database, settings }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [wipe, setWipe] = useState<{ prospects: number; touches: number } | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const [work, setWork] = useState<Work | null>(null);
  // Set in the click's own turn: a second click before the page has redrawn starts nothing.
  const running = useRef(false);
  const busy = work !== null;

  useEffect(
    () =>
      onProgress((event) =>
        setWork((current) => (current && current.kind === event.work ? { ...current, done: event.done, total: event.total } : current)),
      ),
    [],
  );

  const report = (job: () => Promise<string>) =>
    void job().then(
      (text) => setStatus({ error: false, text }),
      (error: unknown) => setStatus({ error: true, text: error instanceof Error ? error.message : String(error) }),
    );
  /** Runs `job` unless other work runs; its progress replaces the status until its outcome does. */
  const exclusive = (start: Work, job: () => Promise<string>) => {
    if (running.current) return;
    running.current = true;
    setWork(start);
    setStatus({ error: false, text: '' });
    report(async () => {
      try {
        return await job();
      } finally {
        running.current = false;
        setWork(null);
      }
    });
  };
  const exportProgress = (done: number, total: number) => setWork({ kind: 'export', done, total });

  const exportBackup = () => exclusive({ kind: 'export', done: 0, total: null }, async () => {
    const { prospects, touches } = await readForExport(await database, true, exportProgress);
    download(JSON.stringify(makeBackup({ settings, prospects, touches }, Date.now()), null, 1), `touchbase-backup-${today()}.json`, 'application/json');
    return t('exportedBackup', [String(prospects.length), String(touches.length)]);
  });
  const exportCsv = () => exclusive({ kind: 'export', done: 0, total: null }, async () => {
    const { prospects } = await readForExport(await database, false, exportProgress);
    const label = (id: string) => { const stage = findStage(settings, id); return stage ? stageLabel(stage, t) : id; };
    download(`\uFEFF${prospectsToCsv(prospects, label)}`, `touchbase-prospects-${today()}.csv`, 'text/csv');
    return t('exportedCsv', String(prospects.length));
  });
  const choose = (kind: ImportKind) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (!file || running.current) return;
    setPending(null);
    exclusive({ kind: 'check', name: file.name, done: 0, total: null }, async () => {
      const text = await readChosenFile(file);
      const preview = await send('import.preview', { kind, text });
      setPending({ kind, text, name: file.name, preview, stageChoices: {} });
      return t('importReady', file.name);
    });
  };
  // Another stage for a CSV value can change what the import does: the preview is asked again.
  // Until that answer is back, the summary cannot be confirmed.
  const chooseStage = (job: Pending, value: string, stageId: string) => {
    if (running.current) return;
    const stageChoices = { ...job.stageChoices, [value]: stageId };
    setPending({ ...job, stageChoices });
    exclusive({ kind: 'check', name: job.name, done: 0, total: null }, async () => {
      try {
        const preview = await send('import.preview', { kind: job.kind, text: job.text, stageChoices });
        setPending({ ...job, preview, stageChoices });
        return t('importReady', job.name);
      } catch (error) {
        setPending({ ...job, stageChoices: job.stageChoices });
        throw error;
      }
    });
  };
  const apply = (job: Pending) => exclusive({ kind: 'write', name: job.name, done: 0, total: null }, async () => {
    const done = await send('import.apply', { kind: job.kind, text: job.text, stageChoices: job.stageChoices });
    setPending(null);
    return t('importDone', [job.name, String(done.prospects.new), String(done.prospects.updated)]);
  });
  const askWipe = () => report(async () => { setWipe(await storedCounts(await database)); return ''; });
  const doWipe = (counts: { prospects: number; touches: number }) => exclusive({ kind: 'delete', ...counts }, async () => {
    const gone = await send('data.deleteAll', {});
    setWipe(null);
    return t('deletedAll', [String(gone.prospects), String(gone.touches)]);
  });

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('optionsData')}</h2>
      <p class="hint">{t('optionsDataHint')}</p>
      <div class="row">
        <button type="button" disabled={busy} onClick={exportBackup}>{t('exportBackup')}</button>
        <label>{t('importBackup')} <input type="file" accept=".json,application/json" disabled={busy} onChange={choose('backup')} /></label>
      </div>
      <div class="row">
        <button type="button" disabled={busy} onClick={exportCsv}>{t('exportCsv')}</button>
        <label>{t('importCsv')} <input type="file" accept=".csv,text/csv" disabled={busy} onChange={choose('csv')} /></label>
      </div>
      {pending && (
        <ImportSummaryView name={pending.name} preview={pending.preview} choices={pending.stageChoices} busy={busy} settings={settings} onStage={(value, stageId) => chooseStage(pending, value, stageId)} onConfirm={() => apply(pending)} onCancel={() => setPending(null)} />
      )}
      <div class="row">
        <button type="button" class="danger" disabled={busy} onClick={askWipe}>{t('deleteAll')}</button>
      </div>
      {wipe && (
        <div class="summary" role="alertdialog" aria-labelledby="wipe-title" aria-describedby="wipe-text">
          <h3 id="wipe-title">{t('deleteAllTitle')}</h3>
          <p id="wipe-text">{t('deleteAllWarning', [String(wipe.prospects), String(wipe.touches)])}</p>
          <div class="row">
            <button type="button" class="danger" disabled={busy} onClick={() => doWipe(wipe)}>{t('deleteAllConfirm')}</button>
            <button type="button" disabled={busy} onClick={() => setWipe(null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      {work && <WorkProgress work={work} />}
      <p role={status.error ? 'alert' : 'status'}>{status.text}</p>
    </section>
  );
}
