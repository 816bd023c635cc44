import browser from 'webextension-polyfill';
import { SUMMARY_ID, type Reminder } from '../domain/reminders';
import { t } from '../platform/i18n';

/**
 * Firefox shows no notification buttons (it refuses the option, and warns in its console when a
 * button listener is registered): clicking opens the thread.
 */
export function supportsNotificationButtons(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}

/** Button order in Chrome's notifications; the click handler maps an index back to an action. */
export const REMINDER_BUTTONS = ['snooze', 'logTouch'] as const;

type Options = browser.Notifications.CreateNotificationOptions;

function options(title: string, message: string, withButtons: boolean): Options {
  return {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
    // Chrome-only keys; the polyfill's types follow Firefox, which lacks them.
    ...(withButtons && supportsNotificationButtons()
      ? { buttons: [{ title: t('notificationSnooze') }, { title: t('notificationLogTouch') }], requireInteraction: true }
      : {}),
  } as Options;
}

/** The ids of the notifications on screen. */
export async function liveNotificationIds(): Promise<string[]> {
  return Object.keys(await browser.notifications.getAll());
}

export async function clearNotifications(ids: readonly string[]): Promise<void> {
  await Promise.all(ids.map((id) => browser.notifications.clear(id)));
}

/** Shows each reminder under its prospect's id: one already on screen is replaced, not repeated. */
export async function showReminders(reminders: readonly Reminder[]): Promise<void> {
  for (const reminder of reminders) await browser.notifications.create(reminder.notificationId, options(reminder.title, reminder.message, true));
}

/**
 * Shows the summary under its fixed id. `alert`: new reminders joined it, so it pops up again;
 * otherwise only its text changes, quietly where the browser can (Chrome's `update`; Firefox has
 * none and replaces it).
 */
export async function showSummary(text: { title: string; message: string }, alert: boolean): Promise<void> {
  const api = browser.notifications as { update?: (id: string, options: Partial<Options>) => Promise<boolean> };
  if (!alert && api.update) {
    await api.update(SUMMARY_ID, { title: text.title, message: text.message });
    return;
  }
  await browser.notifications.create(SUMMARY_ID, options(text.title, text.message, false));
}
