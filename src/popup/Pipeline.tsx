import { stageLabel } from '../domain/stages';
import { pipelineSummary, type ConversionRate, type Hint } from '../domain/pipeline';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { t, uiLanguage } from '../platform/i18n';
import { moneyText } from '../ui/plural';

const BAR_HEIGHT = 18;
const LABEL_WIDTH = 120;
const CHART_WIDTH = 340;

/** Count and value per stage as a plain SVG bar chart, conversion rates, and what is starving. */
export function Pipeline({ prospects, settings, now }: { prospects: readonly Prospect[]; settings: Settings; now: number }) {
  const locale = uiLanguage();
  const summary = pipelineSummary(prospects, settings, now);
  const { stages, currency, expected, otherCurrencyCount } = summary.totals;
  const money = (value: number) => (value ? moneyText(value, currency, locale) : '—');
  const maxCount = Math.max(1, ...stages.map((s) => s.count));
  const barSpace = CHART_WIDTH - LABEL_WIDTH - 40;
  const height = stages.length * (BAR_HEIGHT + 6);

  return (
    <section aria-labelledby="pipeline-title" class="pipeline">
      <h2 id="pipeline-title">{t('pipelineTitle')}</h2>
      <svg width={CHART_WIDTH} height={height} role="img" aria-labelledby="pipeline-chart-desc">
        <desc id="pipeline-chart-desc">{stages.map((s) => `${s.name}: ${s.count}`).join(', ')}</desc>
        {stages.map((stage, index) => {
          const y = index * (BAR_HEIGHT + 6);
          const width = Math.round((stage.count / maxCount) * barSpace);
          return (
            <g key={stage.stageId} aria-hidden="true">
              <text x={0} y={y + 13} class="chart-label">
                {stageLabel({ id: stage.stageId, name: stage.name }, t)}
              </text>
              <rect x={LABEL_WIDTH} y={y} width={Math.max(width, 1)} height={BAR_HEIGHT} rx={3} fill={stage.color} />
              <text x={LABEL_WIDTH + width + 4} y={y + 13} class="chart-value">
                {stage.count}
              </text>
            </g>
          );
        })}
      </svg>
      <table class="totals">
        <caption>{t('pipelineValueCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cardStage')}</th>
            <th scope="col">{t('pipelineCount')}</th>
            <th scope="col">{t('cardValue')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.filter((stage) => stage.kind !== 'lost').map((stage) => (
            <tr key={stage.stageId}>
              <th scope="row">{stageLabel({ id: stage.stageId, name: stage.name }, t)}</th>
              <td>{stage.count}</td>
              <td>{money(stage.value)}</td>
            </tr>
          ))}
        </tbody>
        {/* Lost deals are expected to bring nothing: below the total, apart, never added in. */}
        <tfoot>
          <tr class="total">
            <th scope="row">{t('pipelineExpectedTotal')}</th>
            <td>{expected.count}</td>
            <td>{money(expected.value)}</td>
          </tr>
          {stages.filter((stage) => stage.kind === 'lost').map((stage) => (
            <tr key={stage.stageId} class="apart">
              <th scope="row">{t('pipelineLeftOut', stageLabel({ id: stage.stageId, name: stage.name }, t))}</th>
              <td>{stage.count}</td>
              <td>{money(stage.value)}</td>
            </tr>
          ))}
        </tfoot>
      </table>
      {otherCurrencyCount > 0 && <p class="muted">{t('pipelineOtherCurrency', String(otherCurrencyCount))}</p>}
      <dl class="metrics">
        <dt>{t('pipelineMeetingToWon')}</dt>
        <dd>{rateText(summary.meetingToWon)}</dd>
        <dt>{t('pipelineProposalToWon')}</dt>
        <dd>{rateText(summary.proposalToWon)}</dd>
        <dt>{t('pipelineTouchesPerWon')}</dt>
        <dd>{summary.averageTouchesPerWon === null ? '—' : summary.averageTouchesPerWon.toFixed(1)}</dd>
      </dl>
      {summary.hints.length > 0 && (
        <ul class="hints" aria-label={t('pipelineHints')}>
          {summary.hints.map((hint) => (
            <li key={hint.kind}>{hintText(hint)}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function rateText(rate: ConversionRate | null): string {
  if (!rate || rate.rate === null) return '—';
  return t('pipelineRate', [String(Math.round(rate.rate * 100)), String(rate.won), String(rate.decided)]);
}

function hintText(hint: Hint): string {
  return hint.kind === 'decisionsPending' ? t('hint_decisionsPending', String(hint.count)) : t(`hint_${hint.kind}`);
}
