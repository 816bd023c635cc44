import { parseEmail } from '../../../domain/email';

/**
 * The signed-in rep's address, read from the tab title ("Inbox (3) - rep@example.com - Gmail").
 * The words around it are localized, and scripts such as Thai or Chinese may put them right
 * next to the address without a space, so we look for the address by its own shape: ASCII
 * characters around one @.
 */
const ADDRESS_IN_TEXT = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

/**
 * The last address in the title: an open thread puts its subject first, and a subject may
 * itself contain an address ("Call with ana@acme.io - rep@example.com - Gmail").
 */
export function mailboxFromTitle(doc: Document): string | null {
  const found = doc.title.match(ADDRESS_IN_TEXT);
  const last = found?.[found.length - 1];
  if (last === undefined) return null;
  return parseEmail(last);
}
