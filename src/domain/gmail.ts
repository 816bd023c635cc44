import { parseEmail } from './email';
import { mailboxInTitle } from './gmailTitle';
import type { ThreadLink } from './types';

export { canonicalId, timeFromId } from './gmailIds';
export { mailboxInTitle } from './gmailTitle';
export { isPopOutUrl } from './gmailPopOut';

/**
 * Gmail's URL shapes, tab titles and id formats, in one place and without any browser API, so the
 * content script, the reminder rules and the background's tab handling read Gmail the same way.
 * Gmail's markup (selectors) stays in the content script's adapter (src/content/webmail/gmail/).
 * The title, pop-out and id rules sit in files of their own (re-exported here), which the content
 * script imports directly: Gmail tabs then load only those, not the background's tab handling.
 */

export const GMAIL_ORIGIN = 'https://mail.google.com';

/** The match pattern of every Gmail tab (for `tabs.query`). */
export const GMAIL_TABS = `${GMAIL_ORIGIN}/*`;

/** The Gmail URL of a thread, addressed by mailbox so the right account opens. */
export function threadUrl(thread: ThreadLink): string {
  return `${GMAIL_ORIGIN}/mail/u/${encodeURIComponent(thread.mailbox)}/${threadHash(thread.threadId)}`;
}

/** The fragment that shows a thread in an already open Gmail tab. */
export function threadHash(threadId: string): string {
  return `#inbox/${encodeURIComponent(threadId)}`;
}

/** The account segment of a Gmail URL when it names the address (`/mail/u/rep@example.com/`), else null. */
function mailboxInUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.origin !== GMAIL_ORIGIN) return null;
    const segment = /^\/mail\/u\/([^/]+)/.exec(parsed.pathname)?.[1];
    return segment === undefined ? null : parseEmail(decodeURIComponent(segment));
  } catch {
    return null; // not a URL, or a malformed escape in it: it names no mailbox
  }
}

/** The mailbox a Gmail tab shows: named in its URL, or else in its title; null when neither says. */
export function mailboxOfTab(tab: { readonly url?: string; readonly title?: string }): string | null {
  return (tab.url === undefined ? null : mailboxInUrl(tab.url)) ?? (tab.title === undefined ? null : mailboxInTitle(tab.title));
}

/** Whether a tab shows exactly this mailbox (addresses compare case-insensitively, never by substring). */
export function isTabOfMailbox(tab: { readonly url?: string; readonly title?: string }, mailbox: string): boolean {
  const shown = mailboxOfTab(tab);
  return shown !== null && shown === parseEmail(mailbox);
}

/**
 * Of the open Gmail tabs, the one to show a thread of this mailbox in: among the mailbox's tabs, the one
 * the rep used last, since that is where they expect to see it (a tab that never reported use counts as oldest).
 * Undefined when no tab shows the mailbox.
 */
export function tabToShowThreadIn<T extends { readonly url?: string; readonly title?: string; readonly lastAccessed?: number }>(
  tabs: readonly T[],
  mailbox: string,
): T | undefined {
  let chosen: T | undefined;
  for (const tab of tabs) {
    if (!isTabOfMailbox(tab, mailbox)) continue;
    if (chosen === undefined || (tab.lastAccessed ?? 0) > (chosen.lastAccessed ?? 0)) chosen = tab;
  }
  return chosen;
}
