// @ts-check
// What changes the mailbox: the rep sends a reply or a new message, or a message arrives.
// Each returns the new message so the page can show it; ids follow Gmail's rules.
import { decimalOf, legacyIdAt, pendingMessageId, randomLow20 } from './ids.js';
import { messageWithIds, threadWithIds } from './data.js';

/**
 * @typedef {import('./data.js').Thread} Thread
 * @typedef {import('./data.js').Message} Message
 * @typedef {import('./data.js').Person} Person
 */

/** How long a sent reply keeps its temporary `#msg-a:` id before Gmail's server answers. */
export const CONFIRM_DELAY_MS = 300;

/**
 * Adds the rep's reply to a thread with a temporary id only; `confirm` later gives it the real
 * ids, which encode the moment it was sent (not the moment it was confirmed).
 * @param {Thread} thread
 * @param {Person} rep
 * @param {{ recipients: Person[], body: string }} draft
 * @param {(message: Message) => void} confirmed called once the real ids are set
 * @param {number} [confirmDelay] how long the temporary id lasts
 */
export function addReply(thread, rep, draft, confirmed, confirmDelay = CONFIRM_DELAY_MS) {
  const sentAt = Date.now();
  /** @type {Message} */
  const message = { legacyId: null, messageId: pendingMessageId(), from: rep, to: draft.recipients, cc: [], sentAt, body: draft.body, attachment: null };
  thread.messages.push(message);
  thread.unread = false;
  setTimeout(() => {
    message.legacyId = legacyIdAt(sentAt, randomLow20());
    message.messageId = `#msg-f:${decimalOf(message.legacyId)}`;
    confirmed(message);
  }, confirmDelay);
  return message;
}

let composed = 0;

/**
 * A new thread started from the compose window; it shows in Inbox and Sent.
 * @param {Person} rep
 * @param {{ recipients: Person[], subject: string, body: string }} draft
 * @returns {Thread}
 */
export function newThread(rep, draft) {
  composed += 1;
  const message = messageWithIds({ from: rep, to: draft.recipients, cc: [], sentAt: Date.now(), body: draft.body, attachment: null }, randomLow20());
  return threadWithIds({ key: `compose-${composed}`, subject: draft.subject, labels: ['inbox'], unread: false, starred: false, messages: [message] });
}

/**
 * A message arriving in an existing thread: it becomes unread and goes back to the inbox.
 * @param {Thread} thread
 * @param {Person} rep
 * @param {{ from: Person, body: string }} incoming
 */
export function addIncoming(thread, rep, incoming) {
  const message = messageWithIds({ from: incoming.from, to: [rep], cc: [], sentAt: Date.now(), body: incoming.body, attachment: null }, randomLow20());
  thread.messages.push(message);
  thread.unread = true;
  if (!thread.labels.includes('inbox')) thread.labels.unshift('inbox');
  return message;
}
