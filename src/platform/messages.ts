import browser, { type Runtime } from 'webextension-polyfill';
import { envelope, isChangeEvent, type ChangeEvent, type MessageName, type Reply, type RequestOf, type ResponseOf } from '../messaging/protocol';

/** A refusal from the background, with its code so callers can tell "duplicate" from "bug". */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/** Sends one typed command to the background and unwraps its reply. */
export async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await browser.runtime.sendMessage(envelope(name, payload))) as Reply<ResponseOf<K>> | undefined;
  if (!reply) throw new CommandError('internal', `${name}: the background did not answer`);
  // "prospect.create: payload.email: …" → "email: …": the field is what a person can act on.
  if (!reply.ok) throw new CommandError(reply.code, reply.error.replace(/^[\w.]+: payload\./, ''));
  return reply.value;
}

/** Calls `listener` for every change event until `signal` aborts. */
export function onChange(listener: (event: ChangeEvent) => void, signal: AbortSignal): void {
  const handle = (message: unknown, _sender: Runtime.MessageSender): undefined => {
    if (isChangeEvent(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
