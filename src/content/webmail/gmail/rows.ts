import type { MissLogger, Person, ThreadRow } from '../types';
import { timeFromId } from '../../../domain/gmailIds';
import { resolveId } from './ids';
import { GMAIL_MISS } from './misses';
import { peopleFrom, textOf } from './people';
import {
  EMAIL_ATTR,
  LAST_MESSAGE_ID_ATTR,
  LEGACY_THREAD_ID_ATTR,
  ROW_PEOPLE_CELL,
  ROW_PERSON,
  ROW_SUBJECT,
  ROW_SUBJECT_CELL,
  ROW_THREAD_ID_HOLDER,
  THREAD_ID_ATTR,
  THREAD_ROW,
  UNREAD_ROW,
  VERTICAL_PANE_FIRST_ROW,
} from './selectors';

/**
 * Thread rows of a list view. In the vertical reading pane one thread spans up to three `tr`,
 * and its ids, people and subject may sit in any of them, so a row is read as a group of parts.
 *
 * A row with people but no usable thread id is still returned (threadId null, miss reported):
 * the content script can annotate it by address. A row with neither is skipped and reported.
 */

/** The vertical reading pane's first row is followed by at most this many rows of its own. */
const MAX_CONTINUATION_ROWS = 2;

export function threadRows(root: ParentNode, miss: MissLogger): ThreadRow[] {
  const rows: ThreadRow[] = [];
  const continuations = new Set<Element>();
  for (const first of firstRowsUnder(root)) {
    if (continuations.has(first)) continue;
    const parts = rowParts(first);
    for (const part of parts.slice(1)) continuations.add(part);
    const row = threadRowFrom(first, parts, miss);
    if (row) rows.push(row);
  }
  return rows;
}

/** Thread rows under `root`, and `root` itself when the caller hands us a single row. */
function firstRowsUnder(root: ParentNode): HTMLElement[] {
  const rows = Array.from(root.querySelectorAll<HTMLElement>(THREAD_ROW));
  if (isElement(root) && root.matches(THREAD_ROW)) rows.unshift(root as HTMLElement);
  return rows;
}

function isElement(node: ParentNode): node is Element {
  return 'matches' in node;
}

/**
 * The `tr`s of one thread: the row itself, plus its continuation rows in the vertical pane. Real
 * Gmail marks continuation rows `tr.zA.apv` too (captured 2014 markup): the next thread starts at
 * the next such row that lists people, as every thread's first row does.
 */
function rowParts(first: HTMLElement): HTMLElement[] {
  const parts = [first];
  if (!first.matches(VERTICAL_PANE_FIRST_ROW)) return parts;
  let next = first.nextElementSibling;
  while (next && parts.length <= MAX_CONTINUATION_ROWS && !(next.matches(THREAD_ROW) && next.querySelector(ROW_PEOPLE_CELL))) {
    parts.push(next as HTMLElement);
    next = next.nextElementSibling;
  }
  return parts;
}

function threadRowFrom(first: HTMLElement, parts: readonly HTMLElement[], miss: MissLogger): ThreadRow | null {
  const threadId = threadIdOf(parts, miss);
  const people = peopleOf(parts, miss);
  if (threadId === null && people.length === 0) {
    miss(GMAIL_MISS.rowWithoutIds);
    return null;
  }
  if (threadId === null) miss(GMAIL_MISS.rowWithoutThreadId);
  const subject = firstIn(parts, ROW_SUBJECT);
  if (!subject) miss(GMAIL_MISS.rowWithoutSubject);
  const unread = first.matches(UNREAD_ROW);
  // Only an unread row's newest message is ever read: the others are not decoded.
  const lastMessageId = unread ? lastMessageIdOf(parts, miss) : null;
  return {
    element: first,
    threadId,
    people,
    subject: textOf(subject),
    chipAnchor: chipAnchorOf(first, parts),
    unread,
    lastMessageId,
    // Not bounded by this machine's clock, which may run behind Gmail's: the reader clamps to its own now.
    lastMessageAt: lastMessageId === null ? null : timeFromId(lastMessageId, Infinity),
  };
}

function threadIdOf(parts: readonly HTMLElement[], miss: MissLogger): string | null {
  const holder = firstIn(parts, ROW_THREAD_ID_HOLDER);
  if (!holder) return null;
  return resolveId([holder.getAttribute(LEGACY_THREAD_ID_ATTR), holder.getAttribute(THREAD_ID_ATTR)], miss);
}

function lastMessageIdOf(parts: readonly HTMLElement[], miss: MissLogger): string | null {
  const holder = firstIn(parts, ROW_THREAD_ID_HOLDER);
  return holder ? resolveId([holder.getAttribute(LAST_MESSAGE_ID_ATTR)], miss) : null;
}

function peopleOf(parts: readonly HTMLElement[], miss: MissLogger): Person[] {
  const spans = parts.flatMap((part) => Array.from(part.querySelectorAll(ROW_PERSON)));
  return peopleFrom(spans, [EMAIL_ATTR], miss);
}

/** Next to the subject; failing that inside the people cell, so a chip never lands in a bare `tr`. */
function chipAnchorOf(first: HTMLElement, parts: readonly HTMLElement[]): HTMLElement {
  return firstIn(parts, ROW_SUBJECT_CELL) ?? firstIn(parts, ROW_PEOPLE_CELL) ?? first;
}

function firstIn(parts: readonly HTMLElement[], selector: string): HTMLElement | null {
  for (const part of parts) {
    const found = part.querySelector<HTMLElement>(selector);
    if (found) return found;
  }
  return null;
}
