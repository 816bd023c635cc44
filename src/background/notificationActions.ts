import browser from 'webextension-polyfill';
import { addDays } from 'date-fns';
import { deliveryOn } from '../domain/calendar';
import { latestThread, prospectOfReminder } from '../domain/reminders';
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
  const hash = prospect ? `#prospect=${encodeURIComponent(prospect.id)}` : '';
  await browser.tabs.create({ url: browser.runtime.getURL(`src/popup/index.html${hash}`) });
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
    await handlers['prospect.update']({ id: prospectId, patch: { snoozedUntil: until } }, { db, now, openThread });
  } else {
    await handlers['touch.log'](
      { prospectId, channel: prospect.channel, direction: 'outbound', source: 'notification', note: '' },
      { db, now, openThread },
    );
  }
  await afterWrite([prospectId]);
}
