import { deriveProspect } from '../../../src/domain/derive';
import { newProspectBase } from '../../../src/domain/newProspect';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Direction, Prospect } from '../../../src/domain/types';

export const REP = 'rep@example.com';
export const NOW = new Date(2026, 10, 23, 11, 0).getTime();
export const DAY = 86_400_000;

/** A prospect as the store derives it: in `stageId`, linked to `threadIds`, with touches [when, direction]. */
export function storedProspect(id: string, stageId: string, threadIds: readonly string[] = [], touches: readonly [number, Direction][] = []): Prospect {
  const threads = threadIds.map((threadId) => ({ threadId, mailbox: REP, subject: 'Pilot' }));
  const base = newProspectBase({ email: `${id}@deal.test`, name: id }, { id, mailbox: REP, stageId, threads, now: NOW - 60 * DAY });
  return deriveProspect(base, touches.map(([at, direction]) => ({ at, direction })), DEFAULT_SETTINGS);
}
