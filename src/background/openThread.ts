import browser from 'webextension-polyfill';
import { GMAIL_TABS, isTabOfMailbox, threadHash, threadUrl } from '../domain/gmail';
import type { ThreadLink } from '../domain/types';

/**
 * Focuses an open Gmail tab of the thread's mailbox (the one used last) and navigates it; opens a new tab when the
 * rep has none. Gmail names the signed-in address in the tab title (or the URL), which is how
 * tabs of different accounts are told apart: the address must match exactly.
 */
export async function openThread(thread: ThreadLink): Promise<void> {
  const tabs = await browser.tabs.query({ url: GMAIL_TABS });
  // Several tabs of one mailbox: the one the rep used last is the one they expect to see the thread in.
  const [tab] = tabs.filter((candidate) => isTabOfMailbox(candidate, thread.mailbox)).sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0));
  if (tab?.id === undefined || !tab.url) {
    await browser.tabs.create({ url: threadUrl(thread) });
    return;
  }
  const url = new URL(tab.url);
  url.hash = threadHash(thread.threadId);
  await browser.tabs.update(tab.id, { active: true, url: url.toString() });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
