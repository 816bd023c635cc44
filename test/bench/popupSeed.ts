import { deriveProspect } from '../../src/domain/derive';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

/** The popup benches' store, the same in Chromium and Firefox. */
export const TOUCHES_PER_PROSPECT = 10;
const DAY = 86_400_000;

/**
 * Writes `count` prospects with follow-ups spread over the past 30 and the next 365 days, and
 * TOUCHES_PER_PROSPECT touches each, in batches of 5,000 through `write`; returns how many fall due
 * within the popup's window (the next eight days).
 */
export async function seedPopupStore(count: number, write: (records: { prospects: object[]; touches: object[] }) => Promise<void>): Promise<number> {
  const now = Date.now();
  let inWindow = 0;
  for (let start = 0; start < count; start += 5_000) {
    const prospects = [];
    const touches = [];
    for (let i = start; i < Math.min(count, start + 5_000); i++) {
      const lastTouch = now - ((i * 13) % 60) * DAY - DAY;
      // Follow-ups spread evenly from 30 days ago to a year ahead (a snooze end fixes the due time).
      const dueAt = now + (((i * 7919) % 395) - 30) * DAY;
      const base = {
        id: `p-${i}`, email: `p${i}@bench.test`, mailbox: '', name: `Prospect ${i}`, company: `Company ${i % 700}`, stageId: ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'nurture'][i % 7]!,
        value: (i % 50) * 1000, currency: 'EUR', decisionMaker: 'unknown' as const, expectedCloseDate: null, channel: 'email' as const, cadenceDays: null,
        nextMeetingAt: null, snoozedUntil: dueAt, notes: '', threads: [], createdAt: lastTouch - 100 * DAY, updatedAt: now, stageEnteredAt: lastTouch - 100 * DAY,
      };
      const own = Array.from({ length: TOUCHES_PER_PROSPECT }, (_, k) => ({
        id: `t-${i}-${k}`, prospectId: base.id, at: lastTouch - k * 5 * DAY, channel: 'email', direction: k % 3 === 2 ? 'inbound' : 'outbound', source: 'gmail', note: '', createdAt: now,
      }));
      const prospect = deriveProspect(base, own as never, DEFAULT_SETTINGS);
      if (prospect.dueAt !== undefined && prospect.dueAt < now + 8 * DAY) inWindow += 1;
      prospects.push(prospect);
      touches.push(...own);
    }
    await write({ prospects, touches });
  }
  return inWindow;
}
