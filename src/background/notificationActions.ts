import browser from 'webextension-polyfill';
import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import { latestThread, prospectOfReminder, threadUrl } from '../domain/reminders';
import type { ThreadLink } from '../domain/types';
import { getProspect } from '../store/prospects';
import { readSettings } from '../store/settings';
import { handlers } from './commands';
import { database } from './database';
import { REMINDER_BUTTONS } from './notifications';
import { GMAIL_ORIGIN } from './senders';

/** Commands from a notification take the same path as any other: handlers, then afterWrite. */
type AfterWrite = (changed: readonly string[]) => Promise<void>;

/** Clicking a reminder opens its thread (or the prospect in the popup page); a summary opens the list. */
export async function openReminder(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  const prospectId = prospectOfReminder(notificationId);
  const prospect = prospectId ? await getProspect(await database(), prospectId) : undefined;
  const thread = prospect ? latestThread(prospect) : null;
  if (thread) return openThread(thread);
  const hash = prospect ? `#prospect=${encodeURIComponent(prospect.id)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${hash}`) });
}

/**
 * Focuses an open Gmail tab of the thread's mailbox and navigates it; opens a new tab when the
 * rep has none. Gmail puts the signed-in address in the tab title, which is how tabs of
 * different accounts are told apart.
 */
async function openThread(thread: ThreadLink): Promise<void> {
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

/** Chrome's buttons: snooze to the next working day's reminder hour, or log a touch. */
export async function reminderButton(notificationId: string, buttonIndex: number, afterWrite: AfterWrite): Promise<void> {
  await browser.notifications.clear(notificationId);
  const prospectId = prospectOfReminder(notificationId);
  const action = REMINDER_BUTTONS[buttonIndex];
  if (!prospectId || !action) return;
  const db = await database();
  const now = Date.now();
  const prospect = await getProspect(db, prospectId);
  if (!prospect) return;
  if (action === 'snooze') {
    const until = deliveryOn(addDays(new Date(now), 1), await readSettings(db));
    await handlers['prospect.update']({ id: prospectId, patch: { snoozedUntil: until } }, { db, now });
  } else {
    await handlers['touch.log'](
      { prospectId, channel: prospect.channel, direction: 'outbound', source: 'notification', note: '' },
      { db, now },
    );
  }
  await afterWrite([prospectId]);
}
