import { stageLabel } from '../domain/stages';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DueStatus } from '../domain/classify';
import { findStage, type Settings } from '../domain/settings';
import { CHANNELS, type Prospect } from '../domain/types';
import { StageOptions } from './StageOptions';
import { t, uiLanguage } from '../platform/i18n';
import { dueKindText, dueText, sinceText } from '../ui/format';
import { moneyText, plural } from '../ui/plural';
import { decide, logTouch, openThread, setStage, snooze } from './actions';
import { useDraft, type Draft, type Panel } from './drafts';

interface Props {
  readonly prospect: Prospect;
  readonly status: DueStatus | null;
  readonly settings: Settings;
  readonly now: number;
  /** Shows an outcome in the popup's live region (the item itself may move to another section). */
  readonly announce: (work: Promise<string>) => void;
}

/** One prospect: who, where they stand, why they are due, and every action a keystroke away. */
export function DueItem({ prospect, status, settings, now, announce }: Props) {
  const locale = uiLanguage();
  const stage = findStage(settings, prospect.stageId);
  const [{ panel, note, date, focus }, update] = useDraft(prospect.id);
  const setPanel = (next: Panel) => update({ panel: next });
  const title = prospect.name || prospect.email;
  /** `sent`: the typed field the action carried, emptied with the panel closing. */
  const run = (work: Promise<string>, sent: Partial<Draft> = {}) => {
    update({ panel: 'none', focus: null, ...sent });
    announce(work);
  };
  // Drawn anew in another section while the rep was typing in its panel: the focus goes back there.
  const noteField = useRef<HTMLInputElement>(null);
  const dateField = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const field = focus === 'note' ? noteField.current : focus === 'date' ? dateField.current : null;
    if (!field || (document.activeElement && document.activeElement !== document.body)) return;
    field.focus();
    if (field.type === 'text') field.setSelectionRange(field.value.length, field.value.length);
  }, []);
  const tracksFocus = (name: 'note' | 'date') => ({
    onFocus: () => update({ focus: name }),
    // Focus taken by another control; a field removed with its item keeps its claim.
    onBlur: (event: FocusEvent) => {
      if (event.relatedTarget) update({ focus: null });
    },
  });

  // `l` and `s` open their panel with the focus on its first choice, so a touch is logged in
  // two keys (l, Enter) or with a channel's digit (l, 2); Esc gives the focus back to the row.
  const row = useRef<HTMLLIElement>(null);
  const panelStart = useRef<HTMLButtonElement>(null);
  const [focusPanel, setFocusPanel] = useState(false);
  useEffect(() => {
    if (!focusPanel) return;
    setFocusPanel(false);
    panelStart.current?.focus();
  }, [focusPanel]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.target !== event.currentTarget || event.ctrlKey || event.metaKey || event.altKey) return;
    const action = { l: 'log', s: 'snooze' }[event.key] as Panel | undefined;
    if (action) {
      setPanel(panel === action ? 'none' : action);
      setFocusPanel(panel !== action);
    } else if (event.key === 'o') announce(openThread(prospect));
    else return;
    event.preventDefault();
  };
  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      setPanel('none');
      row.current?.focus();
      return;
    }
    const channel = CHANNELS[Number(event.key) - 1];
    if (panel !== 'log' || !channel || event.target instanceof HTMLInputElement || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    run(logTouch(prospect, channel, note), { note: '' });
    row.current?.focus();
  };

  return (
    <li ref={row} class="item" data-prospect-id={prospect.id} tabIndex={0} aria-label={title} onKeyDown={onKeyDown}>
      <div class="item-main">
        <span class="name">{title}</span>
        {prospect.company && <span class="company">{prospect.company}</span>}
        <span class="stage" style={{ '--stage-color': stage?.color ?? '#9aa0a6' }}>
          {stage ? stageLabel(stage, t) : prospect.stageId}
        </span>
      </div>
      <div class="item-meta">
        {status && prospect.dueKind && (
          <span class={`due due-${status.section}`}>
            {dueKindText(prospect.dueKind, t)}{prospect.replyUnread && ` · ${t('statusUnread')}`} · {dueText(status, t, locale)}
          </span>
        )}
        <span>{plural(t, 'touchCount', prospect.touchCount, locale)}</span>
        <span>{sinceText(prospect.lastTouchAt, now, t, locale)}</span>
        {/* Labelled, so it is not read as the last touch's channel, which sits just before it. */}
        <span>{t('prefersChannel', t(`channel_${prospect.channel}`))}</span>
        {prospect.value !== null && <span>{moneyText(prospect.value, prospect.currency, locale)}</span>}
      </div>
      <div class="item-actions">
        <button type="button" aria-expanded={panel === 'log'} aria-label={t('logTouchFor', title)} onClick={() => setPanel(panel === 'log' ? 'none' : 'log')}>
          {t('logTouch')}
        </button>
        <button type="button" aria-expanded={panel === 'snooze'} aria-label={t('snoozeFor', title)} onClick={() => setPanel(panel === 'snooze' ? 'none' : 'snooze')}>
          {t('snooze')}
        </button>
        <button type="button" aria-label={t('openThreadFor', title)} onClick={() => announce(openThread(prospect))}>
          {t('openThread')}
        </button>
        {/* The stage list opens on demand: a select per item would cost the popup's first paint. */}
        <button type="button" aria-expanded={panel === 'stage'} aria-label={t('changeStageFor', title)} onClick={() => setPanel(panel === 'stage' ? 'none' : 'stage')}>
          {t('changeStage')}
        </button>
        {prospect.dueKind === 'decision' && (
          <>
            <button type="button" aria-label={t('nurtureFor', title)} onClick={() => run(decide(prospect, 'nurture'))}>
              {t('decide_nurture')}
            </button>
            <button type="button" aria-label={t('lostFor', title)} onClick={() => run(decide(prospect, 'lost'))}>
              {t('decide_lost')}
            </button>
          </>
        )}
      </div>
      {panel === 'log' && (
        <div class="panel" role="group" aria-label={t('logTouchFor', title)} onKeyDown={onPanelKeyDown}>
          <input ref={noteField} type="text" value={note} maxLength={2000} placeholder={t('cardNotePlaceholder')} aria-label={t('cardNote')} onInput={(e) => update({ note: (e.currentTarget as HTMLInputElement).value })} {...tracksFocus('note')} />
          {CHANNELS.map((channel, index) => (
            <button type="button" key={channel} ref={index === 0 ? panelStart : undefined} aria-keyshortcuts={String(index + 1)} onClick={() => run(logTouch(prospect, channel, note), { note: '' })}>
              {t(`channel_${channel}`)}
            </button>
          ))}
        </div>
      )}
      {panel === 'stage' && (
        <div class="panel" onKeyDown={onPanelKeyDown}>
          <select aria-label={t('stageFor', title)} value={prospect.stageId} onChange={(e) => run(setStage(prospect, (e.currentTarget as HTMLSelectElement).value))}>
            <StageOptions settings={settings} />
          </select>
        </div>
      )}
      {panel === 'snooze' && (
        <div class="panel" role="group" aria-label={t('snoozeFor', title)} onKeyDown={onPanelKeyDown}>
          {([1, 3, 7] as const).map((days, index) => (
            <button type="button" key={days} ref={index === 0 ? panelStart : undefined} onClick={() => run(snooze(prospect, settings, { days }))}>
              {t(`snooze_${days}`)}
            </button>
          ))}
          <input ref={dateField} type="date" value={date} aria-label={t('cardSnoozeUntil')} onInput={(e) => update({ date: (e.currentTarget as HTMLInputElement).value })} {...tracksFocus('date')} />
          <button type="button" disabled={!date} onClick={() => run(snooze(prospect, settings, { date }), { date: '' })}>
            {t('cardSnoozeUntilButton')}
          </button>
        </div>
      )}
    </li>
  );
}
