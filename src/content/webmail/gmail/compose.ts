import type { Compose, MissLogger } from '../types';
import { peopleFrom } from './people';
import { COMPOSE_WINDOW, EMAIL_ATTR, HOVERCARD_ID_ATTR, INLINE_REPLY, RECIPIENT_CHIP } from './selectors';

/**
 * Open compose windows and inline reply boxes with their recipient chips. A chip's address is
 * its `email` attribute when present, else its hovercard id; a hovercard id that is not an
 * address (Gmail also uses contact ids there) is reported and skipped.
 */

/** Where a chip's address may be, most specific first. */
const CHIP_ADDRESS_ATTRS = [EMAIL_ATTR, HOVERCARD_ID_ATTR] as const;

export function composeWindows(doc: Document, miss: MissLogger): Compose[] {
  return composeElements(doc).map((element) => ({
    element,
    recipients: peopleFrom(element.querySelectorAll(RECIPIENT_CHIP), CHIP_ADDRESS_ATTRS, miss),
  }));
}

/** Compose windows, then inline replies; a reply form inside a window counts once, as the window. */
function composeElements(doc: Document): HTMLElement[] {
  const windows = Array.from(doc.querySelectorAll<HTMLElement>(COMPOSE_WINDOW));
  const inlineReplies = Array.from(doc.querySelectorAll<HTMLElement>(INLINE_REPLY)).filter(
    (reply) => reply.closest(COMPOSE_WINDOW) === null,
  );
  return [...windows, ...inlineReplies];
}
