import { openTouchbaseDB } from '../../../src/store/db';

let counter = 0;

/** A fresh database per test, so tests never see each other's records. */
export function freshDB() {
  counter += 1;
  return openTouchbaseDB(`touchbase-test-${counter}-${Math.random().toString(36).slice(2)}`);
}

export const NOW = new Date(2026, 10, 23, 11, 0).getTime();
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
