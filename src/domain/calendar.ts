import { addDays, getDay, isBefore, setHours, startOfDay } from 'date-fns';
import type { Cadence, Millis } from './types';

/**
 * Working-day arithmetic in the local time zone. Everything goes through date-fns so that
 * "the next working day at 09:00" stays 09:00 across daylight-saving changes and month ends.
 * A working week is any set of weekdays (Mon–Fri, Sun–Thu, …), never assumed to be Mon–Fri.
 */
export interface WorkWeek {
  readonly workingDays: readonly number[];
  readonly reminderHour: number;
}

/** Guard for the loops below: a working week must contain at least one day. */
function assertWorkWeek(week: WorkWeek): void {
  if (!week.workingDays.some((day) => day >= 0 && day <= 6)) {
    throw new RangeError('A working week needs at least one working day');
  }
}

export function isWorkingDay(date: Date, week: WorkWeek): boolean {
  return week.workingDays.includes(getDay(date));
}

/** The first working day on or after `date` (same time of day). */
export function onOrNextWorkingDay(date: Date, week: WorkWeek): Date {
  assertWorkWeek(week);
  let day = date;
  while (!isWorkingDay(day, week)) day = addDays(day, 1);
  return day;
}

/** `count` working days after `date`; the day of `date` itself never counts. */
export function addWorkingDays(date: Date, count: number, week: WorkWeek): Date {
  assertWorkWeek(week);
  let day = date;
  let left = count;
  while (left > 0) {
    day = addDays(day, 1);
    if (isWorkingDay(day, week)) left -= 1;
  }
  return day;
}

/** The working day before `date` (strictly earlier). */
export function previousWorkingDay(date: Date, week: WorkWeek): Date {
  assertWorkWeek(week);
  let day = addDays(date, -1);
  while (!isWorkingDay(day, week)) day = addDays(day, -1);
  return day;
}

/** The reminder moment (reminder hour, local) of the calendar day of `date`. */
export function atReminderHour(date: Date, week: WorkWeek): Date {
  return setHours(startOfDay(date), week.reminderHour);
}

/**
 * When a reminder for `date` is delivered: the reminder hour of that day if it is a working
 * day, otherwise of the next working day.
 */
export function deliveryOn(date: Date, week: WorkWeek): Millis {
  return atReminderHour(onOrNextWorkingDay(startOfDay(date), week), week).getTime();
}

/** Adds a cadence to a moment and returns when the resulting reminder is delivered. */
export function addCadence(from: Millis, cadence: Cadence, week: WorkWeek): Millis {
  const start = new Date(from);
  const target =
    cadence.unit === 'workingDays'
      ? addWorkingDays(start, cadence.amount, week)
      : addDays(start, cadence.amount);
  return deliveryOn(target, week);
}

/**
 * The first moment at or after `at` that lies in working time: a working day, at or after the
 * reminder hour. Used for urgent items (a reply is needed) that should not wait a whole day.
 */
export function nextWorkingMoment(at: Millis, week: WorkWeek): Millis {
  const date = new Date(at);
  if (isWorkingDay(date, week) && !isBefore(date, atReminderHour(date, week))) return at;
  if (isWorkingDay(date, week)) return atReminderHour(date, week).getTime();
  return deliveryOn(date, week);
}

/** Whole working days from `from` to `to`, counting the days after `from` up to `to`'s day. */
export function workingDaysBetween(from: Millis, to: Millis, week: WorkWeek): number {
  assertWorkWeek(week);
  let count = 0;
  let day = startOfDay(new Date(from));
  const end = startOfDay(new Date(to));
  while (isBefore(day, end)) {
    day = addDays(day, 1);
    if (isWorkingDay(day, week)) count += 1;
  }
  return count;
}
