import type { Millis } from './types';

/**
 * Hybrid logical clocks for sync. A stamp orders edits made on different devices: mostly by
 * wall time, but a device never stamps an edit before one it has already seen, even when its
 * own clock is behind, and two edits in the same millisecond still get an order. Equal wall
 * time and counter fall back to the device id, so every device picks the same winner.
 *
 * Stamps are stored as strings whose text order is the clock order (fixed-width base-36 wall
 * time and counter, then the device id): IndexedDB, CouchDB and a plain `<` all agree.
 */

export interface Hlc {
  readonly wall: Millis;
  readonly counter: number;
  readonly device: string;
}

/** A stamp in its stored form; compare with `<`, `>` or compareStamps. */
export type HlcStamp = string;

const WALL_DIGITS = 9;
const COUNTER_DIGITS = 4;
/** 36^9 ms reaches the year 5138; 36^4 edits in one millisecond is more than any device makes. */
const MAX_WALL = 36 ** WALL_DIGITS - 1;
const MAX_COUNTER = 36 ** COUNTER_DIGITS - 1;
/** Device ids are generated (base-36 or hex); anything else in a stamp is a damaged record. */
const DEVICE_PATTERN = /^[0-9a-z]{4,40}$/;
const STAMP_PATTERN = new RegExp(`^([0-9a-z]{${WALL_DIGITS}})-([0-9a-z]{${COUNTER_DIGITS}})-([0-9a-z]{4,40})$`);

export function isDeviceId(device: string): boolean {
  return DEVICE_PATTERN.test(device);
}

export function formatHlc(clock: Hlc): HlcStamp {
  if (!Number.isInteger(clock.wall) || clock.wall < 0 || clock.wall > MAX_WALL) throw new RangeError(`HLC wall time out of range: ${clock.wall}`);
  if (!Number.isInteger(clock.counter) || clock.counter < 0 || clock.counter > MAX_COUNTER) throw new RangeError(`HLC counter out of range: ${clock.counter}`);
  if (!isDeviceId(clock.device)) throw new RangeError('HLC device id has an unexpected shape');
  return `${clock.wall.toString(36).padStart(WALL_DIGITS, '0')}-${clock.counter.toString(36).padStart(COUNTER_DIGITS, '0')}-${clock.device}`;
}

/** null for anything that is not a stamp: stamps arrive from a server and are checked, not trusted. */
export function parseHlc(stamp: unknown): Hlc | null {
  if (typeof stamp !== 'string') return null;
  const match = STAMP_PATTERN.exec(stamp);
  if (match === null) return null;
  return { wall: parseInt(match[1]!, 36), counter: parseInt(match[2]!, 36), device: match[3]! };
}

export function compareStamps(a: HlcStamp, b: HlcStamp): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two stamps (either when equal: equal stamps name the same edit). */
export function laterStamp(a: HlcStamp, b: HlcStamp): HlcStamp {
  return b > a ? b : a;
}

/**
 * The stamp for a local edit. Wall time is the larger of the clock and the last stamp, so a clock
 * set back (or a skewed one corrected by NTP) never stamps an edit before one already made.
 */
export function tick(last: Hlc | null, now: Millis, device: string): Hlc {
  const wall = Math.max(last?.wall ?? 0, Math.floor(now));
  const counter = last !== null && wall === last.wall ? last.counter + 1 : 0;
  return { wall, counter, device };
}

/**
 * The clock after receiving a remote stamp: later than both it and everything this device has
 * stamped, so an edit made after a pull always wins over what was pulled.
 */
export function receive(last: Hlc | null, remote: Hlc, now: Millis, device: string): Hlc {
  const lastWall = last?.wall ?? 0;
  const wall = Math.max(lastWall, remote.wall, Math.floor(now));
  let counter = 0;
  if (wall === lastWall && wall === remote.wall) counter = Math.max(last?.counter ?? 0, remote.counter) + 1;
  else if (wall === lastWall) counter = (last?.counter ?? 0) + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  return { wall, counter, device };
}
