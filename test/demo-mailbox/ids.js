// @ts-check
// Gmail-style ids. A legacy id is 16 hex digits whose high bits are the send time in epoch
// milliseconds (`BigInt(id) >> 20n`) and whose low 20 bits make it unique; `#msg-f:` and
// `#thread-f:` carry the same number in decimal. Shared by Node (seeders, tests) and the page,
// so it uses nothing but BigInt.

const LOW_BITS = 20n;
const LOW_MASK = (1 << 20) - 1;

/**
 * The 16-hex legacy id for a message sent at `ms`.
 * @param {number} ms epoch milliseconds
 * @param {number} low20 any integer; only its low 20 bits are used
 * @returns {string}
 */
export function legacyIdAt(ms, low20) {
  const id = (BigInt(Math.floor(ms)) << LOW_BITS) | BigInt(low20 & LOW_MASK);
  return id.toString(16).padStart(16, '0');
}

/**
 * The decimal form used by `#thread-f:` and `#msg-f:`.
 * @param {string} legacyHex
 */
export function decimalOf(legacyHex) {
  return BigInt(`0x${legacyHex}`).toString();
}

/**
 * The send time a legacy id encodes.
 * @param {string} legacyHex
 */
export function timeOf(legacyHex) {
  return Number(BigInt(`0x${legacyHex}`) >> LOW_BITS);
}

/**
 * A stable 20-bit number for a text (FNV-1a), so the sample ids are the same in Node and in the
 * page for the same clock anchor.
 * @param {string} text
 */
export function stableLow20(text) {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & LOW_MASK;
}

/** Fresh random low bits for a message sent now (like Gmail, two sends in the same ms differ). */
export function randomLow20() {
  return crypto.getRandomValues(new Uint32Array(1))[0] ?? 0;
}

/** The temporary id of a just-sent reply, e.g. `#msg-a:r-4823019283746501928`. */
export function pendingMessageId() {
  const digits = Array.from(crypto.getRandomValues(new Uint8Array(19)), (byte) => byte % 10).join('');
  return `#msg-a:r-${digits.replace(/^0/, '1')}`;
}
