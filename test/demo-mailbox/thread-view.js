// @ts-check
// The open thread: h2.hP with the thread ids, every message expanded in its own `.h7` under one
// parent, and the Reply / Forward buttons that open the inline reply box (div.M9).
import { el, generatedId, iconButton, onActivate } from './dom.js';
import { icon } from './icons.js';
import { lastMessage } from './mailbox.js';
import { applyMessageIds, renderMessage } from './message-view.js';
import { createReplyBox } from './reply.js';

/**
 * @typedef {import('./data.js').Thread} Thread
 * @typedef {import('./data.js').Message} Message
 * @typedef {import('./data.js').Person} Person
 */

/**
 * @param {object} options
 * @param {import('./i18n.js').Translator} options.i18n
 * @param {string} options.repAddress
 * @param {(thread: Thread, draft: { recipients: Person[], body: string }) => void} options.onSend
 */
export function createThreadView({ i18n, repAddress, onSend }) {
  const { t } = i18n;
  const context = { i18n, repAddress };
  const element = el('div', { class: 'nH aHU' });
  /** Message → its div.adn, so ids can be filled in when a sent reply is confirmed. */
  const elements = /** @type {WeakMap<Message, Element>} */ (new WeakMap());
  /** @type {Thread | null} */
  let open = null;
  /** @type {HTMLElement} */
  let messagesParent = el('div');
  /** @type {HTMLElement} */
  let replyArea = el('div');

  /**
   * Reply goes to whoever wrote last, or, when that was the rep, to the people the rep wrote to.
   * @param {Thread} thread
   */
  function replyRecipients(thread) {
    const last = lastMessage(thread);
    const people = last.from.email === repAddress ? [...last.to, ...last.cc] : [last.from];
    return people.filter((person) => person.email !== repAddress);
  }

  /** @param {Thread} thread */
  function showReplyButtons(thread) {
    const reply = el('span', { class: 'ams bkH', role: 'link', tabindex: 0 }, icon('reply', 18), t('reply'));
    const forward = el('span', { class: 'ams bkG', role: 'link', tabindex: 0 }, icon('forward', 18), t('forward'));
    onActivate(reply, () => showReplyBox(thread, replyRecipients(thread)));
    onActivate(forward, () => showReplyBox(thread, []));
    replyArea.replaceChildren(el('div', { class: 'amn' }, reply, forward));
  }

  /**
   * @param {Thread} thread
   * @param {Person[]} recipients
   */
  function showReplyBox(thread, recipients) {
    const box = createReplyBox({
      i18n,
      recipients,
      onSend: (draft) => {
        showReplyButtons(thread);
        onSend(thread, draft);
      },
      onDiscard: () => showReplyButtons(thread),
    });
    replyArea.replaceChildren(box.element);
    box.focus();
  }

  /** @param {Message} message */
  function appendMessage(message) {
    const rendered = renderMessage(message, context);
    elements.set(message, rendered.message);
    messagesParent.append(rendered.container);
  }

  return {
    element,
    openThreadId: () => open?.legacyId ?? null,
    /**
     * @param {Thread | null} thread null: nothing to show (unknown id, or none selected)
     * @param {{ backLabel: string, onBack: (() => void) | null, emptyText: string }} options
     */
    show(thread, { backLabel, onBack, emptyText }) {
      open = thread;
      const back = iconButton('lS', t('backTo', { view: backLabel }), icon('back'));
      if (onBack) onActivate(back, onBack);
      const toolbar = el('div', { class: 'G-atb', role: 'toolbar' }, onBack ? back : null,
        iconButton('lR', t('archive'), icon('archive')), iconButton('nN', t('reportSpam'), icon('spam')),
        iconButton('nX', t('delete'), icon('trash')), iconButton('ns', t('markUnread'), icon('unread')));
      if (!thread) {
        element.replaceChildren(toolbar, el('div', { class: 'TC' }, emptyText));
        return;
      }
      const heading = el('h2', { class: 'hP', id: generatedId(), 'data-thread-perm-id': thread.permId, 'data-legacy-thread-id': thread.legacyId, tabindex: -1 }, thread.subject);
      const labels = thread.labels.map((label) => el('span', { class: 'ahR' }, label === 'inbox' ? t('inbox') : label));
      messagesParent = el('div', { class: 'Bs nH', role: 'list' });
      replyArea = el('div', { class: 'ip iq' });
      element.replaceChildren(toolbar, el('div', { class: 'nH if' }, el('div', { class: 'ha' }, heading, ...labels), messagesParent, replyArea));
      thread.messages.forEach(appendMessage);
      showReplyButtons(thread);
    },
    /**
     * Adds a message to the open thread as a new `.h7` child (no-op for another thread).
     * @param {Thread} thread
     * @param {Message} message
     */
    append(thread, message) {
      if (open === thread) appendMessage(message);
    },
    /**
     * Re-reads a message's ids after they changed (a sent reply got its real id).
     * @param {Message} message
     */
    refreshIds(message) {
      const adn = elements.get(message);
      if (adn) applyMessageIds(adn, message);
    },
  };
}

/** @typedef {ReturnType<typeof createThreadView>} ThreadView */
