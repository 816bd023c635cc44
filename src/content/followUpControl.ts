import { FOLLOW_UP_DAYS, followUpDays } from '../domain/followUp';
import { mostUrgent } from '../domain/urgency';
import { t } from '../platform/i18n';
import { el, shadowHost } from './dom';
import { onActivate } from './userInput';
import type { ProspectCache } from './prospectCache';
import type { SendHooks } from './webmail/sends';
import type { MissLogger } from './webmail/types';

const CSS = `:host{display:inline-flex;gap:6px;margin:0 8px}[min]{width:4em}`;

interface Control {
  readonly host: HTMLElement;
  readonly text: HTMLElement;
  readonly days: HTMLInputElement;
  /** What the rep chose, from their own input only (a script's `click()` still ends in a trusted `change`). */
  on: boolean;
  value: number;
  edited: boolean;
}

/** The follow-up controls of the drafts on the page. */
export interface FollowUpControls {
  /** Places the control in the draft around `target` (once), and words it for its recipients. */
  place(target: EventTarget | null): Promise<void>;
  /** The days the rep chose for this draft's follow-up, or null when they chose none. */
  daysFor(draft: Element): number | null;
}

/**
 * *Follow up in N days if no reply*, beside the send button of each draft (a new-message window,
 * an inline reply or forward), in a closed shadow root. For a draft to tracked people it offers
 * their next follow-up (default: the agreed cadence, else the stage's); for a draft to no tracked
 * person, *Track and remind*. Nothing happens until the message is sent (the send watcher reads
 * the choice then): a draft saved or discarded changes nothing. The choice counts only from the
 * rep's own input; a draft whose send button does not match gets no control (one logged miss).
 */
export function followUpControls(hooks: SendHooks, cache: ProspectCache, mailbox: () => string | null, miss: MissLogger): FollowUpControls {
  const controls = new WeakMap<Element, Control>();
  return {
    daysFor(draft) {
      const control = controls.get(draft);
      const days = Math.round(control?.value ?? NaN);
      // NaN (an empty or unreadable field) fails both comparisons.
      return control?.on && days >= FOLLOW_UP_DAYS.min && days <= FOLLOW_UP_DAYS.max ? days : null;
    },
    async place(target) {
      const rep = mailbox();
      const found = rep ? hooks.draftAt(target, miss) : null;
      if (!found || !rep) return;
      let control = controls.get(found.draft);
      if (!control?.host.isConnected) {
        control = build();
        controls.set(found.draft, control);
        found.sendButton.after(control.host);
      }
      const emails = hooks.recipientsOf(found.draft, miss).map((p) => p.email).filter((email) => email !== rep);
      await cache.load(rep, [], emails);
      const settings = cache.settings;
      if (!settings) return;
      const tracked = mostUrgent(cache.tracked(null, emails));
      control.text.textContent = t(tracked || emails.length === 0 ? 'composeFollowUp' : 'composeTrackAndRemind');
      if (!control.edited) control.days.value = String((control.value = followUpDays(tracked, settings, Date.now())));
    },
  };
}

function build(): Control {
  const { host, root } = shadowHost('span', 'follow-up', CSS);
  const box = el('input', { type: 'checkbox' });
  const text = el('span');
  const days = el('input', { type: 'number', min: FOLLOW_UP_DAYS.min, max: FOLLOW_UP_DAYS.max, 'aria-label': t('composeFollowUpDays') });
  root.append(el('label', {}, box, text), days);
  const control: Control = { host, text, days, on: false, value: NaN, edited: false };
  // The rep's own click, or Space on the focused box (the browser's click for it).
  onActivate(box, () => (control.on = box.checked));
  days.addEventListener('input', (event) => {
    if (event.isTrusted) {
      control.value = days.valueAsNumber;
      control.edited = true;
    }
  });
  return control;
}
