// @ts-check
// Gmail's URL hash, parsed: `#inbox`, `#inbox/p2`, `#sent`, `#label/Clients`, `#search/pricing`,
// and any of those followed by `/<thread id>`.

/**
 * @typedef {{ kind: 'inbox' | 'starred' | 'snoozed' | 'sent' | 'drafts' }
 *   | { kind: 'label', label: string }
 *   | { kind: 'search', query: string }} ListView
 *
 * @typedef {object} Route
 * @property {string} base the list part of the hash, e.g. "inbox", "label/Clients"
 * @property {ListView} view
 * @property {number} page 1-based
 * @property {string | null} threadId the open thread (16+ alphanumerics), or null for a list
 */

const SIMPLE_VIEWS = ['inbox', 'starred', 'snoozed', 'sent', 'drafts'];

/**
 * @param {string} hash location.hash, with or without '#'
 * @returns {Route}
 */
export function parseHash(hash) {
  const parts = hash.replace(/^#/, '').split('/').filter(Boolean);
  const head = parts[0] ?? 'inbox';
  // Labels and searches carry their name in the second segment.
  const baseLength = head === 'label' || head === 'search' ? 2 : 1;
  const known = SIMPLE_VIEWS.includes(head) || (baseLength === 2 && parts.length >= 2);
  const base = known ? parts.slice(0, baseLength).join('/') : 'inbox';
  const rest = known ? parts[baseLength] : undefined;
  return {
    base,
    view: viewOf(base),
    page: Number(/^p(\d+)$/.exec(rest ?? '')?.[1] ?? 1) || 1,
    threadId: rest && /^[A-Za-z0-9]{16,}$/.test(rest) ? rest : null,
  };
}

/**
 * @param {string} base
 * @returns {ListView}
 */
function viewOf(base) {
  const [head = 'inbox', name = ''] = base.split('/');
  // Gmail writes spaces in a search as '+'.
  const decoded = safeDecode(name.replaceAll('+', ' '));
  if (head === 'label') return { kind: 'label', label: decoded };
  if (head === 'search') return { kind: 'search', query: decoded };
  return { kind: /** @type {'inbox'} */ (head) };
}

/** @param {string} text */
function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * @param {string} base
 * @param {number} page
 */
export function listHash(base, page) {
  return page > 1 ? `#${base}/p${page}` : `#${base}`;
}

/**
 * @param {string} base
 * @param {string} threadId
 */
export function threadHash(base, threadId) {
  return `#${base}/${threadId}`;
}

/**
 * The hash of a search for `query`.
 * @param {string} query
 */
export function searchHash(query) {
  return `#search/${encodeURIComponent(query.trim()).replaceAll('%20', '+')}`;
}
