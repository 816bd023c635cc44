/// <reference types="chrome" />
// page.evaluate callbacks in the end-to-end tests run inside extension pages and the worker.

declare namespace chrome.events {
  // Chromium exposes dispatch() on extension events; headless notifications cannot be clicked,
  // so the tests dispatch the click the browser would deliver.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  interface Event<T extends (...args: any) => void> {
    dispatch(...args: Parameters<T>): void;
  }
}
