import type { Runtime } from 'webextension-polyfill';
import { extensionApi as browser } from './extensionApi';
import { envelope, isChangeEvent, isRelayedSendEvent, type ChangeEvent, type MessageName, type RelayedSend, type Reply, type RequestOf, type ResponseOf } from '../messaging/protocol';
import { problemInLanguage } from '../domain/problemInLanguage';
import type { Problem } from '../domain/problems';
import { t } from './i18n';

/** A refusal from the background, with its code so callers can tell "duplicate" from "bug". */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The refusal as data (field path without `payload.`), so a form can mark the field it names. */
    readonly problem?: Problem,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

/**
 * Waits before each resend. A service worker stopped while it handled a command drops the reply
 * ("message channel closed"); sending again starts a fresh worker, which takes a few hundred ms.
 */
const RESEND_DELAYS_MS = [100, 300, 800, 2_000] as const;

/**
 * Sends one typed command to the background and unwraps its reply.
 *
 * Delivery guarantee: a command is applied at most once, and is resent (same payload, a bounded
 * number of times with backoff) only when the channel failed — the background died or never
 * answered. Every attempt carries the same request id and its attempt number; the command's
 * declaration (src/messaging/declarations.ts) decides in the background what a resend does: a
 * creation is stored under the request id, so it is applied once; opening a thread is refused
 * rather than run twice. A refusal from the background is final and never resent.
 */
export async function send<K extends MessageName>(name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const first = { ...envelope(name, payload), requestId: crypto.randomUUID() };
  for (let attempt = 0; ; attempt += 1) {
    let reply: Reply<ResponseOf<K>> | undefined;
    try {
      reply = (await browser.runtime.sendMessage({ ...first, attempt })) as Reply<ResponseOf<K>> | undefined;
    } catch (error) {
      if (!(await mayResend(attempt))) throw error;
      continue;
    }
    if (!reply) {
      if (await mayResend(attempt)) continue;
      throw new CommandError('internal', `${name}: the background did not answer`);
    }
    if (!reply.ok) throw new CommandError(reply.code, refusalText(reply), fieldProblem(reply.problem));
    return reply.value;
  }
}

/**
 * What the rep reads: the refusal in their language when it carries a problem, else the English
 * text. "prospect.create: payload.email: …" becomes "email: …": the field is what a person can act on.
 */
function refusalText(reply: { readonly error: string; readonly problem?: Problem }): string {
  const english = reply.error.replace(/^[\w.]+: payload\./, '');
  const problem = fieldProblem(reply.problem);
  return problem ? problemInLanguage(problem, t, english) : english;
}

function fieldProblem(problem: Problem | undefined): Problem | undefined {
  return problem && { ...problem, path: problem.path.replace(/^payload\.?/, '') };
}

/** Waits out the next backoff step; false when the command may no longer be resent. */
async function mayResend(attempt: number): Promise<boolean> {
  const delay = RESEND_DELAYS_MS[attempt];
  // After the extension was reloaded or removed, a content script's runtime is gone for good.
  if (delay === undefined || !runtimeAlive()) return false;
  await new Promise((resolve) => setTimeout(resolve, delay));
  return true;
}

function runtimeAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Calls `listener` for every change event until `signal` aborts. */
export function onChange(listener: (event: ChangeEvent) => void, signal: AbortSignal): void {
  onEvent(isChangeEvent, listener, signal);
}

/** Calls `listener` for every pop-out window's send the background hands this Gmail tab, until `signal` aborts. */
export function onRelayedSend(listener: (sent: RelayedSend) => void, signal: AbortSignal): void {
  onEvent(isRelayedSendEvent, (event) => listener(event.send), signal);
}

function onEvent<E>(accept: (message: unknown) => message is E, listener: (event: E) => void, signal: AbortSignal): void {
  const handle = (message: unknown, _sender: Runtime.MessageSender): undefined => {
    if (accept(message)) listener(message);
    return undefined;
  };
  browser.runtime.onMessage.addListener(handle);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(handle), { once: true });
}
