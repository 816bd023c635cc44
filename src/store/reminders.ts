import { endOfToday } from '../domain/classify';
import { dueNowRanges, type DueCounts } from '../domain/dueCounts';
import { needsReminder, SUMMARY_NAMES, type DueDigest } from '../domain/reminders';
import type { Millis, Prospect } from '../domain/types';
import type { TouchbaseDB } from './db';

/** Prospects whose due instance has come and has not been shown: O(pending), not O(due). */
export async function dueWithoutReminder(db: TouchbaseDB, now: Millis): Promise<Prospect[]> {
  const pending = await db.getAllFromIndex('prospects', 'byRemindAt', IDBKeyRange.upperBound(now));
  return pending.filter((p) => needsReminder(p, now));
}

/** The stored records of these prospects, in one transaction; ids with no record are left out. */
export async function prospectsWithIds(db: TouchbaseDB, ids: readonly string[]): Promise<Prospect[]> {
  if (ids.length === 0) return [];
  const tx = db.transaction('prospects');
  const found = await Promise.all(ids.map((id) => tx.store.get(id)));
  return found.filter((p): p is Prospect => p !== undefined);
}

/**
 * What the summary notification covers: prospects due now, less those with a notification of
 * their own. One index count and a short cursor walk from the newest: no due record is read
 * beyond the few names shown.
 */
export async function dueDigest(db: TouchbaseDB, now: Millis, withOwnNotification: ReadonlySet<string>): Promise<DueDigest> {
  const tx = db.transaction('prospects');
  const dueNow = IDBKeyRange.upperBound(now);
  const total = await tx.store.index('byDueAt').count(dueNow);
  const newest: Prospect[] = [];
  for (let cursor = await tx.store.index('byDueAt').openCursor(dueNow, 'prev'); cursor && newest.length < SUMMARY_NAMES; cursor = await cursor.continue()) {
    if (!withOwnNotification.has(cursor.value.id)) newest.push(cursor.value);
  }
  // Those with their own notification are due now too (that is why it is on screen).
  return { count: Math.max(0, total - withOwnNotification.size), newest };
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

/** The badge's numbers (domain/dueCounts.ts): two counts of the dueAt index, no record read. */
export async function badgeCounts(db: TouchbaseDB, now: Millis): Promise<Pick<DueCounts, 'dueNow' | 'overdue'>> {
  const { dueNowBefore, overdueBefore } = dueNowRanges(now);
  const [dueNow, overdue] = await Promise.all([
    db.countFromIndex('prospects', 'byDueAt', IDBKeyRange.upperBound(dueNowBefore, true)),
    db.countFromIndex('prospects', 'byDueAt', IDBKeyRange.upperBound(overdueBefore, true)),
  ]);
  return { dueNow, overdue };
}
