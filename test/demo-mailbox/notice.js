// @ts-check
// Gmail's notice at the bottom of the window: a short message, or "Sending…" then "Message sent"
// with Undo (span#link_undo) and View message (span#link_vsm), kept for the undo window. Each
// notice is new markup. Used by the mailbox's frame (shell.js) and by a pop-out window that shows
// its own send's notice (popout.js).
import { el, onActivate } from './dom.js';

/** How long "Sending…" shows before the sent notice (unless the page asks for longer). */
const SENDING_MS = 150;
/** Gmail's longest undo-send period. */
const UNDO_WINDOW_MS = 30_000;

/**
 * @param {import('./i18n.js').Translator} i18n
 * @returns {{ element: HTMLElement, show(text: string): void, sent(actions: { onUndo: () => void, onView: () => void, sendingMs?: number }): void }}
 */
export function createNotice({ t }) {
  const text = el('span', { class: 'bAq' });
  const element = el('div', { class: 'b8 UC', role: 'alert', hidden: true }, text);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  const show = (/** @type {string} */ message) => {
    text.replaceChildren(message);
    element.hidden = false;
    clearTimeout(timer);
    timer = setTimeout(() => (element.hidden = true), 4000);
  };
  return {
    element,
    show,
    sent({ onUndo, onView, sendingMs = SENDING_MS }) {
      show(t('sending'));
      clearTimeout(timer);
      timer = setTimeout(() => {
        const undo = el('span', { class: 'ag a8k', id: 'link_undo', role: 'link', tabindex: 0 }, t('undo'));
        const view = el('span', { class: 'ag a8k', id: 'link_vsm', role: 'link', tabindex: 0 }, t('viewMessage'));
        onActivate(undo, () => {
          element.hidden = true;
          text.replaceChildren();
          onUndo();
        });
        onActivate(view, () => {
          element.hidden = true;
          onView();
        });
        text.replaceChildren(el('span', { class: 'aT' }, el('span', { class: 'bAq' }, t('messageSent')), undo, view));
        timer = setTimeout(() => (element.hidden = true), UNDO_WINDOW_MS);
      }, sendingMs);
    },
  };
}
