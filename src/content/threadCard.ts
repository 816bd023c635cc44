import type { Settings } from '../domain/settings';
import type { Prospect, Touch } from '../domain/types';
import { dateText, statusView } from '../ui/status';
import { moneyText, plural, type Translate } from '../ui/plural';
import { cadenceForm, decisionButtons, logTouchForm, meetingForm, quickSnooze, snoozeForm, stageForm, syncForms, type CardAction, type Live } from './cardForms';
import { MARKER, append, el, morph, shadowHost, shadowOf } from './dom';
import { holdSubmit, onActivate } from './userInput';
import { CARD_CSS } from './styles';
import type { Person } from './webmail/types';

export interface CardContext {
  readonly settings: Settings;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
  /** Runs an action; resolves to a message for the status line (a pest warning, an error…) and whether it was done. */
  readonly act: (action: CardAction) => Promise<CardOutcome>;
  readonly track: (person: Person) => Promise<string>;
  /** Remembers whether the rep keeps the card open (More), for every card drawn from now on. */
  readonly keepOpen: (open: boolean) => void;
}

export interface CardOutcome {
  readonly message: string;
  readonly done: boolean;
}

type Content = { prospect: Prospect; touches: readonly Touch[] } | { candidates: readonly Person[] };

/** A card drawn in an anchor: what it stands for, and how to bring it up to date in place. */
interface DrawnCard {
  readonly identity: string;
  update(content: Content, ctx: CardContext): void;
}

const CARD = 'card';
const drawn = new WeakMap<HTMLElement, DrawnCard>();

/**
 * The last outcome shown on the card of each anchor. A command's change event may replace the
 * card (a tracked sender becomes a prospect) before the command's own reply arrives, so the outcome
 * is written to whichever card is current, and a new card shows it again.
 */
const lastStatus = new WeakMap<HTMLElement, string>();

function cardHost(anchor: HTMLElement): HTMLElement | null {
  return anchor.querySelector<HTMLElement>(`:scope > [${MARKER}="${CARD}"]`);
}

/** The same card for the same prospect (or the same choice of people) in the same language. */
function identityOf(content: Content, ctx: CardContext): string {
  const who = 'prospect' in content ? `prospect:${content.prospect.id}` : `track:${JSON.stringify(content.candidates)}`;
  return `${ctx.locale}:${who}`;
}

/**
 * The card above an open thread: the prospect and its quick actions, or "Track as prospect".
 * When the anchor already shows the card of the same prospect, that card is updated in place, so a
 * change made elsewhere (another tab, the popup, a detected email) keeps what the rep is typing,
 * where the focus is, an open list, and a click already under way on one of its buttons.
 */
export function renderCard(anchor: HTMLElement, content: Content, ctx: CardContext): HTMLElement {
  const identity = identityOf(content, ctx);
  const current = cardHost(anchor);
  const card = current && drawn.get(current);
  if (current && card?.identity === identity) {
    card.update(content, ctx);
    for (const other of anchor.querySelectorAll(`:scope > [${MARKER}="${CARD}"]`)) if (other !== current) other.remove();
    return current;
  }
  const { host, root } = shadowHost('div', CARD, CARD_CSS);
  const status = el('p', { role: 'status', 'aria-live': 'polite' }, lastStatus.get(anchor) ?? '');
  const show = (message: string) => {
    lastStatus.set(anchor, message);
    const live = shadowOf(cardHost(anchor))?.querySelector<HTMLElement>('[role=status]');
    if (live) live.textContent = message;
  };
  const section = el('section', { class: 'card', 'aria-label': ctx.t('cardTitle') });
  let latest = ctx;
  if ('prospect' in content) {
    let live: Live = { prospect: content.prospect, settings: ctx.settings, now: ctx.now, t: ctx.t };
    const line = el('div', { class: 'line' }, ...prospectLine(content.prospect, ctx));
    const details = el('div', {}, ...prospectDetails(content.prospect, content.touches, ctx));
    const act = (action: CardAction, field?: HTMLInputElement) => {
      const sent = field?.value;
      status.textContent = '…';
      void latest.act(action).then((outcome) => {
        show(outcome.message);
        if (outcome.done && field && field.value === sent) field.value = '';
      });
    };
    const more = el('div', { class: 'more', id: 'more' }, details, ...moreForms(live, () => live, act));
    const toggle = moreToggle(section, more, ctx.t, (open) => latest.keepOpen(open));
    toggle.set(ctx.settings.cardOpen === true);
    const bar = el('div', { class: 'bar' }, line, el('div', { class: 'quick' }, logTouchForm(ctx.t, act), quickSnooze(() => live, act), toggle.button));
    append(section, [bar, more, status]);
    drawn.set(host, {
      identity,
      update(next, ctx) {
        if (!('prospect' in next)) return;
        latest = ctx;
        live = { prospect: next.prospect, settings: ctx.settings, now: ctx.now, t: ctx.t };
        // Open or compact stays as the rep left it: a redraw is news about the prospect, not a choice.
        morph(line, el('div', { class: 'line' }, ...prospectLine(next.prospect, ctx)));
        morph(details, el('div', {}, ...prospectDetails(next.prospect, next.touches, ctx)));
        syncForms(root, live);
      },
    });
  } else {
    const track = (person: Person) => {
      status.textContent = '…';
      void latest.track(person).then(show);
    };
    append(section, [...trackForm(content.candidates, ctx.t, track), status]);
    drawn.set(host, { identity, update: (_next, ctx) => void (latest = ctx) });
  }
  root.appendChild(section);
  for (const old of anchor.querySelectorAll(`:scope > [${MARKER}="${CARD}"]`)) old.remove();
  anchor.prepend(host);
  return host;
}

