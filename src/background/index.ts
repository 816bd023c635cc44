import browser, { type Runtime } from 'webextension-polyfill';
import { broadcastChange } from './broadcast';
import { database } from './database';
import { createRouter } from './router';

/**
 * The background entry. Listeners are registered synchronously at the top level: a service
 * worker woken by an event only delivers it to listeners that exist in its first turn.
 */
const route = createRouter({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  db: database,
  now: Date.now,
  afterWrite: (changed) => broadcastChange(changed),
  log: (message) => console.warn(`[touchbase] ${message}`),
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => route(message, sender));
