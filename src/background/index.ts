import browser, { type Runtime } from 'webextension-polyfill';
import { broadcastChange, broadcastProgress, relaySend } from './broadcast';
import { database } from './database';
import { openReminder, reminderButton } from './notificationActions';
import { supportsNotificationButtons } from './notifications';
import { openThread } from './openThread';
import { createRouter } from './router';
import { DUE_ALARM, reconcile } from './scheduler';
import { createSync, SYNC_ALARM, SYNC_PERIOD_MINUTES } from './sync/service';

/**
 * The background entry. Every listener is registered synchronously at the top level: a service
 * worker woken by an event only delivers it to listeners that exist in its first turn.
 */
const log = (message: string) => console.warn(`[touchbase] ${message}`);

const sync = createSync({
  db: database,
  now: Date.now,
  hasPermission: (pattern) => browser.permissions.contains({ origins: [pattern] }),
  removePermission: async (pattern) => void (await browser.permissions.remove({ origins: [pattern] })),
  schedule: async (connected) => {
    if (connected) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
    else await browser.alarms.clear(SYNC_ALARM);
  },
  afterPull: async (changed, settingsChanged) => void (await Promise.all([broadcastChange(changed, settingsChanged), reconcile()])),
  log,
});

async function afterWrite(changed: readonly string[], settingsChanged = false): Promise<void> {
  // Every committed change waits in the outbox (same transaction); this only brings the push forward.
  sync.soon();
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
  relaySend,
  sync,
});

const syncLogged = () => sync.run().catch((error: unknown) => log(`sync: ${String(error)}`));
/** Chrome clears alarms on update: a connected profile gets its periodic run back. */
const keepSyncAlarm = async () => {
  if ((await sync.status()).connected) await browser.alarms.create(SYNC_ALARM, { periodInMinutes: SYNC_PERIOD_MINUTES });
};

const reconcileLogged = () => reconcile().catch((error: unknown) => log(`scheduler: ${String(error)}`));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
browser.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === DUE_ALARM) void reconcileLogged();
  if (alarm.name === SYNC_ALARM) void syncLogged();
});
// Chrome clears alarms on update and the browser may have been closed past a due time.
browser.runtime.onInstalled.addListener(() => void reconcileLogged());
browser.runtime.onStartup.addListener(() => void reconcileLogged());
for (const event of [browser.runtime.onInstalled, browser.runtime.onStartup]) {
  event.addListener(() => void keepSyncAlarm().then(syncLogged, (error: unknown) => log(`sync: ${String(error)}`)));
}
browser.notifications.onClicked.addListener((id) => void openReminder(id).catch((e: unknown) => log(String(e))));
if (supportsNotificationButtons()) {
  browser.notifications.onButtonClicked.addListener(
    (id, index) => void reminderButton(id, index, afterWrite).catch((e: unknown) => log(String(e))),
  );
}

// Any wake (a message, an alarm, a click) starts the worker: catch up on whatever is due.
void reconcileLogged();
