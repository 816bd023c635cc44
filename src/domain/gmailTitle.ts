import { parseEmail } from './email';

/** How Gmail names the signed-in mailbox in its tab title; part of domain/gmail.ts. */

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
