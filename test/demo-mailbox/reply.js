// @ts-check
// The inline reply box under an open thread (div.M9) and the send button shared with compose.
import { el, iconButton, onActivate } from './dom.js';
import { icon } from './icons.js';
import { createRecipientField } from './recipients.js';

/**
 * @typedef {import('./data.js').Person} Person
 * @typedef {(draft: { recipients: Person[], body: string }) => void} SendHandler
 */

/**
 * Gmail's send button: div.aoO[role=button]. Its label is localized; only the class is a hook.
 * @param {import('./i18n.js').Translator} i18n
 * @param {() => void} send
 */
export function sendButton(i18n, send) {
  const button = el('div', { class: 'T-I J-J5-Ji aoO v7 T-I-atl L3', role: 'button', tabindex: 0, 'aria-label': i18n.t('send'), 'data-tooltip': i18n.t('sendTooltip') }, i18n.t('send'));
  onActivate(button, send);
  return button;
}

/**
 * Sends on Ctrl+Enter (Cmd+Enter on a Mac) anywhere inside `box`.
 * @param {HTMLElement} box
 * @param {() => void} send
 */
export function sendOnCtrlEnter(box, send) {
  box.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      send();
    }
  });
}

/**
 * @param {object} options
 * @param {import('./i18n.js').Translator} options.i18n
 * @param {Person[]} options.recipients pre-filled chips (the people being replied to)
 * @param {SendHandler} options.onSend
 * @param {() => void} options.onDiscard
 */
export function createReplyBox({ i18n, recipients, onSend, onDiscard }) {
  const field = createRecipientField(i18n, recipients);
  const body = /** @type {HTMLTextAreaElement} */ (el('textarea', { class: 'Am Al editable', rows: 6, 'aria-label': i18n.t('messageBody') }));
  const send = () => onSend({ recipients: field.recipients(), body: body.value });
  const discard = iconButton('og', i18n.t('discard'), icon('trash', 18));
  onActivate(discard, onDiscard);
  const box = el('div', { class: 'M9' },
    el('div', { class: 'aDh' }, el('span', { class: 'aDj' }, icon('reply', 18)), field.element),
    body,
    el('div', { class: 'btC' }, sendButton(i18n, send), el('div', { class: 'btC-spacer' }), discard));
  sendOnCtrlEnter(box, send);
  return { element: box, focus: () => (recipients.length > 0 ? body.focus() : field.focus()) };
}
