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
