import { computeDue } from './due';
import type { Settings } from './settings';
import { summarizeTouches } from './touches';
import type { Prospect, ThreadLink, Touch, TouchSummary } from './types';

/** A prospect without the fields derived from its touches and the rules. */
export type ProspectBase = Omit<Prospect, keyof TouchSummary | 'dueAt' | 'dueKind' | 'threadIds' | 'remindAt'>;

/**
 * Brings every derived field of a prospect in line with its touches and the rules. The store
 * calls this inside the same transaction as each write, so what is indexed (dueAt, threadIds)
 * is never stale.
 */
export function deriveProspect(
  base: ProspectBase,
  touches: readonly (Pick<Touch, 'at' | 'direction'> & Pick<Partial<Touch>, 'provisional'>)[],
  settings: Settings,
): Prospect {
  // Only a real stage change restarts the stop-rule streak; touches backfilled into a prospect
  // created today (its history from Gmail) still count.
  const summary = summarizeTouches(touches, base.stageEnteredAt > base.createdAt ? base.stageEnteredAt : -Infinity);
  const withSummary = { ...stripDerived(base), ...summary, threadIds: uniqueThreadIds(base.threads) };
  const due = computeDue(withSummary, settings);
  if (due === null) return withSummary;
  const pending = withSummary.notified?.dueAt !== due.at;
  return { ...withSummary, dueAt: due.at, dueKind: due.kind, ...(pending ? { remindAt: due.at } : {}) };
}

/** Drops stale derived fields a caller may have spread in from a stored record. */
function stripDerived(base: ProspectBase): ProspectBase {
  const copy: Record<string, unknown> = { ...base };
  for (const key of ['dueAt', 'dueKind', 'threadIds', 'remindAt', 'replyUnread']) delete copy[key];
  return copy as unknown as ProspectBase;
}

function uniqueThreadIds(threads: readonly ThreadLink[]): string[] {
  return [...new Set(threads.map((thread) => thread.threadId))];
}
