import browser, { type Runtime } from 'webextension-polyfill';
import { broadcastChange, broadcastProgress } from './broadcast';
import { database } from './database';
import { openReminder, reminderButton } from './notificationActions';
import { supportsNotificationButtons } from './notifications';
import { openThread } from './openThread';
import { createRouter } from './router';
import { DUE_ALARM, reconcile } from './scheduler';

/**
 * The background entry. Every listener is registered synchronously at the top level: a service
 * worker woken by an event only delivers it to listeners that exist in its first turn.
 */
const log = (message: string) => console.warn(`[touchbase] ${message}`);

async function afterWrite(changed: readonly string[], settingsChanged = false): Promise<void> {
  await Promise.all([broadcastChange(changed, settingsChanged), reconcile()]);
}

const route = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  db: database,
  now: Date.now,
  afterWrite,
  log,
  openThread,
  translate: (key) => browser.i18n.getMessage(key),
  progress: broadcastProgress,
});

const reconcileLogged = () => reconcile().catch((error: unknown) => log(`scheduler: ${String(error)}`));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DUE_ALARM) void reconcileLogged();
});
// Chrome clears alarms on update and the browser may have been closed past a due time.
browser.runtime.onInstalled.addListener(() => void reconcileLogged());
browser.runtime.onStartup.addListener(() => void reconcileLogged());
browser.notifications.onClicked.addListener((id) => void openReminder(id).catch((e: unknown) => log(String(e))));
if (supportsNotificationButtons()) {
  browser.notifications.onButtonClicked.addListener(
    (id, index) => void reminderButton(id, index, afterWrite).catch((e: unknown) => log(String(e))),
  );
}

// Any wake (a message, an alarm, a click) starts the worker: catch up on whatever is due.
void reconcileLogged();
