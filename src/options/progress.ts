import browser from 'webextension-polyfill';
import { isProgressEvent, type ProgressEvent } from '../messaging/protocol';

/** Calls `listener` with every progress event the background sends; returns the way to stop. */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  const handle = (message: unknown): undefined => {
    if (isProgressEvent(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
