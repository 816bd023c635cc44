import { mailboxInTitle } from '../../../domain/gmailTitle';

/**
 * The signed-in rep's address, read from the tab title ("Inbox (3) - rep@example.com - Gmail")
 * by the same rule the background uses to tell Gmail tabs apart (domain/gmail.ts).
 */
export function mailboxFromTitle(doc: Document): string | null {
  return mailboxInTitle(doc.title);
}
