import type { MissLogger, OpenThread, Person, ThreadMessage } from '../types';
import { timeFromId } from '../../../domain/gmailIds';
import { resolveId } from './ids';
import { GMAIL_MISS } from './misses';
import { peopleFrom, personFrom, textOf } from './people';
import {
  EMAIL_ATTR,
  EXPANDED_MESSAGE,
  LEGACY_MESSAGE_ID_ATTR,
  LEGACY_THREAD_ID_ATTR,
  MESSAGE,
  MESSAGE_ID_ATTR,
  MESSAGE_RECIPIENT,
  MESSAGE_SENDER,
  THREAD_HEADING,
  THREAD_PERM_ID_ATTR,
} from './selectors';

/**
 * The thread open in the reading view: its subject heading carries the thread ids, each
 * message its own ids, sender and recipients.
 */

export function openThread(doc: Document, miss: MissLogger): OpenThread | null {
  const heading = doc.querySelector<HTMLElement>(THREAD_HEADING);
  if (!heading) return null;
  // The perm id reads "undefined" on some loads; the legacy hex id is the one to trust first.
  const threadId = resolveId([heading.getAttribute(LEGACY_THREAD_ID_ATTR), heading.getAttribute(THREAD_PERM_ID_ATTR)], miss);
  if (threadId === null) {
    miss(GMAIL_MISS.threadWithoutId);
    return null;
  }
  const scope = threadScope(heading);
  return { threadId, subject: textOf(heading), messages: threadMessages(scope, miss), cardAnchor: cardAnchorOf(scope, heading, miss) };
}

/** Every message under `scope`; messages without any id are skipped and reported. */
export function threadMessages(scope: ParentNode, miss: MissLogger): ThreadMessage[] {
  const messages: ThreadMessage[] = [];
  for (const element of scope.querySelectorAll<HTMLElement>(MESSAGE)) {
    const message = messageFrom(element, miss);
    if (message) messages.push(message);
  }
  return messages;
}

/**
 * The smallest ancestor of the heading that holds messages: it keeps us to this thread's
 * messages should Gmail keep another view in the page.
 */
function threadScope(heading: HTMLElement): ParentNode {
  let ancestor = heading.parentElement;
  while (ancestor && !ancestor.querySelector(MESSAGE)) ancestor = ancestor.parentElement;
  return ancestor ?? heading.ownerDocument;
}

function messageFrom(element: HTMLElement, miss: MissLogger): ThreadMessage | null {
  const legacyId = element.getAttribute(LEGACY_MESSAGE_ID_ATTR);
  const anyId = element.getAttribute(MESSAGE_ID_ATTR);
  if (legacyId === null && anyId === null) {
    miss(GMAIL_MISS.messageWithoutId);
    return null;
  }
  // A just-sent reply only has a provisional "#msg-a:" id: it is returned with messageId null.
  const messageId = resolveId([legacyId, anyId], miss);
  return {
    element,
    messageId,
    sentAt: messageId === null ? null : timeFromId(messageId),
    from: senderOf(element, miss),
    to: peopleFrom(element.querySelectorAll(MESSAGE_RECIPIENT), [EMAIL_ATTR], miss),
  };
}

function senderOf(message: HTMLElement, miss: MissLogger): Person | null {
  const span = message.querySelector(MESSAGE_SENDER);
  if (!span) {
    miss(GMAIL_MISS.messageWithoutSender);
    return null;
  }
  return personFrom(span, [EMAIL_ATTR], miss);
}

/**
 * The list of expanded messages: the card is meant to go in as its first child, above every
 * message. Without one, the heading's container (the card then sits by the subject).
 */
function cardAnchorOf(scope: ParentNode, heading: HTMLElement, miss: MissLogger): HTMLElement {
  const list = scope.querySelector(EXPANDED_MESSAGE)?.parentElement;
  if (list) return list;
  miss(GMAIL_MISS.threadWithoutMessageList);
  return heading.parentElement ?? heading;
}
