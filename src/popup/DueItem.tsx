import { useState } from 'preact/hooks';
import type { DueStatus } from '../domain/classify';
import { findStage, type Settings } from '../domain/settings';
import { CHANNELS, type Channel, type Prospect } from '../domain/types';
import { t, uiLanguage } from '../platform/i18n';
import { send } from '../platform/messages';
import { dueKindText, dueText, sinceText } from '../ui/format';
import { moneyText, plural } from '../ui/plural';

interface Props {
  readonly prospect: Prospect;
  readonly status: DueStatus;
  readonly settings: Settings;
  readonly now: number;
  /** Shows an outcome in the popup's live region (the item itself may move to another section). */
  readonly announce: (message: string) => void;
}

/** One due prospect: who, where they stand, why they are due, and a two-click touch. */
export function DueItem({ prospect, status, settings, now, announce }: Props) {
  const locale = uiLanguage();
  const stage = findStage(settings, prospect.stageId);
  const [choosing, setChoosing] = useState(false);
  const title = prospect.name || prospect.email;

  const log = async (channel: Channel) => {
    setChoosing(false);
    try {
      const result = await send('touch.log', { prospectId: prospect.id, channel, direction: 'outbound', source: 'manual', note: '' });
      announce(result.warning ? t('pestWarning', String(result.warning.workingDaysSince)) : t('logged'));
    } catch (error) {
      announce(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <li class="item" data-prospect-id={prospect.id}>
      <div class="item-main">
        <span class="name">{title}</span>
        {prospect.company && <span class="company">{prospect.company}</span>}
        <span class="stage" style={{ '--stage-color': stage?.color ?? '#9aa0a6' }}>
          {stage?.name ?? prospect.stageId}
        </span>
      </div>
      <div class="item-meta">
        <span class={`due due-${status.section}`}>
          {dueKindText(prospect.dueKind ?? 'followUp', t)} · {dueText(status, t, locale)}
        </span>
        <span>{plural(t, 'touchCount', prospect.touchCount, locale)}</span>
        <span>{sinceText(prospect.lastTouchAt, now, t)}</span>
        {prospect.value !== null && <span>{moneyText(prospect.value, prospect.currency, locale)}</span>}
      </div>
      <div class="item-actions">
        <button type="button" aria-expanded={choosing} aria-label={t('logTouchFor', title)} onClick={() => setChoosing(!choosing)}>
          {t('logTouch')}
        </button>
        {choosing && (
          <span class="channels" role="group" aria-label={t('logTouchFor', title)}>
            {CHANNELS.map((channel) => (
              <button type="button" key={channel} onClick={() => void log(channel)}>
                {t(`channel_${channel}`)}
              </button>
            ))}
          </span>
        )}
      </div>
    </li>
  );
}
