// @ts-check
// The "New Message" window: div[role=dialog] with a To field of recipient chips, a subject, a
// body and the send button div.aoO, inside Gmail's compose form div.M9. One window at a time,
// docked bottom right like Gmail's; an undone send reopens it with its draft. Its pop-out button
// (img.Hq.aUG in Gmail) moves the draft into a window of its own (popout.js).
import { el, iconButton, onActivate } from './dom.js';
import { icon } from './icons.js';
import { createRecipientField } from './recipients.js';
import { sendButton, sendOnCtrlEnter } from './reply.js';

/** @typedef {{ recipients: import('./data.js').Person[], subject: string, body: string }} ComposeDraft */

/** @type {HTMLElement | null} */
let openWindow = null;

/**
 * Opens the compose window (or focuses the one already open).
 * @param {object} options
 * @param {import('./i18n.js').Translator} options.i18n
 * @param {(draft: ComposeDraft) => void} options.onSend
 * @param {ComposeDraft} [options.draft] what to reopen with (after an undone send)
 * @param {(draft: ComposeDraft) => void} [options.onPopOut] moves the draft into a window of its
 *   own; absent in that window itself
 */
export function openCompose({ i18n, onSend, draft, onPopOut }) {
  const { t } = i18n;
  if (openWindow?.isConnected) {
    openWindow.querySelector('input')?.focus();
    return;
  }
  const field = createRecipientField(i18n, draft?.recipients ?? []);
  const subject = /** @type {HTMLInputElement} */ (el('input', { class: 'aoT', name: 'subjectbox', type: 'text', placeholder: t('subject'), 'aria-label': t('subject') }));
  const body = /** @type {HTMLTextAreaElement} */ (el('textarea', { class: 'Am Al editable', rows: 12, 'aria-label': t('messageBody') }));
  subject.value = draft?.subject ?? '';
  body.value = draft?.body ?? '';
  const close = () => {
    dialog.remove();
    openWindow = null;
  };
  const current = () => ({ recipients: field.recipients(), subject: subject.value.trim(), body: body.value });
  const send = () => {
    const written = current();
    // Gmail refuses to send without a recipient; keep the window open so the rep can add one.
    if (written.recipients.length === 0) return field.focus();
    close();
    onSend(written);
  };
  const minimize = iconButton('Hl', t('minimize'), icon('minimize', 16));
  const closeButton = iconButton('Ha', t('saveAndClose'), icon('close', 16));
  const popOut = onPopOut ? iconButton('Hq aUG', t('popOut'), icon('popOut', 16)) : null;
  const discard = iconButton('og', t('discard'), icon('trash', 18));
  const dialog = el('div', { class: 'nH Hd', role: 'dialog', 'aria-label': t('newMessage') },
    el('div', { class: 'aYF' }, el('span', { class: 'aYF-title' }, t('newMessage')), el('div', { class: 'aYF-buttons' }, minimize, popOut, closeButton)),
    el('div', { class: 'M9' }, el('div', { class: 'aDg' }, field.element, el('div', { class: 'aoD' }, subject), body,
      el('div', { class: 'btC' }, sendButton(i18n, send), el('div', { class: 'btC-spacer' }), discard))));
  onActivate(minimize, () => dialog.classList.toggle('minimized'));
  onActivate(closeButton, close);
  if (popOut && onPopOut) {
    onActivate(popOut, () => {
      close();
      onPopOut(current());
    });
  }
  onActivate(discard, close);
  sendOnCtrlEnter(dialog, send);
  document.body.append(dialog);
  openWindow = dialog;
  field.focus();
}
