import browser from 'webextension-polyfill';
import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import { isReminderCurrent, latestThread, prospectOfReminder } from '../domain/reminders';
import type { Prospect } from '../domain/types';
import { getProspect } from '../store/prospects';
import { readSettings } from '../store/settings';
import { handlers } from './commands';
import { database } from './database';
import { REMINDER_BUTTONS } from './notifications';
import { openThread } from './openThread';

/** Commands from a notification take the same path as any other: handlers, then afterWrite. */
type AfterWrite = (changed: readonly string[]) => Promise<void>;

/** Clicking a reminder opens its thread (or the prospect in the popup page); a summary opens the list. */
export async function openReminder(notificationId: string): Promise<void> {
  await browser.notifications.clear(notificationId);
  const prospectId = prospectOfReminder(notificationId);
  const prospect = prospectId ? await getProspect(await database(), prospectId) : undefined;
  const thread = prospect ? latestThread(prospect) : null;
  if (thread) return openThread(thread);
  await openInPopupPage(prospect);
}

/** The popup's list in a tab, scrolled to the prospect when there is one. */
async function openInPopupPage(prospect: Prospect | undefined): Promise<void> {
  const hash = prospect ? `#prospect=${encodeURIComponent(prospect.id)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${hash}`) });
}

/**
 * Chrome's buttons: snooze to the next working day's reminder hour, or log a touch. A button
 * acts only while the instance its notification showed is still the one due: on a notification
 * left from before (the rep already touched or snoozed the prospect, or it was deleted) it opens
 * the prospect in the popup page instead, where the rep sees what was done, so a late press
 * never snoozes twice or logs a second touch (and never takes over a Gmail tab unasked).
 */
export async function reminderButton(notificationId: string, buttonIndex: number, afterWrite: AfterWrite): Promise<void> {
  const prospectId = prospectOfReminder(notificationId);
  const action = REMINDER_BUTTONS[buttonIndex];
  if (!prospectId || !action) return;
  const db = await database();
  const now = Date.now();
  const prospect = await getProspect(db, prospectId);
  if (!prospect || !isReminderCurrent(prospect, now)) {
    await browser.notifications.clear(notificationId);
    await openInPopupPage(prospect);
    return;
  }
  if (action === 'snooze') {
    const until = deliveryOn(addDays(new Date(now), 1), await readSettings(db));
    await handlers['prospect.update']({ id: prospectId, patch: { snoozedUntil: until } }, { db, now, openThread });
  } else {
    // One touch per due instance, however often its button is pressed (two presses racing
    // both see it current): the id comes from the prospect and the instance.
    const touchId = await touchIdFor(`${prospectId}:${prospect.dueAt}`);
    await handlers['touch.log']({ prospectId, channel: prospect.channel, direction: 'outbound', source: 'notification', note: '', touchId }, { db, now, openThread });
  }
  // Cleared only once the write has committed: a worker stopped in between leaves the button to press again.
  await browser.notifications.clear(notificationId);
  await afterWrite([prospectId]);
}

/** A UUID-shaped id derived from a key (SHA-256), stable across clicks and worker restarts. */
async function touchIdFor(key: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key)));
  const hex = [...digest.slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
