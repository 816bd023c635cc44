/**
 * What the content script knows about a webmail, as plain values. An adapter (Gmail today,
 * Outlook on the web tomorrow) turns its page into these; nothing outside the adapter's folder
 * ever names a selector of the webmail.
 */

export interface Person {
  /** Lower-cased address. */
  readonly email: string;
  /** Display name as the page shows it ('' when none). Page data: render as text only. */
  readonly name: string;
}

/** One thread in a list view (inbox, label, search…). */
export interface ThreadRow {
  /** The row element (for Gmail's vertical reading pane: the first of its rows). */
  readonly element: HTMLElement;
  /** Canonical thread id (Gmail: the 16-hex legacy id), or null when the row carries none. */
  readonly threadId: string | null;
  /** The people shown in the row (senders/recipients), excluding nobody. */
  readonly people: readonly Person[];
  readonly subject: string;
  /** Where a status chip goes (inside the row, next to the subject). */
  readonly chipAnchor: HTMLElement;
  /** The thread has a message the rep has not read. */
  readonly unread: boolean;
  /** When that newest message was sent (decoded from its id); null whenever lastMessageId is. */
  readonly lastMessageAt: number | null;
  /** The newest message's id (canonical) on an unread row; null on a read row or when the row does not tell. */
  readonly lastMessageId: string | null;
}

/** One message in the open thread. */
export interface ThreadMessage {
  readonly element: HTMLElement;
  /**
   * Canonical message id (Gmail: 16-hex legacy id), or null while the page has not assigned a
   * stable one yet (a just-sent reply): such a message is skipped until it has one.
   */
  readonly messageId: string | null;
  /** When the message was sent, when the id tells it; null otherwise. */
  readonly sentAt: number | null;
  readonly from: Person | null;
  readonly to: readonly Person[];
}

/** The thread open in the reading view. */
export interface OpenThread {
  readonly threadId: string;
  readonly subject: string;
  readonly messages: readonly ThreadMessage[];
  /** Where the prospect card goes (above the messages). */
  readonly cardAnchor: HTMLElement;
}

/** Receives a note each time markup did not match what the adapter expects (logged once per kind). */
export type MissLogger = (what: string, detail?: string) => void;

export interface WebmailAdapter {
  readonly name: string;
  /** The signed-in rep's own address, or null when it cannot be told yet. */
  mailbox(doc: Document): string | null;
  /** The element a MutationObserver should watch (the main pane), or null while the page loads. */
  observationRoot(doc: Document): HTMLElement | null;
  /** Attributes whose change means a row or message now stands for something else (recycled rows). */
  readonly watchedAttributes: readonly string[];
  /** Every thread row under `root`. Rows that do not match are skipped and reported to `miss`. */
  rows(root: ParentNode, miss: MissLogger): ThreadRow[];
  /** The open thread, or null when none is open. */
  openThread(doc: Document, miss: MissLogger): OpenThread | null;
}
