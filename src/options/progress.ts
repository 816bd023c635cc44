import browser from 'webextension-polyfill';
import { PROTOCOL_TAG, type ProgressEvent } from '../messaging/protocol';

/** Calls `listener` with every progress event the background sends; returns the way to stop. */
export function onProgress(listener: (event: ProgressEvent) => void): () => void {
  const handle = (message: unknown): undefined => {
    if (isProgressEvent(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}

/** Checked here, where it is used: in protocol.ts it would ride along into every Gmail tab's script. */
export function isProgressEvent(message: unknown): message is ProgressEvent {
  const candidate = message as Partial<ProgressEvent> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.tag === PROTOCOL_TAG &&
    candidate.event === 'progress' &&
    (candidate.work === 'check' || candidate.work === 'write') &&
    typeof candidate.done === 'number' &&
    typeof candidate.total === 'number'
  );
}
