import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import { stageLabel } from '../domain/stages';
import type { Settings } from '../domain/settings';
import { CHANNELS, type Channel, type Prospect } from '../domain/types';
import type { Translate } from '../ui/plural';
import { el } from './dom';
import { holdSubmit, onActivate, onEnter, onPick } from './userInput';

/** What a card action asks the background to do; threadCard.ts sends it and shows the outcome. */
export type CardAction =
  | { readonly kind: 'logTouch'; readonly channel: Channel; readonly note: string }
  | { readonly kind: 'update'; readonly patch: Partial<Pick<Prospect, 'stageId' | 'snoozedUntil' | 'cadenceDays' | 'nextMeetingAt'>> }
  | { readonly kind: 'decide'; readonly outcome: 'nurture' | 'lost' };

/**
 * Sends an action. `field` is a one-off field whose text the action carries (a note, a date): once
 * the action is done it is emptied, unless the rep has typed on meanwhile.
 */
type Act = (action: CardAction, field?: HTMLInputElement) => void;

/** What the card shows now: forms read it when the rep acts, so a redraw never leaves them stale. */
export interface Live {
  readonly prospect: Prospect;
  readonly settings: Settings;
  readonly now: number;
  readonly t: Translate;
}

/** A labelled form whose action runs on Enter in one of `fields` or a click on `button`. */
function form(name: string, label: string, run: () => void, fields: readonly HTMLElement[], button: HTMLButtonElement, ...others: HTMLElement[]): HTMLFormElement {
  const node = el('form', { 'aria-label': label, 'data-form': name }, ...others, ...fields, button);
  holdSubmit(node);
  for (const field of fields) onEnter(field, run);
  onActivate(button, run);
  return node;
}

function select(name: string, label: string, options: readonly [string, string][], selected?: string): HTMLSelectElement {
  const node = el('select', { name, 'aria-label': label });
  setOptions(node, options);
  if (selected !== undefined) follow(node, selected);
  return node;
}

function setOptions(list: HTMLSelectElement, options: readonly [string, string][]): void {
  list.replaceChildren(...options.map(([value, text]) => el('option', { value }, text)));
}

/** The value each control was last given from the store; a control whose value differs was edited by the rep. */
const fromStore = new WeakMap<HTMLInputElement | HTMLSelectElement, string>();

/**
 * Shows the stored `value` in `control` unless the rep has edited it since the last redraw: what
 * the rep is typing or has picked stays until they act on it.
 */
function follow(control: HTMLInputElement | HTMLSelectElement, value: string): void {
  const last = fromStore.get(control);
  if (last === undefined || control.value === last || control.value === value) {
    if (control.value !== value) control.value = value;
    fromStore.set(control, value);
  }
}

export function logTouchForm(t: Translate, act: Act): HTMLFormElement {
  const channel = select('channel', t('cardChannel'), CHANNELS.map((c) => [c, t(`channel_${c}`)]));
  const note = el('input', { name: 'note', type: 'text', maxlength: 2000, placeholder: t('cardNotePlaceholder'), 'aria-label': t('cardNote') });
  const run = () => act({ kind: 'logTouch', channel: channelOf(channel.value), note: note.value }, note);
  return form('log', t('logTouch'), run, [note], el('button', { type: 'submit' }, t('logTouch')), channel);
}

const stageOptions = (live: Live): [string, string][] => live.settings.stages.map((s) => [s.id, stageLabel(s, live.t)]);

export function stageForm(live: Live, act: Act): HTMLFormElement {
  const choice = select('stage', live.t('cardStage'), stageOptions(live), live.prospect.stageId);
  onPick(choice, () => act({ kind: 'update', patch: { stageId: choice.value } }));
  const node = el('form', { 'aria-label': live.t('cardStage'), 'data-form': 'stage' }, choice);
  holdSubmit(node);
  return node;
}

const SNOOZE_DAYS = [1, 3, 7] as const;

