import type { View } from '../types';

/**
 * The view from the URL hash alone: `#inbox`, `#label/Clients`, `#search/pricing`,
 * `#inbox/p2` (page 2 of a list), `#inbox/<thread id>`, `#label/Clients/<thread id>`.
 * A list's name is its hash path without page or thread (`label/Clients`). Gmail's hash words
 * are not localized, so they are safe to read.
 */

/** Lists named by two segments: the kind and its argument (`label/Clients`, `search/pricing`). */
const TWO_SEGMENT_LISTS = new Set(['label', 'search', 'category', 'advanced-search']);
/** Gmail pages that are not lists of threads (anything else unknown is treated as a list). */
const NOT_LISTS = new Set(['settings', 'chat', 'spaces', 'calls']);
/** A list page beyond the first: `p2`, `p3`… */
const PAGE_SEGMENT = /^p\d+$/;
/** Thread ids in the hash: legacy hex or newer ids, always 16+ letters and digits. */
const THREAD_ID = /^[A-Za-z0-9]{16,}$/;
/** Gmail shows the inbox when the hash is empty. */
const DEFAULT_LIST = 'inbox';

export function viewFromHash(location: Pick<Location, 'hash'>): View {
  const segments = hashPath(location.hash).split('/');
  const [kind = ''] = segments;
  if (kind === '') return { kind: 'list', name: DEFAULT_LIST };
  if (NOT_LISTS.has(kind)) return { kind: 'other' };
  const nameLength = TWO_SEGMENT_LISTS.has(kind) ? 2 : 1;
  if (segments.length < nameLength || segments.slice(0, nameLength).some((segment) => segment === '')) return { kind: 'other' };
  const rest = segments.slice(nameLength).filter((segment) => !PAGE_SEGMENT.test(segment));
  const last = rest[rest.length - 1];
  if (last !== undefined && THREAD_ID.test(last)) return { kind: 'thread', threadId: last };
  return { kind: 'list', name: segments.slice(0, nameLength).join('/') };
}

/** The hash without '#', without a trailing '/' and without a query such as `?compose=new`. */
function hashPath(hash: string): string {
  const [path = ''] = hash.replace(/^#/, '').split('?');
  return path.replace(/\/+$/, '');
}
