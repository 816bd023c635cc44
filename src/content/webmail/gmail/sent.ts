import { NOTICE_UNDO, SENT_NOTICE_VIEW } from './selectors';

/**
 * Gmail's notice at the bottom of the page: "Sending…" while a message goes, then "Message sent"
 * with *Undo* and *View message*. Only the link ids are read, never the words. Each notice is new
 * markup, so a notice still showing from an earlier send is told apart by its element.
 */

/** The "View message" link of the notice showing now, or null (no notice, or still sending). */
export function sentNotice(doc: Document): Element | null {
  return doc.querySelector(SENT_NOTICE_VIEW);
}

/**
 * Whether the event is the rep's *Undo* on this send's notice. Gmail uses the same undo link
 * for other actions (archiving, deleting), whose notice replaces the send's: the link counts only
 * while the send's own *View message* link is still on the page.
 */
export function undoes(event: Event, notice: Element): boolean {
  const target = event.target;
  if (!(target instanceof Element) || !notice.isConnected || target.closest(NOTICE_UNDO) === null) return false;
  return event.type === 'click' || (event instanceof KeyboardEvent && event.key === 'Enter');
}