/**
 * The card's one line, always shown: who, the stage, the touches, and the next follow-up with its
 * reason. Read-only, redrawn in place by `morph`.
 */
function prospectLine(prospect: Prospect, ctx: CardContext): (HTMLElement | string)[] {
  const { t, settings, now, locale } = ctx;
  const view = statusView(prospect, settings, now, t, locale);
  // What is next and when; how soon only when it asks for attention (the date already says "next in").
  const next = prospect.dueAt ? [t(`dueKind_${prospect.dueKind ?? 'followUp'}`), dateText(prospect.dueAt, locale), view.tone === 'upcoming' ? '' : view.due] : [];
  const who = [prospect.name || prospect.email, prospect.company].filter(Boolean).join(' · ');
  const facts = [view.touches, ...next].filter(Boolean).join(' · ');
  return [
    el('h2', { title: who }, who),
    el('span', { class: 'stage', style: `--stage:${view.stageColor}` }, view.stageName),
    el('p', { class: 'facts', title: facts }, facts),
  ];
}

/** What More shows about the prospect besides the line: read-only, redrawn in place by `morph`. */
function prospectDetails(prospect: Prospect, touches: readonly Touch[], ctx: CardContext): HTMLElement[] {
  const { t, settings, locale } = ctx;
  const stage = settings.stages.find((s) => s.id === prospect.stageId);
  const cadence = prospect.cadenceDays
    ? plural(t, 'cardCadenceAgreed', prospect.cadenceDays, locale)
    : stage?.cadence ? plural(t, `cardCadence_${stage.cadence.unit}`, stage.cadence.amount, locale) : '—';
  const rows: [string, string][] = [
    [t('cardValue'), moneyText(prospect.value, prospect.currency, locale) || '—'],
    [t('cardDecisionMaker'), t(`decisionMaker_${prospect.decisionMaker}`)],
    [t('cardCadence'), `${cadence} · ${t(`channel_${prospect.channel}`)}`],
    [t('cardMeeting'), prospect.nextMeetingAt ? new Date(prospect.nextMeetingAt).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' }) : '—'],
  ];
  return [
    el('dl', {}, ...rows.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)])),
    el('ol', { 'aria-label': t('cardRecentTouches'), hidden: touches.length === 0 }, ...touches.map((touch) => el('li', {}, touchLine(touch, t, locale)))),
    el('p', { class: 'note', hidden: !prospect.notes }, prospect.notes),
  ];
}

/** The forms only More shows: stage and decisions, snooze until a date, cadence and meeting. */
function moreForms(now: Live, live: () => Live, act: (action: CardAction, field?: HTMLInputElement) => void): HTMLElement[] {
  return [
    el('div', { class: 'actions' }, stageForm(now, act), ...decisionButtons(now.t, act)),
    snoozeForm(live, act),
    el('div', { class: 'actions' }, cadenceForm(now, act), meetingForm(now, act)),
  ];
}

/**
 * The More control: a disclosure button (aria-expanded) that shows or hides `more` in place. Each
 * click by the rep is also remembered through `remember`, so the next card opens the same way.
 */
function moreToggle(section: HTMLElement, more: HTMLElement, t: Translate, remember: (open: boolean) => void): { button: HTMLButtonElement; set(open: boolean): void } {
  const button = el('button', { type: 'button', class: 'toggle', 'aria-controls': 'more' }, t('cardMore'));
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    more.hidden = !open;
    section.classList.toggle('open', open);
  };
  onActivate(button, () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    set(open);
    remember(open);
  });
  return { button, set };
}

function touchLine(touch: Touch, t: Translate, locale: string): string {
  const when = new Date(touch.at).toLocaleDateString(locale, { day: 'numeric', month: 'short' });
  const arrow = touch.direction === 'outbound' ? '→' : '←';
  return [when, arrow, t(`channel_${touch.channel}`), touch.note].filter(Boolean).join(' ');
}

function trackForm(candidates: readonly Person[], t: Translate, track: (person: Person) => void): HTMLElement[] {
  const choice = el('select', { name: 'person', 'aria-label': t('cardTrackWho') });
  for (const [index, person] of candidates.entries()) {
    choice.appendChild(el('option', { value: index }, person.name ? `${person.name} <${person.email}>` : person.email));
  }
  const button = el('button', { type: 'submit' }, t('cardTrack'));
  const form = el('form', { 'aria-label': t('cardTrack'), 'data-form': 'track' }, choice, button);
  holdSubmit(form);
  onActivate(button, () => {
    const person = candidates[Number(choice.value)];
    if (person) track(person);
  });
  return [el('h2', {}, t('cardUntracked')), form];
}
