import type { Settings } from '../domain/settings';
import type { Prospect, Touch } from '../domain/types';
import { dateText, statusView } from '../ui/status';
import { moneyText, plural, type Translate } from '../ui/plural';
import { cadenceForm, decisionButtons, logTouchForm, meetingForm, snoozeForm, stageForm, type CardAction } from './cardForms';
import { MARKER, el, shadowHost } from './dom';
import { byUser, watchInput } from './userInput';
import { CARD_CSS } from './styles';
import type { Person } from './webmail/types';

export interface CardContext {
  readonly settings: Settings;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
  /** Runs an action; resolves to a message for the status line (a pest warning, an error…). */
  readonly act: (action: CardAction) => Promise<string>;
  readonly track: (person: Person) => Promise<string>;
}

const CARD = 'card';

/**
 * The last outcome shown on the card of each anchor. A command's change event usually redraws the
 * card before the command's own reply arrives, so the outcome is written to whichever card is
 * current, and a redraw shows it again.
 */
const lastStatus = new WeakMap<HTMLElement, string>();

/** The shadow root of the card currently drawn in `anchor` (a redraw replaces the host). */
function currentCard(anchor: HTMLElement): ShadowRoot | null {
  return anchor.querySelector(`:scope > [${MARKER}="${CARD}"]`)?.shadowRoot ?? null;
}

/** The card above an open thread: the prospect and its quick actions, or "Track as prospect". */
export function renderCard(anchor: HTMLElement, content: { prospect: Prospect; touches: readonly Touch[] } | { candidates: readonly Person[] }, ctx: CardContext): HTMLElement {
  const { host, root } = shadowHost('div', CARD, CARD_CSS);
  watchInput(root);
  const status = el('p', { role: 'status', 'aria-live': 'polite' }, lastStatus.get(anchor) ?? '');
  const run = (work: Promise<string>, origin: string) => {
    status.textContent = '…';
    void work.then((message) => {
      lastStatus.set(anchor, message);
      const live = currentCard(anchor)?.querySelector<HTMLElement>('[role=status]');
      if (live) live.textContent = message;
      // The card is redrawn after a change: give keyboard users their place back.
      refocus(anchor, origin);
    });
  };
  const body =
    'prospect' in content
      ? prospectCard(content.prospect, content.touches, ctx, (action, origin) => run(ctx.act(action), origin))
      : trackForm(content.candidates, ctx, (person) => run(ctx.track(person), 'track'));
  root.appendChild(el('section', { class: 'card', 'aria-label': ctx.t('cardTitle') }, ...body, status));
  for (const old of anchor.querySelectorAll(`:scope > [${MARKER}="${CARD}"]`)) old.remove();
  anchor.prepend(host);
  return host;
}

function prospectCard(prospect: Prospect, touches: readonly Touch[], ctx: CardContext, act: (a: CardAction, origin: string) => void): (HTMLElement | false | '')[] {
  const { t, settings, now, locale } = ctx;
  const view = statusView(prospect, settings, now, t, locale);
  const stage = settings.stages.find((s) => s.id === prospect.stageId);
  const cadence = prospect.cadenceDays
    ? plural(t, 'cardCadenceAgreed', prospect.cadenceDays, locale)
    : stage?.cadence ? plural(t, `cardCadence_${stage.cadence.unit}`, stage.cadence.amount, locale) : '—';
  const rows: [string, string][] = [
    [t('cardValue'), moneyText(prospect.value, prospect.currency, locale) || '—'],
    [t('cardDecisionMaker'), t(`decisionMaker_${prospect.decisionMaker}`)],
    [t('cardCadence'), `${cadence} · ${t(`channel_${prospect.channel}`)}`],
    [t('cardMeeting'), prospect.nextMeetingAt ? new Date(prospect.nextMeetingAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—'],
    [t('cardTouches'), view.touches],
    [t('cardNextDue'), prospect.dueAt ? `${dateText(prospect.dueAt, locale)} · ${view.due || t(`dueKind_${prospect.dueKind ?? 'followUp'}`)}` : '—'],
  ];
  return [
    el('h2', {}, prospect.name || prospect.email, prospect.company && el('span', {}, `· ${prospect.company}`), el('span', { class: 'stage', style: `--stage:${view.stageColor}` }, view.stageName)),
    el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    touches.length > 0 && el('ol', { 'aria-label': t('cardRecentTouches') }, ...touches.map((touch) => el('li', {}, touchLine(touch, t, locale)))),
    prospect.notes && el('p', { class: 'note' }, prospect.notes),
    logTouchForm(t, act),
    el('div', { class: 'actions' }, stageForm(prospect, settings, t, act), ...decisionButtons(t, act)),
    snoozeForm(settings, t, act, now),
    el('div', { class: 'actions' }, cadenceForm(prospect, t, act), meetingForm(prospect, t, act)),
  ];
}

function touchLine(touch: Touch, t: Translate, locale: string): string {
  const when = new Date(touch.at).toLocaleDateString(locale, { day: 'numeric', month: 'short' });
  const arrow = touch.direction === 'outbound' ? '→' : '←';
  return [when, arrow, t(`channel_${touch.channel}`), touch.note].filter(Boolean).join(' ');
}

function trackForm(candidates: readonly Person[], ctx: CardContext, track: (person: Person) => void): HTMLElement[] {
  const { t } = ctx;
  const choice = el('select', { name: 'person', 'aria-label': t('cardTrackWho') });
  for (const [index, person] of candidates.entries()) {
    choice.appendChild(el('option', { value: index }, person.name ? `${person.name} <${person.email}>` : person.email));
  }
  const form = el('form', { 'aria-label': t('cardTrack'), 'data-form': 'track' }, choice, el('button', { type: 'submit' }, t('cardTrack')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const person = candidates[Number(choice.value)];
    if (person && byUser(event)) track(person);
  });
  return [el('h2', {}, t('cardUntracked')), form];
}

function refocus(anchor: HTMLElement, origin: string): void {
  const target = currentCard(anchor)?.querySelector<HTMLElement>(`[data-form="${origin}"] select, [data-form="${origin}"] input, [data-form="${origin}"] button, [data-decide="${origin.replace('decide-', '')}"]`);
  target?.focus();
}
