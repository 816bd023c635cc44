import browser from 'webextension-polyfill';
import type { Reminder, ReminderPlan } from '../domain/reminders';
import { t } from '../platform/i18n';

/** Firefox shows no notification buttons (and refuses the option): clicking opens the thread. */
export function supportsNotificationButtons(): boolean {
  return typeof (browser.runtime as { getBrowserInfo?: unknown }).getBrowserInfo !== 'function';
}

/** Button order in Chrome's notifications; the click handler maps an index back to an action. */
export const REMINDER_BUTTONS = ['snooze', 'logTouch'] as const;

function create(id: string, title: string, message: string, withButtons: boolean) {
  return browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
    // Chrome-only keys; the polyfill's types follow Firefox, which lacks them.
    ...(withButtons && supportsNotificationButtons()
      ? { buttons: [{ title: t('notificationSnooze') }, { title: t('notificationLogTouch') }], requireInteraction: true }
      : {}),
  } as browser.Notifications.CreateNotificationOptions);
}

/** Shows a plan; returns the reminders it showed so the scheduler can record them. */
export async function showReminders(plan: ReminderPlan): Promise<readonly Reminder[]> {
  if (plan.kind === 'none') return [];
  if (plan.kind === 'summary') {
    await create(plan.notificationId, plan.title, plan.message, false);
    return plan.covers;
  }
  for (const reminder of plan.reminders) await create(reminder.notificationId, reminder.title, reminder.message, true);
  return plan.reminders;
}
