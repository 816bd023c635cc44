import { startOfDay } from 'date-fns';
import { endOfToday } from '../domain/classify';
import { needsReminder } from '../domain/reminders';
import type { Millis, Prospect } from '../domain/types';
import type { TouchbaseDB } from './db';

/** Prospects whose due instance has come and has not been shown: O(pending), not O(due). */
export async function dueWithoutReminder(db: TouchbaseDB, now: Millis): Promise<Prospect[]> {
  const pending = await db.getAllFromIndex('prospects', 'byRemindAt', IDBKeyRange.upperBound(now));
  return pending.filter((p) => needsReminder(p, now));
}

/**
 * Records that these due instances were notified. Compare-and-set inside one transaction: a
 * prospect whose dueAt moved meanwhile (the rep logged a touch) is left alone, so its new
 * instance is still notified later.
 */
export async function markReminded(db: TouchbaseDB, shown: readonly { prospectId: string; dueAt: Millis }[], now: Millis): Promise<void> {
  if (shown.length === 0) return;
  const tx = db.transaction('prospects', 'readwrite');
  await Promise.all(
    shown.map(async ({ prospectId, dueAt }) => {
      const current = await tx.store.get(prospectId);
      if (current && current.dueAt === dueAt) {
        const { remindAt: _shown, ...rest } = current;
        await tx.store.put({ ...rest, notified: { dueAt, at: now } });
      }
    }),
  );
  await tx.done;
}

/** When the scheduler must wake next: the next due instance, or midnight (the badge's "today" rolls over). */
export async function nextWakeAt(db: TouchbaseDB, now: Millis): Promise<Millis> {
  const cursor = await db.transaction('prospects').store.index('byDueAt').openCursor(IDBKeyRange.lowerBound(now, true));
  return Math.min(cursor?.value.dueAt ?? Infinity, endOfToday(now));
}

export interface BadgeCounts {
  /** Overdue, due today, reply needed and decisions: what the rep should do today. */
  readonly dueNow: number;
  /** Due before today began: colours the badge. */
  readonly overdue: number;
}

/** Two index counts: no record is read. */
export async function badgeCounts(db: TouchbaseDB, now: Millis): Promise<BadgeCounts> {
  const [dueNow, overdue] = await Promise.all([
    db.countFromIndex('prospects', 'byDueAt', IDBKeyRange.upperBound(endOfToday(now), true)),
    db.countFromIndex('prospects', 'byDueAt', IDBKeyRange.upperBound(startOfDay(now).getTime(), true)),
  ]);
  return { dueNow, overdue };
}
