import type { Page } from 'playwright-core';
import type { Touch } from '../../src/domain/types';
import { DEMO_PROSPECTS, threads } from '../demo-mailbox/serve.mjs';
import { readProspects, readTouches, sleep } from './extension';
import { shuffle, type Random } from './random';
import type { Command } from './realSend';

const HOUR = 3_600_000;

/** A Gmail message several senders report: the same id always names the same prospect. */
export interface SeenMessage {
  readonly messageId: string;
  readonly prospectId: string;
  readonly direction: 'inbound' | 'outbound';
  readonly at: number;
}

/**
 * The writes a rep's contexts make all day, drawn at random: touches logged by hand (with and
 * without a time), touches of Gmail messages from a shared pool (so several senders report the
 * same message), stage changes and snoozes.
 */
export function writeMix(random: Random, prospectIds: readonly string[], stageIds: readonly string[], now: number, poolSize = 40) {
  const messages: SeenMessage[] = Array.from({ length: poolSize }, (_, i) => ({
    messageId: `fe${i.toString(16).padStart(14, '0')}`,
    prospectId: random.pick(prospectIds),
    direction: random.pick(['inbound', 'outbound'] as const),
    at: now - random.int(1, 72) * HOUR,
  }));
  let manualCount = 0;

  const seen = (m: SeenMessage): Command => ({
    name: 'touch.log',
    payload: { prospectId: m.prospectId, channel: 'email', direction: m.direction, source: 'gmail', messageId: m.messageId, at: m.at, note: '' },
  });
  const mixed = (): Command => {
    const id = random.pick(prospectIds);
    const kind = random.next();
    if (kind < 0.5) {
      manualCount += 1;
      const at = random.next() < 0.5 ? { at: now - random.int(0, 72) * HOUR } : {};
      const payload = { prospectId: id, channel: random.pick(['phone', 'meeting', 'social'] as const), direction: random.pick(['inbound', 'outbound'] as const), source: 'manual', note: 'call', ...at };
      return { name: 'touch.log', payload };
    }
    if (kind < 0.75) return { name: 'prospect.update', payload: { id, patch: { stageId: random.pick(stageIds) } } };
    return { name: 'prospect.update', payload: { id, patch: { snoozedUntil: now + random.int(1, 96) * HOUR } } };
  };

  return {
    messages,
    /** Touch commands without a message id generated so far. */
    get manualCount() {
      return manualCount;
    },
    /** `size` mixed commands plus `share` of the message pool (every message when 1), shuffled. */
    batch(size: number, share: number): Command[] {
      const pool = messages.filter(() => random.next() < share).map(seen);
      return shuffle(random, [...pool, ...Array.from({ length: size }, mixed)]);
    },
  };
}

/**
 * The touches the content script logs when the demo's tracked threads are open, one per message
 * and tracked person: a message from them is theirs (inbound), the rep's message to them is theirs
 * (outbound). A thread's tracked people are those linked to it and those among its participants,
 * so a message to two of them is a touch for each.
 */
export function detectableMessages(): { messageId: string; email: string }[] {
  return threads
    .filter((thread) => DEMO_PROSPECTS.some((p) => p.threadIds.includes(thread.legacyId)))
    .flatMap((thread) => {
      const participants = new Set(thread.messages.flatMap((m) => [m.from.email, ...m.to.map((p) => p.email)]));
      const tracked = DEMO_PROSPECTS.filter((p) => p.threadIds.includes(thread.legacyId) || participants.has(p.email));
      return thread.messages.flatMap((m) =>
        tracked
          .filter((p) => m.from.email === p.email || (m.from.email === p.mailbox && m.to.some((r) => r.email === p.email)))
          .map((p) => ({ messageId: m.legacyId!, email: p.email })),
      );
    });
}

/**
 * Waits until `ready` holds and the store stopped changing: writes still queued in the worker
 * (notification clicks are not awaited by anyone) land before the test reads the final state.
 */
export async function untilStoreSettles(page: Page, ready: (touches: Touch[]) => boolean, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  let last = '';
  let unchanged = 0;
  while (unchanged < 3) {
    if (Date.now() - started > timeoutMs) throw new Error(`the store did not settle within ${timeoutMs} ms`);
    const [touches, prospects] = await Promise.all([readTouches(page), readProspects(page)]);
    const snapshot = JSON.stringify([touches.length, prospects.map((p) => [p.id, p.updatedAt, p.notified?.at])]);
    unchanged = ready(touches) && snapshot === last ? unchanged + 1 : 0;
    last = snapshot;
    await sleep(300);
  }
}
