import browser from 'webextension-polyfill';
import { threadUrl } from '../domain/reminders';
import type { ThreadLink } from '../domain/types';
import { GMAIL_ORIGIN } from './senders';

/**
 * Focuses an open Gmail tab of the thread's mailbox and navigates it; opens a new tab when the
 * rep has none. Gmail puts the signed-in address in the tab title, which is how tabs of
 * different accounts are told apart.
 */
export async function openThread(thread: ThreadLink): Promise<void> {
  const tabs = await browser.tabs.query({ url: `${GMAIL_ORIGIN}/*` });
  const tab = tabs.find((candidate) => candidate.title?.toLowerCase().includes(thread.mailbox));
  if (tab?.id === undefined || !tab.url) {
    await browser.tabs.create({ url: threadUrl(thread) });
    return;
  }
  const url = new URL(tab.url);
  url.hash = `#inbox/${thread.threadId}`;
  await browser.tabs.update(tab.id, { active: true, url: url.toString() });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

