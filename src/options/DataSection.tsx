import { useState } from 'preact/hooks';
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

type Pending = { readonly kind: ImportKind; readonly text: string; readonly name: string; readonly preview: ImportPreview; readonly stageChoices: Readonly<Record<string, string>>; readonly checking?: boolean };
type Props = { readonly database: Promise<TouchbaseDB>; readonly settings: Settings };

/** Backup, restore, CSV and deleting everything: every write goes through the background. */
export function DataSection({ database, settings }: Props) {
  const [pending, setPending] = useState<Pending | null>(null);
  const [wipe, setWipe] = useState<{ prospects: number; touches: number } | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const report = (work: () => Promise<string>) =>
    void work().then(
      (text) => setStatus({ error: false, text }),
      (error: unknown) => setStatus({ error: true, text: error instanceof Error ? error.message : String(error) }),
    );

  const exportBackup = () => report(async () => {
    const tx = (await database).transaction(['prospects', 'touches']);
    const [prospects, touches] = await Promise.all([tx.objectStore('prospects').getAll(), tx.objectStore('touches').getAll()]);
    download(JSON.stringify(makeBackup({ settings, prospects, touches }, Date.now()), null, 1), `touchbase-backup-${today()}.json`, 'application/json');
    return t('exportedBackup', [String(prospects.length), String(touches.length)]);
  });
  const exportCsv = () => report(async () => {
    const prospects = await (await database).getAll('prospects');
    const label = (id: string) => { const stage = findStage(settings, id); return stage ? stageLabel(stage, t) : id; };
    download(`\uFEFF${prospectsToCsv(prospects, label)}`, `touchbase-prospects-${today()}.csv`, 'text/csv');
    return t('exportedCsv', String(prospects.length));
  });
  const choose = (kind: ImportKind) => (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = ''; // choosing the same file again must fire again
    if (!file) return;
    setPending(null);
    report(async () => {
      const text = await readChosenFile(file);
      const preview = await send('import.preview', { kind, text });
      setPending({ kind, text, name: file.name, preview, stageChoices: {} });
      return t('importReady', file.name);
    });
  };
  // Another stage for a CSV value can change what the import does: the preview is asked again.
  // Until that answer is back, the summary cannot be confirmed.
  const chooseStage = (job: Pending, value: string, stageId: string) => {
    const stageChoices = { ...job.stageChoices, [value]: stageId };
    setPending({ ...job, stageChoices, checking: true });
    report(async () => {
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
  const apply = (job: Pending) => report(async () => {
    const done = await send('import.apply', { kind: job.kind, text: job.text, stageChoices: job.stageChoices });
    setPending(null);
    return t('importDone', [job.name, String(done.prospects.new), String(done.prospects.updated)]);
  });
  const askWipe = () => report(async () => { setWipe(await storedCounts(await database)); return ''; });
  const doWipe = () => report(async () => {
    const gone = await send('data.deleteAll', {});
    setWipe(null);
    return t('deletedAll', [String(gone.prospects), String(gone.touches)]);
  });

  return (
    <section aria-labelledby="data-title">
      <h2 id="data-title">{t('optionsData')}</h2>
      <p class="hint">{t('optionsDataHint')}</p>
      <div class="row">
        <button type="button" onClick={exportBackup}>{t('exportBackup')}</button>
        <label>{t('importBackup')} <input type="file" accept=".json,application/json" onChange={choose('backup')} /></label>
      </div>
      <div class="row">
        <button type="button" onClick={exportCsv}>{t('exportCsv')}</button>
        <label>{t('importCsv')} <input type="file" accept=".csv,text/csv" onChange={choose('csv')} /></label>
      </div>
      {pending && (
        <ImportSummaryView name={pending.name} preview={pending.preview} choices={pending.stageChoices} busy={pending.checking === true} settings={settings} onStage={(value, stageId) => chooseStage(pending, value, stageId)} onConfirm={() => apply(pending)} onCancel={() => setPending(null)} />
      )}
      <div class="row">
        <button type="button" class="danger" onClick={askWipe}>{t('deleteAll')}</button>
      </div>
      {wipe && (
        <div class="summary" role="alertdialog" aria-labelledby="wipe-title" aria-describedby="wipe-text">
          <h3 id="wipe-title">{t('deleteAllTitle')}</h3>
          <p id="wipe-text">{t('deleteAllWarning', [String(wipe.prospects), String(wipe.touches)])}</p>
          <div class="row">
            <button type="button" class="danger" onClick={doWipe}>{t('deleteAllConfirm')}</button>
            <button type="button" onClick={() => setWipe(null)}>{t('cancel')}</button>
          </div>
        </div>
      )}
      <p role={status.error ? 'alert' : 'status'}>{status.text}</p>
    </section>
  );
}
