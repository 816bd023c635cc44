import { GMAIL_ORIGIN } from '../domain/gmail';
import type { SenderKind } from '../messaging/declarations';

/** The parts of `runtime.MessageSender` the trust decision reads. */
export interface SenderInfo {
  readonly id?: string;
  readonly url?: string;
  readonly tab?: unknown;
}

export { GMAIL_ORIGIN };

export type { SenderKind };

/**
 * Who may talk to the background: our own pages, and our content script running in a Gmail tab.
 * Anything else (another extension, a content script somehow on another site, a message without
 * a URL) is refused before its payload is even parsed. Which commands each kind may send is
 * declared with the command (src/messaging/declarations.ts).
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId || typeof sender.url !== 'string') return null;
  if (sender.url.startsWith(extensionOrigin)) return 'extensionPage';
  if (sender.tab !== undefined && originOf(sender.url) === GMAIL_ORIGIN) return 'gmailContentScript';
  return null;
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}
