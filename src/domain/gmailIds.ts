/** Gmail's id formats and the time an id encodes; part of domain/gmail.ts. */

/*
 * Gmail spells one id several ways: the legacy 16-hex id (`18bc1a2b3c4d5e6f`), and the same
 * number in decimal behind a prefix (`#thread-f:1782…`, `#msg-f:1782…`, `thread-f:1782…`). We
 * store the hex spelling, the one that has been stable since 2018. A just-sent reply first gets a
 * provisional `#msg-a:r-…` id that is replaced a moment later, so it has no canonical id yet.
 */

/** Hex legacy id. Ids minted before November 2004 have 15 digits, later ones 16. */
const LEGACY_ID = /^[0-9a-f]{15,16}$/;
/** Decimal id behind its prefix; 20 digits hold any 64-bit number. */
const DECIMAL_ID = /^#?(?:thread|msg)-f:(\d{1,20})$/;

/** Gmail opened in April 2004: an id decoding to an earlier time is not a Gmail id. */
const EARLIEST_GMAIL_TIME = Date.UTC(2004, 0, 1);
/** Tolerates a clock on this machine that runs behind Gmail's. */
const CLOCK_SKEW_ALLOWANCE = 24 * 60 * 60 * 1000;
/** The low 20 bits of an id are a sequence number; the rest is epoch milliseconds. */
const SEQUENCE_BITS = 20n;

/** The canonical (lower-case hex) id for any spelling of a stable id; null for anything else. */
export function canonicalId(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim().toLowerCase();
  if (LEGACY_ID.test(value)) return value;
  const decimal = DECIMAL_ID.exec(value)?.[1];
  if (decimal === undefined) return null;
  const hex = BigInt(decimal).toString(16);
  return LEGACY_ID.test(hex) ? hex : null;
}

/**
 * When the id was minted (epoch ms), or null when it decodes to no plausible Gmail time.
 * @param now pass Infinity where this machine's clock must not bound the answer
 */
export function timeFromId(id: string, now: number = Date.now()): number | null {
  const hex = canonicalId(id);
  if (hex === null) return null;
  const time = Number(BigInt(`0x${hex}`) >> SEQUENCE_BITS);
  return time >= EARLIEST_GMAIL_TIME && time <= now + CLOCK_SKEW_ALLOWANCE ? time : null;
}
