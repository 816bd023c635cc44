/** How Gmail addresses a draft popped out into a window of its own; part of domain/gmail.ts. */

/**
 * Whether a Gmail page's URL is a pop-out window: a draft (or a thread) in a browser window of
 * its own, which may close as it sends (its notice then shows in the tab that opened it). Gmail
 * opens it at the account's `/popout` page (`/mail/u/0/popout?ver=…#cmid%253D1`); it used to
 * open the account's page with `view=btop` instead. Either is a pop-out.
 */
export function isPopOutUrl(url: string): boolean {
  try {
    const { pathname, searchParams } = new URL(url);
    return pathname.endsWith('/popout') || searchParams.get('view') === 'btop';
  } catch {
    return false; // not a URL: not a pop-out
  }
}
