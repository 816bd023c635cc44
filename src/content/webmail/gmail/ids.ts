import { canonicalId } from '../../../domain/gmailIds';
import type { MissLogger } from '../types';
import { GMAIL_MISS } from './misses';

/**
 * Ids as the markup gives them. Their formats (canonicalId, timeFromId) live in domain/gmail.ts,
 * shared with the background; here is only what the adapter reports when a value cannot be read.
 */

/** Values Gmail uses while it has no real id: provisional ids, and "undefined" on a heading. */
const PLACEHOLDER_ID = /^(?:#?msg-a:.*|undefined|)$/;

/**
 * The first candidate that yields a canonical id. Candidates that are missing or placeholders
 * are expected and pass silently; any other value that cannot be read is reported.
 */
export function resolveId(candidates: readonly (string | null)[], miss: MissLogger): string | null {
  for (const raw of candidates) {
    const id = canonicalId(raw);
    if (id !== null) return id;
    if (raw !== null && !PLACEHOLDER_ID.test(raw.trim())) miss(GMAIL_MISS.unrecognisedId, raw.slice(0, 40));
  }
  return null;
}
