import type { Prospect } from '../domain/types';
import type { LookupRequest } from '../messaging/protocol';
import type { TouchbaseDB } from './db';

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
 * The head of the due window, for a first paint: everything due from `startOfToday` to `until`,
 * and only the first `pastLimit` prospects due before today (earliest first). One transaction.
 */
export async function dueWindowHead(db: TouchbaseDB, startOfToday: number, until: number, pastLimit: number) {
  const index = db.transaction('prospects').store.index('byDueAt');
  const [past, current] = await Promise.all([
    index.getAll(IDBKeyRange.upperBound(startOfToday, true), pastLimit),
    index.getAll(IDBKeyRange.bound(startOfToday, until)),
  ]);
  return { past, current, truncated: past.length === pastLimit };
}

export function allProspects(db: TouchbaseDB): Promise<Prospect[]> {
  return db.getAll('prospects');
}
