/**
 * Calls `onNewMailbox` each time the signed-in address the page shows changes (it first appears
 * when Gmail sets the tab title, on its own schedule, possibly after the rows have rendered).
 * Without this, rows drawn while the title still read "Gmail" would wait for an unrelated change
 * in the list before getting their chips. Only the title's changes are watched, and only a
 * different address wakes the caller, so Gmail's other head updates cost one string read.
 */
export function watchMailbox(doc: Document, mailboxOf: (doc: Document) => string | null, onNewMailbox: () => void, signal: AbortSignal): void {
  let last = mailboxOf(doc);
  const check = () => {
    const now = mailboxOf(doc);
    if (now === last) return;
    last = now;
    if (now !== null) onNewMailbox();
  };
  const observer = new MutationObserver(check);
  // The title element may be replaced as well as rewritten, so the whole head is watched.
  observer.observe(doc.head ?? doc.documentElement, { childList: true, subtree: true, characterData: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
