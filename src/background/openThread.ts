import browser from 'webextension-polyfill';
import { GMAIL_TABS, tabToShowThreadIn, threadHash, threadUrl } from '../domain/gmail';
import type { ThreadLink } from '../domain/types';

/**
 * Focuses an open Gmail tab of the thread's mailbox (the one used last) and navigates it; opens a new tab when the
 * rep has none. Gmail names the signed-in address in the tab title (or the URL), which is how
 * tabs of different accounts are told apart: the address must match exactly.
 */
export async function openThread(thread: ThreadLink): Promise<void> {
  const tabs = await browser.tabs.query({ url: GMAIL_TABS });
  const tab = tabToShowThreadIn(tabs, thread.mailbox);
  if (tab?.id === undefined || !tab.url) {
    await browser.tabs.create({ url: threadUrl(thread) });
    return;
  }
  const url = new URL(tab.url);
  url.hash = threadHash(thread.threadId);
  await browser.tabs.update(tab.id, { active: true, url: url.toString() });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
