import type { Settings } from '../domain/settings';
import { stageLabel } from '../domain/stages';
import type { ImportPreview } from '../messaging/protocol';
import { t, uiLanguage } from '../platform/i18n';
import { plural } from '../ui/plural';

type Props = {
  readonly name: string;
  readonly preview: ImportPreview;
  readonly settings: Settings;
  /** The stages picked so far, shown at once (the preview that follows them may still be on its way). */
  readonly choices: Readonly<Record<string, string>>;
  /** Work runs (a new preview, the import itself, another job): nothing here may start more. */
  readonly busy: boolean;
  /** The rep picked another stage for a CSV stage value. */
  readonly onStage: (value: string, stageId: string) => void;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
};

/** What an import will do, computed by the same code that applies it; nothing is written before "Import". */
export function ImportSummaryView({ name, preview, settings: rep, choices, busy, onStage, onConfirm, onCancel }: Props) {
  const { prospects, touches, settings } = preview;
  const count = (key: string, n: number) => plural(t, key, n, uiLanguage());
  return (
    <div class="summary" role="region" aria-labelledby="import-title">
      <h3 id="import-title">{t('importSummaryTitle', name)}</h3>
      <ul>
        <li>{count('importNew', prospects.new)}</li>
        <li>{count('importUpdated', prospects.updated)}</li>
        <li>{count('importUnchanged', prospects.unchanged)}</li>
        {prospects.keptNewer > 0 && <li>{count('importKeptNewer', prospects.keptNewer)}</li>}
        {touches.new + touches.unchanged > 0 && <li>{t('importTouches', [String(touches.new), String(touches.unchanged)])}</li>}
        {settings === 'replaced' && <li>{t('importSettings')}</li>}
      </ul>
      {preview.stages.length > 0 && (
        <fieldset>
          <legend>{t('importStagesHint')}</legend>
          {preview.stages.map(({ value, stageId }) => (
            <label key={value}>
              {t('importStageFor', value)}{' '}
              <select value={choices[value] ?? stageId} disabled={busy} onChange={(event) => onStage(value, (event.currentTarget as HTMLSelectElement).value)}>
                {rep.stages.map((stage) => <option key={stage.id} value={stage.id}>{stageLabel(stage, t)}</option>)}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <div class="row">
        <button type="button" class="primary" disabled={busy} onClick={onConfirm}>{t('importConfirm')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('cancel')}</button>
      </div>
    </div>
  );
}
