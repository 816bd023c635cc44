/*
 * Calendar arithmetic for expectations written from the README's rules (the default working week,
 * Monday to Friday), so tests run on any day and at any hour without asking the code under test.
 */
export const WORKING_DAYS = new Set([1, 2, 3, 4, 5]);

/** Local midnight `offset` calendar days from the day of `at` (DST-safe: built from the date, not from ms). */
export function localDay(at: number, offset: number): Date {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + offset);
}

/** The latest working day before today, at `hour`: a reply that arrived then is due already. */
export function lastWorkingDayBefore(now: number, hour: number): number {
  let back = 1;
  while (!WORKING_DAYS.has(localDay(now, -back).getDay())) back += 1;
  const day = localDay(now, -back);
  day.setHours(hour);
  return day.getTime();
}
