import { parseEmail } from './email';
import type { ThreadLink } from './types';

/**
 * Gmail's URL shapes, tab titles and id formats, in one place and without any browser API, so the
 * content script, the reminder rules and the background's tab handling read Gmail the same way.
 * Gmail's markup (selectors) stays in the content script's adapter (src/content/webmail/gmail/).
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

/** Gmail's signed-in address has this shape; localized words around it may touch it without a space. */
const ADDRESS_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * The signed-in address in a Gmail tab title ("Inbox (3) - rep@example.com - Gmail"): the last
 * address in it, since an open thread puts its subject first and a subject may hold an address.
 */
export function mailboxInTitle(title: string): string | null {
  const found = title.match(ADDRESS_IN_TEXT);
  const last = found?.at(-1);
  return last === undefined ? null : parseEmail(last);
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

// ── Ids ─────────────────────────────────────────────────────────────────────────────────────

/*
 * Gmail spells one id several ways: the legacy 16-hex id (`18bc1a2b3c4d5e6f`), and the same
 * number in decimal behind a prefix (`#thread-f:1782…`, `#msg-f:1782…`, `thread-f:1782…`). We
 * store the hex spelling, the one that has been stable since 2018. A just-sent reply first gets a
 * provisional `#msg-a:r-…` id that is replaced a moment later, so it has no canonical id yet.
 */

/** Hex legacy id. Ids minted before November 2004 have 15 digits, later ones 16. */
const LEGACY_ID = /^[0-9a-f]{15,16}$/;
/** Decimal id behind its prefix; 20 digits hold any 64-bit number. */
const DECIMAL_ID = /^#?(?:thread|msg)-f:(\d{1,20})$/;

/** Gmail opened in April 2004: an id decoding to an earlier time is not a Gmail id. */
const EARLIEST_GMAIL_TIME = Date.UTC(2004, 0, 1);
/** Tolerates a clock on this machine that runs behind Gmail's. */
const CLOCK_SKEW_ALLOWANCE = 24 * 60 * 60 * 1000;
/** The low 20 bits of an id are a sequence number; the rest is epoch milliseconds. */
const SEQUENCE_BITS = 20n;

/** The canonical (lower-case hex) id for any spelling of a stable id; null for anything else. */
export function canonicalId(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim().toLowerCase();
  if (LEGACY_ID.test(value)) return value;
  const decimal = DECIMAL_ID.exec(value)?.[1];
  if (decimal === undefined) return null;
  const hex = BigInt(decimal).toString(16);
  return LEGACY_ID.test(hex) ? hex : null;
}

/**
 * When the id was minted (epoch ms), or null when it decodes to no plausible Gmail time.
 * @param now pass Infinity where this machine's clock must not bound the answer
 */
export function timeFromId(id: string, now: number = Date.now()): number | null {
  const hex = canonicalId(id);
  if (hex === null) return null;
  const time = Number(BigInt(`0x${hex}`) >> SEQUENCE_BITS);
  return time >= EARLIEST_GMAIL_TIME && time <= now + CLOCK_SKEW_ALLOWANCE ? time : null;
}
