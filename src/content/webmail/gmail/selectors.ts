/**
 * Every piece of Gmail's markup the adapter relies on, and nothing else (docs/architecture.md#gmail-hooks).
 *
 * Only language-independent hooks live here: class names, `data-*` attributes, `role` and the
 * `email`/`name` attributes. Never aria-label, data-tooltip, title or visible text: Gmail's UI
 * may be in any language. No other file may spell a Gmail selector; each constant below is
 * proven against a fixture in test/unit/content/gmail/selectors.test.ts.
 *
 * Naming: `…_ATTR` constants are attribute names, all others are CSS selectors.
 */

// ── Page ────────────────────────────────────────────────────────────────────────────────────

/** The main pane (list or thread view); what the content script observes. */
export const MAIN_PANE = 'div[role="main"]';

// ── List view (inbox, labels, search) ───────────────────────────────────────────────────────

/** A thread row (`.zE` unread, `.yO` read); Gmail resets its className, so we only read it. */
export const THREAD_ROW = 'div[role="main"] tr.zA';
/** The first row of a thread in the vertical reading pane; the next 1–2 `tr` belong to it. */
export const VERTICAL_PANE_FIRST_ROW = '.apv';
/** The element in a row that carries the thread ids. */
export const ROW_THREAD_ID_HOLDER = '[data-legacy-thread-id], [data-thread-id]';
/** Thread id in Gmail's new spelling, `#thread-f:<decimal>`. */
export const THREAD_ID_ATTR = 'data-thread-id';
/** Thread id as 16 hex digits, the canonical id we store. */
export const LEGACY_THREAD_ID_ATTR = 'data-legacy-thread-id';
/** An unread thread row (the row itself carries the class). */
export const UNREAD_ROW = '.zE';
/** The id of the thread's newest message, as 16 hex digits, on the element with the thread ids. */
export const LAST_MESSAGE_ID_ATTR = 'data-legacy-last-message-id';
/** The cell listing a row's people (senders and recipients). */
export const ROW_PEOPLE_CELL = '.yW';
/** One person in a row (`.zF` unread, `.yP` read). */
export const ROW_PERSON = '.yW span[email]';
/** The cell around a row's subject; the chip goes in here. */
export const ROW_SUBJECT_CELL = '.y6';
/** A row's subject text. */
export const ROW_SUBJECT = '.y6 span.bog';

// ── People (rows and messages) ──────────────────────────────────────────────────────────────

/** A person's address on a row or message span. */
export const EMAIL_ATTR = 'email';
/** A person's display name on a row or message span. */
export const NAME_ATTR = 'name';

// ── Open thread ─────────────────────────────────────────────────────────────────────────────

/** The open thread's subject heading, which carries the thread ids. */
export const THREAD_HEADING = 'h2.hP';
/** Thread id `thread-f:<decimal>` on the heading; can be the string "undefined". */
export const THREAD_PERM_ID_ATTR = 'data-thread-perm-id';
/** One message of the open thread. */
export const MESSAGE = 'div.adn';
/** Message id `#msg-f:<decimal>`, or a provisional `#msg-a:r-…` on a just-sent reply. */
export const MESSAGE_ID_ATTR = 'data-message-id';
/** Message id as 16 hex digits; missing on a just-sent reply for a moment. */
export const LEGACY_MESSAGE_ID_ATTR = 'data-legacy-message-id';
/** A message's sender. */
export const MESSAGE_SENDER = 'span.gD[email]';
/** A message's recipients (to and cc). */
export const MESSAGE_RECIPIENT = 'span.g2[email]';
/** An expanded message's container; new messages arrive as new siblings of it. */
export const EXPANDED_MESSAGE = '.h7';


// ── Compose and send ────────────────────────────────────────────────────────────────────────

/** A draft being written: a new-message window's form, or an inline reply or forward. */
export const COMPOSE_FORM = 'div.M9';
/** A draft's send button. Schedule send is another control (its menu), so it never matches. */
export const SEND_BUTTON = 'div.aoO[role="button"]';
/** A recipient chip of a draft (to, cc, bcc): its address is in `email` or `data-hovercard-id`. */
export const RECIPIENT_CHIP = '[role="option"][data-hovercard-id]';
/** A recipient chip's address (Gmail may spell it in capitals). */
export const HOVERCARD_ID_ATTR = 'data-hovercard-id';
/** "View message" in the notice Gmail shows once a message is sent (not while it is sending). */
export const SENT_NOTICE_VIEW = '#link_vsm';
/** "Undo" in Gmail's notices: a send's, and other actions' (archive, delete) alike. */
export const NOTICE_UNDO = '#link_undo';