export function snoozeForm(live: () => Live, act: Act): HTMLFormElement {
  const { t } = live();
  const until = (day: Date) => deliveryOn(day, live().settings);
  const quick = SNOOZE_DAYS.map((days) => {
    const button = el('button', { type: 'button', 'data-snooze': days }, t(`snooze_${days}`));
    onActivate(button, () => act({ kind: 'update', patch: { snoozedUntil: until(addDays(new Date(live().now), days)) } }));
    return button;
  });
  const date = el('input', { name: 'until', type: 'date', 'aria-label': t('cardSnoozeUntil'), required: true });
  const run = () => {
    const [y, m, d] = date.value.split('-').map(Number);
    if (y && m && d) act({ kind: 'update', patch: { snoozedUntil: until(new Date(y, m - 1, d)) } }, date);
  };
  return form('snooze', t('cardSnooze'), run, [date], el('button', { type: 'submit' }, t('cardSnoozeUntilButton')), ...quick);
}

/**
 * Snooze in the card's line: one list of the quick choices, acted on when the rep picks one, then
 * back to its label so the same choice can be picked again.
 */
export function quickSnooze(live: () => Live, act: Act): HTMLSelectElement {
  const { t } = live();
  const list = select('snooze', t('cardSnooze'), [['', t('cardSnooze')], ...SNOOZE_DAYS.map((days): [string, string] => [String(days), t(`snooze_${days}`)])]);
  onPick(list, () => {
    const days = SNOOZE_DAYS.find((d) => String(d) === list.value);
    list.value = '';
    if (days) act({ kind: 'update', patch: { snoozedUntil: deliveryOn(addDays(new Date(live().now), days), live().settings) } });
  });
  return list;
}

export function cadenceForm(live: Live, act: Act): HTMLFormElement {
  const { t } = live;
  const days = el('input', { name: 'days', type: 'number', min: 1, max: 365, placeholder: t('cardCadencePlaceholder'), 'aria-label': t('cardCadenceDays') });
  follow(days, cadenceValue(live.prospect));
  const run = () => {
    const value = Number(days.value);
    act({ kind: 'update', patch: { cadenceDays: Number.isInteger(value) && value > 0 ? value : null } });
  };
  return form('cadence', t('cardCadence'), run, [days], el('button', { type: 'submit' }, t('cardSetCadence')));
}

export function meetingForm(live: Live, act: Act): HTMLFormElement {
  const { t } = live;
  const at = el('input', { name: 'at', type: 'datetime-local', 'aria-label': t('cardMeetingAt') });
  follow(at, meetingValue(live.prospect));
  const run = () => {
    const time = at.value ? new Date(at.value).getTime() : NaN;
    act({ kind: 'update', patch: { nextMeetingAt: Number.isFinite(time) ? time : null } });
  };
  return form('meeting', t('cardMeeting'), run, [at], el('button', { type: 'submit' }, t('cardSetMeeting')));
}

export function decisionButtons(t: Translate, act: Act): HTMLElement[] {
  return (['nurture', 'lost'] as const).map((outcome) => {
    const button = el('button', { type: 'button', 'data-decide': outcome }, t(`decide_${outcome}`));
    onActivate(button, () => act({ kind: 'decide', outcome }));
    return button;
  });
}

/**
 * Brings the forms of a card drawn earlier up to date with `live` in place: stored values the rep
 * has not edited follow the store, the stage list follows renamed stages; focus, typed text and
 * open lists are left alone.
 */
export function syncForms(root: ParentNode, live: Live): void {
  const stage = root.querySelector<HTMLSelectElement>('select[name=stage]');
  if (stage) {
    const options = stageOptions(live);
    const shown = [...stage.options].map((o): [string, string] => [o.value, o.text]);
    if (JSON.stringify(shown) !== JSON.stringify(options)) {
      const picked = stage.value;
      setOptions(stage, options);
      stage.value = picked;
    }
    follow(stage, live.prospect.stageId);
  }
  const days = root.querySelector<HTMLInputElement>('input[name=days]');
  if (days) follow(days, cadenceValue(live.prospect));
  const at = root.querySelector<HTMLInputElement>('input[name=at]');
  if (at) follow(at, meetingValue(live.prospect));
}

const cadenceValue = (prospect: Prospect) => (prospect.cadenceDays === null ? '' : String(prospect.cadenceDays));
const meetingValue = (prospect: Prospect) => (prospect.nextMeetingAt === null ? '' : localInputValue(prospect.nextMeetingAt));

function channelOf(value: FormDataEntryValue | null): Channel {
  return CHANNELS.find((channel) => channel === value) ?? 'email';
}

/** yyyy-MM-ddTHH:mm in local time, as datetime-local inputs want it. */
function localInputValue(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
