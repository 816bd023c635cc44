import browser from 'webextension-polyfill';
import { PROTOCOL_TAG, type ChangeEvent, type ProgressEvent, type ProgressWork, type RelayedSend, type RelayedSendEvent } from '../messaging/protocol';
import { GMAIL_ORIGIN } from './senders';

/**
 * Tells every open extension page and Gmail tab what changed, so chips, cards and lists refresh
 * from the store. Stateless: the tabs are looked up each time, nothing is kept in worker memory.
 */
export async function broadcastChange(prospectIds: readonly string[], settingsChanged = false): Promise<void> {
  const event: ChangeEvent = { tag: PROTOCOL_TAG, event: 'changed', prospectIds, settingsChanged };
  // No page open is the normal case, not an error.
  const toPages = browser.runtime.sendMessage(event).catch(() => undefined);
  await Promise.all([toPages, toGmailTabs(event)]);
}

/**
 * Hands a send from a pop-out window to every Gmail tab (the pop-out included: whichever shows
 * the send's notice logs it). Only Gmail tabs hear it, not extension pages. Answers how many tabs
 * took it.
 */
export function relaySend(send: RelayedSend): Promise<number> {
  const event: RelayedSendEvent = { tag: PROTOCOL_TAG, event: 'sent', send };
  return toGmailTabs(event);
}

/**
 * Sends `event` to every open Gmail tab; answers how many took it. A tab without our content
 * script (loaded before the extension was) refuses it, which is not an error.
 */
async function toGmailTabs(event: ChangeEvent | RelayedSendEvent): Promise<number> {
  const tabs = await browser.tabs.query({ url: `${GMAIL_ORIGIN}/*` });
  const told = await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? false : browser.tabs.sendMessage(tab.id, event).then(() => true, () => false))),
  );
  return told.filter(Boolean).length;
}

/**
 * Tells Touchbase's own pages how far an import has got. runtime.sendMessage reaches extension
 * pages only: a Gmail tab hears nothing of it. Not awaited: the import does not wait for a page.
 */
export function broadcastProgress(work: ProgressWork, done: number, total: number): void {
  const event: ProgressEvent = { tag: PROTOCOL_TAG, event: 'progress', work, done, total };
  browser.runtime.sendMessage(event).catch(() => undefined); // no page open is the normal case
}
