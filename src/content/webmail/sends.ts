import type { MissLogger, Person } from './types';

/** A draft the rep is sending. */
export interface DraftSend {
  /** The draft's element: one send per draft, however many events the rep's action fires. */
  readonly draft: Element;
  readonly recipients: readonly Person[];
}

/**
 * What the content script needs to see a send happen in a webmail, as plain values: the rep's
 * own action that sends a draft, the notice that the message went, and the undo of that notice.
 * Like WebmailAdapter, an adapter implements it; nothing outside the adapter names a selector.
 */
export interface SendHooks {
  /**
   * The draft this event sends, with its recipients (a click on its send button, Enter or Space on
   * it, Ctrl/Cmd+Enter in the draft), or null when the event sends no draft. Called before the
   * webmail handles the event, while the draft is still on the page.
   */
  sendingDraft(event: Event, miss: MissLogger): DraftSend | null;
  /** The element that shows a message was sent, or null while none shows (or it is still sending). */
  sentNotice(doc: Document): Element | null;
  /** Whether this event activates the undo of `notice`, while that very notice still shows. */
  undoes(event: Event, notice: Element): boolean;
  /**
   * The draft around `target` and its send button, beside which a control of ours may go; null
   * outside a draft, and (reported to `miss`) for a draft whose send button does not match.
   */
  draftAt(target: EventTarget | null, miss: MissLogger): { readonly draft: Element; readonly sendButton: Element } | null;
  /**
   * Whether this page is a draft in a window of its own (a pop-out), which may close as it sends:
   * its "sent" notice may then show in another tab.
   */
  inPopOut(doc: Document): boolean;
  /** The draft's recipients as its chips show them now. */
  recipientsOf(draft: Element, miss: MissLogger): readonly Person[];
}
