import type Browser from 'webextension-polyfill';

/**
 * The browser's own extension API, for the code shared with the Gmail content script.
 *
 * webextension-polyfill earns its place where a listener answers with a promise (the worker's
 * router) and in the pages; here it would be a quarter of the content script's 15 KB budget for
 * nothing: every call made through this module — `runtime.sendMessage`, `runtime.onMessage` with a
 * listener that never answers, `runtime.id`, `runtime.openOptionsPage`, `i18n.getMessage`,
 * `i18n.getUILanguage` — is promise-based or synchronous in both targets already: Firefox's own
 * `browser`, and Chrome's `chrome` from Manifest V3 on (the manifest asks for Chrome 120). Only
 * the polyfill's type declarations are used.
 */
export const extensionApi: Browser.Browser =
  (globalThis as unknown as { browser?: Browser.Browser }).browser ?? (globalThis as unknown as { chrome: Browser.Browser }).chrome;
