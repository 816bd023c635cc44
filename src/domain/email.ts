/**
 * Address syntax, on its own so the content script can check addresses without the rest of the
 * validators: one @, no spaces or markup characters, a dot in the domain.
 */
const EMAIL_PATTERN = /^[^\s@<>()[\]\\,;:"'`]+@[^\s@<>()[\]\\,;:"'`.]+(\.[^\s@<>()[\]\\,;:"'`.]+)+$/;

/** Identity of a prospect is the lower-cased address (docs/architecture.md#the-domain). */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}

/** The normalized address, or null when it is not one (too long, no domain, markup…). */
export function parseEmail(address: string): string | null {
  const normalized = normalizeEmail(address);
  return normalized.length <= 254 && EMAIL_PATTERN.test(normalized) ? normalized : null;
}
