import type { DueInput } from '../../../src/domain/due';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import { summarizeTouches } from '../../../src/domain/touches';
import type { Direction } from '../../../src/domain/types';

/** A local wall-clock moment: the tests read like a calendar, whatever TZ they run in. */
export function local(year: number, month: number, day: number, hour = 0, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}

export function describeLocal(millis: number): string {
  const d = new Date(millis);
  const pad = (n: number) => String(n).padStart(2, '0');
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getDay()];
  return `${weekday} ${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function settings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, ...overrides };
}

/** A prospect in `stageId`, created at `createdAt`, with touches given as [when, direction]. */
export function prospect(
  stageId: string,
  createdAt: number,
  touches: readonly [number, Direction][] = [],
  extra: Partial<DueInput> = {},
): DueInput {
  const stageEnteredAt = extra.stageEnteredAt ?? createdAt;
  return {
    stageId,
    cadenceDays: null,
    nextMeetingAt: null,
    snoozedUntil: null,
    createdAt,
    stageEnteredAt,
    ...summarizeTouches(touches.map(([at, direction]) => ({ at, direction })), stageEnteredAt),
    ...extra,
  };
}
