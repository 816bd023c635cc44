import { parseEmail } from '../../../domain/email';
import type { MissLogger, Person } from '../types';
import { GMAIL_MISS } from './misses';
import { NAME_ATTR } from './selectors';

/**
 * People and text out of Gmail elements. Everything returned is a plain string read from
 * textContent or an attribute value, never markup, so page data cannot become HTML.
 */

/** The element's text with runs of whitespace collapsed ('' for no element). */
export function textOf(element: Element | null): string {
  return collapseWhitespace(element?.textContent ?? '');
}

function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A lower-cased, valid address, or null (reported) for a value that is not one. */
export function addressFrom(raw: string, miss: MissLogger): string | null {
  const address = parseEmail(raw);
  if (address !== null) return address;
  miss(GMAIL_MISS.invalidAddress, raw.slice(0, 60));
  return null;
}

/**
 * The person an element stands for. The address comes from the first of `addressAttrs` the
 * element carries; the name from its `name` attribute, else from its text unless that text is
 * only the address again.
 */
export function personFrom(element: Element, addressAttrs: readonly string[], miss: MissLogger): Person | null {
  const raw = firstAttribute(element, addressAttrs);
  if (raw === null) return null;
  const address = addressFrom(raw, miss);
  if (address === null) return null;
  const shown = collapseWhitespace(element.getAttribute(NAME_ATTR) ?? element.textContent ?? '');
  return { email: address, name: shown.toLowerCase() === address ? '' : shown };
}

/** The people behind `elements`, each address once (the first occurrence wins). */
export function peopleFrom(elements: Iterable<Element>, addressAttrs: readonly string[], miss: MissLogger): Person[] {
  const byEmail = new Map<string, Person>();
  for (const element of elements) {
    const person = personFrom(element, addressAttrs, miss);
    if (person && !byEmail.has(person.email)) byEmail.set(person.email, person);
  }
  return [...byEmail.values()];
}

function firstAttribute(element: Element, names: readonly string[]): string | null {
  for (const name of names) {
    const value = element.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}
