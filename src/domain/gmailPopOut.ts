/** How Gmail addresses a draft popped out into a window of its own; part of domain/gmail.ts. */

/**
 * Whether a Gmail page's URL is a pop-out window (Shift+click on a draft's pop-out button, or its
 * "open in a new window" arrow): Gmail loads the account's page with `view=btop` there. That
 * window closes as it sends, and the "sent" notice shows in the tab that opened it.
 */
export function isPopOutUrl(url: string): boolean {
  try {
    return new URL(url).searchParams.get('view') === 'btop';
  } catch {
    return false; // not a URL: not a pop-out
  }
}
