// @ts-check
// Sample times are offsets before the page's clock anchor, so the demo always looks current.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Milliseconds before now.
 * @param {number} days
 * @param {number} [hours]
 * @param {number} [minutes]
 */
export function ago(days, hours = 0, minutes = 0) {
  return days * DAY + hours * HOUR + minutes * MINUTE;
}
