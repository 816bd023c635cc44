import type { DraftSend } from '../sends';
import type { MissLogger, Person } from '../types';
import { GMAIL_MISS } from './misses';
import { peopleFrom } from './people';
import { COMPOSE_FORM, EMAIL_ATTR, HOVERCARD_ID_ATTR, RECIPIENT_CHIP, SEND_BUTTON } from './selectors';

/**
 * A draft sent by the rep: a click on its send button (a mouse press, or the browser's click for
 * Enter on the focused button), Enter or Space pressed on that button, or Ctrl/Cmd+Enter anywhere
 * in the draft, as Gmail's own shortcut. Read in the capture phase, before Gmail closes the draft.
 * No label or tooltip is read: Gmail's UI may be in any language.
 */
export function sendingDraft(event: Event, miss: MissLogger): DraftSend | null {
  const target = event.target;
  if (!(target instanceof Element)) return null;
  const form = target.closest(COMPOSE_FORM);
  if (form === null || !sendsDraft(event, target)) return null;
  const recipients = recipientsOf(form, miss);
  if (recipients.length === 0) miss(GMAIL_MISS.draftWithoutRecipients);
  return { draft: form, recipients };
}

function sendsDraft(event: Event, target: Element): boolean {
  const onButton = target.closest(SEND_BUTTON) !== null;
  if (event.type === 'click') return onButton;
  if (!(event instanceof KeyboardEvent)) return false;
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) return true;
  return onButton && (event.key === 'Enter' || event.key === ' ');
}

/** The draft's recipients (to, cc, bcc) as its chips show them now. */
export function recipientsOf(draft: Element, miss: MissLogger): Person[] {
  return peopleFrom(draft.querySelectorAll(RECIPIENT_CHIP), [EMAIL_ATTR, HOVERCARD_ID_ATTR], miss);
}

/** The draft around `target` and its send button; a draft without one is reported. */
export function draftAt(target: EventTarget | null, miss: MissLogger): { draft: Element; sendButton: Element } | null {
  const draft = target instanceof Element ? target.closest(COMPOSE_FORM) : null;
  if (draft === null) return null;
  const sendButton = draft.querySelector(SEND_BUTTON);
  if (sendButton === null) {
    miss(GMAIL_MISS.draftWithoutSendButton);
    return null;
  }
  return { draft, sendButton };
}
