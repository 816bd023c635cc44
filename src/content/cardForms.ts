import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import { stageLabel } from '../domain/stages';
import type { Settings } from '../domain/settings';
import { CHANNELS, type Channel, type Prospect } from '../domain/types';
import type { Translate } from '../ui/plural';
import { el } from './dom';
import { byUser } from './userInput';

/** What a card action asks the background to do; threadCard.ts sends it and shows the outcome. */
export type CardAction =
  | { readonly kind: 'logTouch'; readonly channel: Channel; readonly note: string }
  | { readonly kind: 'update'; readonly patch: Partial<Pick<Prospect, 'stageId' | 'snoozedUntil' | 'cadenceDays' | 'nextMeetingAt'>> }
  | { readonly kind: 'decide'; readonly outcome: 'nurture' | 'lost' };

type Act = (action: CardAction, origin: string) => void;

/** A labelled form whose submit runs `onSubmit`; every control has an accessible name. */
function form(name: string, label: string, onSubmit: (data: FormData) => void, ...controls: HTMLElement[]): HTMLFormElement {
  const node = el('form', { 'aria-label': label, 'data-form': name }, ...controls);
  node.addEventListener('submit', (event) => {
    event.preventDefault();
    if (byUser(event)) onSubmit(new FormData(node));
  });
  return node;
}

function select(name: string, label: string, options: readonly [string, string][], selected?: string): HTMLSelectElement {
  const node = el('select', { name, 'aria-label': label });
  for (const [value, text] of options) node.appendChild(el('option', { value, selected: value === selected }, text));
  return node;
}

export function logTouchForm(t: Translate, act: Act): HTMLFormElement {
  return form(
    'log',
    t('logTouch'),
    (data) => act({ kind: 'logTouch', channel: channelOf(data.get('channel')), note: String(data.get('note') ?? '') }, 'log'),
    select('channel', t('cardChannel'), CHANNELS.map((c) => [c, t(`channel_${c}`)])),
    el('input', { name: 'note', type: 'text', maxlength: 2000, placeholder: t('cardNotePlaceholder'), 'aria-label': t('cardNote') }),
    el('button', { type: 'submit' }, t('logTouch')),
  );
}

export function stageForm(prospect: Prospect, settings: Settings, t: Translate, act: Act): HTMLFormElement {
  const choice = select('stage', t('cardStage'), settings.stages.map((s) => [s.id, stageLabel(s, t)]), prospect.stageId);
  choice.addEventListener('change', (event) => byUser(event) && act({ kind: 'update', patch: { stageId: choice.value } }, 'stage'));
  return form('stage', t('cardStage'), () => act({ kind: 'update', patch: { stageId: choice.value } }, 'stage'), choice);
}

export function snoozeForm(settings: Settings, t: Translate, act: Act, now: number): HTMLFormElement {
  const until = (days: number) => deliveryOn(addDays(new Date(now), days), settings);
  const quick = ([1, 3, 7] as const).map((days) => {
    const button = el('button', { type: 'button', 'data-snooze': days }, t(`snooze_${days}`));
    button.addEventListener('click', (event) => byUser(event) && act({ kind: 'update', patch: { snoozedUntil: until(days) } }, 'snooze'));
    return button;
  });
  const date = el('input', { name: 'until', type: 'date', 'aria-label': t('cardSnoozeUntil'), required: true });
  return form(
    'snooze',
    t('cardSnooze'),
    (data) => {
      const picked = String(data.get('until') ?? '');
      const [y, m, d] = picked.split('-').map(Number);
      if (y && m && d) act({ kind: 'update', patch: { snoozedUntil: deliveryOn(new Date(y, m - 1, d), settings) } }, 'snooze');
    },
    ...quick,
    date,
    el('button', { type: 'submit' }, t('cardSnoozeUntilButton')),
  );
}

export function cadenceForm(prospect: Prospect, t: Translate, act: Act): HTMLFormElement {
  return form(
    'cadence',
    t('cardCadence'),
    (data) => {
      const days = Number(data.get('days'));
      act({ kind: 'update', patch: { cadenceDays: Number.isInteger(days) && days > 0 ? days : null } }, 'cadence');
    },
    el('input', { name: 'days', type: 'number', min: 1, max: 365, value: prospect.cadenceDays ?? '', placeholder: t('cardCadencePlaceholder'), 'aria-label': t('cardCadenceDays') }),
    el('button', { type: 'submit' }, t('cardSetCadence')),
  );
}

export function meetingForm(prospect: Prospect, t: Translate, act: Act): HTMLFormElement {
  const current = prospect.nextMeetingAt === null ? '' : localInputValue(prospect.nextMeetingAt);
  return form(
    'meeting',
    t('cardMeeting'),
    (data) => {
      const value = String(data.get('at') ?? '');
      const at = value ? new Date(value).getTime() : NaN;
      act({ kind: 'update', patch: { nextMeetingAt: Number.isFinite(at) ? at : null } }, 'meeting');
    },
    el('input', { name: 'at', type: 'datetime-local', value: current, 'aria-label': t('cardMeetingAt') }),
    el('button', { type: 'submit' }, t('cardSetMeeting')),
  );
}

export function decisionButtons(t: Translate, act: Act): HTMLElement[] {
  return (['nurture', 'lost'] as const).map((outcome) => {
    const button = el('button', { type: 'button', 'data-decide': outcome }, t(`decide_${outcome}`));
    button.addEventListener('click', (event) => byUser(event) && act({ kind: 'decide', outcome }, `decide-${outcome}`));
    return button;
  });
}

function channelOf(value: FormDataEntryValue | null): Channel {
  return CHANNELS.find((channel) => channel === value) ?? 'email';
}

/** yyyy-MM-ddTHH:mm in local time, as datetime-local inputs want it. */
function localInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
