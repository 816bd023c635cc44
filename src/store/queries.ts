import { DEFAULT_SETTINGS } from '../domain/settings';
import type { Prospect } from '../domain/types';
import type { LookupRequest } from '../messaging/protocol';
import type { TouchbaseDB } from './db';
import { SETTINGS_KEY } from './schema';

/**
 * Prospects due up to `until`, earliest first, read from the sparse dueAt index: the cost
 * grows with what is due, not with the size of the pipeline.
 */
export function prospectsDueBy(db: TouchbaseDB, until: number): Promise<Prospect[]> {
  return db.getAllFromIndex('prospects', 'byDueAt', IDBKeyRange.upperBound(until));
}

/**
 * The prospects a Gmail tab asks about in one batch: by thread id or by address, limited to the
 * tab's own mailbox (and prospects added without one).
 */
export async function lookupProspects(db: TouchbaseDB, request: LookupRequest): Promise<Prospect[]> {
  const tx = db.transaction('prospects');
  const store = tx.store;
  const reads = [
    ...request.threadIds.map((id) => store.index('byThreadId').getAll(id)),
    ...request.emails.map((email) => store.index('byEmail').getAll(email)),
    ...(request.prospectIds ?? []).map(async (id) => {
      const prospect = await store.get(id);
      return prospect ? [prospect] : [];
    }),
  ];
  const found = (await Promise.all(reads)).flat();
  await tx.done;
  const byId = new Map<string, Prospect>();
  for (const prospect of found) {
    if (prospect.mailbox === request.mailbox || prospect.mailbox === '') byId.set(prospect.id, prospect);
  }
  return [...byId.values()];
}

/**
 * Every prospect a Gmail tab of `mailbox` can see (its own and those added without a mailbox), or
 * none and `complete: false` when there are more than `limit`: counted first, so a large pipeline
 * costs two index counts, not a read of every record.
 */
export async function mailboxProspects(db: TouchbaseDB, mailbox: string, limit: number): Promise<{ prospects: Prospect[]; complete: boolean }> {
  const index = db.transaction('prospects').store.index('byMailboxEmail');
  // [m] sorts before every [m, address] and [m, []] after them: arrays sort above strings.
  const ranges = [...new Set([mailbox, ''])].map((owner) => IDBKeyRange.bound([owner], [owner, []]));
  const counts = await Promise.all(ranges.map((range) => index.count(range)));
  if (counts.reduce((sum, count) => sum + count, 0) > limit) return { prospects: [], complete: false };
  return { prospects: (await Promise.all(ranges.map((range) => index.getAll(range)))).flat(), complete: true };
}

/**
 * What the popup's first paint needs, in one transaction (a second one would queue behind it):
 * everything due from `startOfToday` to `until`, only the first `pastLimit` prospects due before
 * today (earliest first), and the settings.
 */
export async function dueWindowHead(db: TouchbaseDB, startOfToday: number, until: number, pastLimit: number) {
  const tx = db.transaction(['prospects', 'settings']);
  const index = tx.objectStore('prospects').index('byDueAt');
  const [past, current, settings] = await Promise.all([
    index.getAll(IDBKeyRange.upperBound(startOfToday, true), pastLimit),
    index.getAll(IDBKeyRange.bound(startOfToday, until)),
    tx.objectStore('settings').get(SETTINGS_KEY),
  ]);
  return { past, current, truncated: past.length === pastLimit, settings: settings ?? DEFAULT_SETTINGS };
}

export function allProspects(db: TouchbaseDB): Promise<Prospect[]> {
  return db.getAll('prospects');
}
