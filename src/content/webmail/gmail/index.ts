import type { WebmailAdapter } from '../types';
import { mailboxFromTitle } from './account';
import { threadRows } from './rows';
import { EMAIL_ATTR, LAST_MESSAGE_ID_ATTR, LEGACY_MESSAGE_ID_ATTR, LEGACY_THREAD_ID_ATTR, MAIN_PANE, MESSAGE_ID_ATTR, THREAD_ID_ATTR } from './selectors';
import { openThread } from './thread';

/**
 * Gmail as plain values (docs/architecture.md#gmail-hooks): the only door from the content script into Gmail's DOM.
 * Every function returns partial data and reports mismatches to its MissLogger; none throws.
 */
export const gmailAdapter: WebmailAdapter = {
  name: 'gmail',
  mailbox: mailboxFromTitle,
  observationRoot: (doc) => doc.querySelector<HTMLElement>(MAIN_PANE),
  // Gmail recycles rows by rewriting these in place; a just-sent message gains its ids late.
  watchedAttributes: [THREAD_ID_ATTR, LEGACY_THREAD_ID_ATTR, LAST_MESSAGE_ID_ATTR, MESSAGE_ID_ATTR, LEGACY_MESSAGE_ID_ATTR, EMAIL_ATTR],
  rows: threadRows,
  openThread,
};

export { GMAIL_MISS, type GmailMiss } from './misses';
