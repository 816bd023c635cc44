import type { Settings } from '../domain/settings';
import type { Cadence, Stage } from '../domain/types';
import { t } from '../platform/i18n';
import { stageLabel } from '../domain/stages';

interface Props {
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
}

/** Stages in order: name, colour and cadence are the rep's; the kind (what a stage means) is not. */
export function StagesEditor({ settings, onChange }: Props) {
  const stages = settings.stages;
  const put = (index: number, patch: Partial<Stage>) => onChange({ ...settings, stages: stages.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const move = (index: number, by: -1 | 1) => {
    const next = [...stages];
    const [moved] = next.splice(index, 1);
    if (moved) next.splice(index + by, 0, moved);
    onChange({ ...settings, stages: next });
  };
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('stageColumnName')}</th>
          <th scope="col">{t('stageColumnColour')}</th>
          <th scope="col">{t('stageColumnCadence')}</th>
          <th scope="col">{t('stageColumnOrder')}</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((stage, index) => {
          const label = stageLabel(stage, t);
          return (
            <tr key={stage.id}>
              <td>
                <input type="text" value={label} maxLength={40} aria-label={t('stageName', label)} onInput={(e) => put(index, { name: e.currentTarget.value })} />
                {stage.kind !== 'open' && <span class="kind"> {t(`stageKind_${stage.kind}`)}</span>}
              </td>
              <td>
                <input type="color" value={stage.color} aria-label={t('stageColour', label)} onInput={(e) => put(index, { color: e.currentTarget.value })} />
              </td>
              <td>
                <CadenceInput stage={stage} label={label} onChange={(cadence) => put(index, { cadence })} />
              </td>
              <td>
                <button type="button" disabled={index === 0} aria-label={t('stageUp', label)} onClick={() => move(index, -1)}>↑</button>{' '}
                <button type="button" disabled={index === stages.length - 1} aria-label={t('stageDown', label)} onClick={() => move(index, 1)}>↓</button>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function CadenceInput({ stage, label, onChange }: { stage: Stage; label: string; onChange: (cadence: Cadence | null) => void }) {
  // Lost gets no follow-ups; Meeting set follows the meeting itself.
  if (stage.kind === 'lost' || stage.kind === 'meeting') return <span class="muted">{t(stage.kind === 'lost' ? 'cadenceNone' : 'cadenceMeeting')}</span>;
  const cadence = stage.cadence ?? { amount: 3, unit: 'workingDays' as const };
  return (
    <>
      <input type="number" min={1} max={365} value={cadence.amount} aria-label={t('stageCadenceAmount', label)}
        onInput={(e) => onChange({ ...cadence, amount: e.currentTarget.valueAsNumber })} />{' '}
      <select value={cadence.unit} aria-label={t('stageCadenceUnit', label)} onChange={(e) => onChange({ ...cadence, unit: e.currentTarget.value as Cadence['unit'] })}>
        <option value="workingDays">{t('unit_workingDays')}</option>
        <option value="days">{t('unit_days')}</option>
      </select>
    </>
  );
}
