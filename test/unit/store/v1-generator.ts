/**
 * Deterministic v1 data: prospects and touches shaped exactly as schema v1 stored them (no
 * remindAt, no reachedStages; `notified` only on some), varied in every field a migration could
 * trip over. The same seed always gives the same records, so a failure can be replayed.
 */

const DAY = 86_400_000;
/** 2026-11-23, the day v2 was released: v1 data is older than this, its due dates on either side. */
export const RELEASE = Date.UTC(2026, 10, 23);

const STAGES = ['new', 'contacted', 'qualified', 'meeting', 'proposal', 'negotiation', 'won', 'nurture', 'lost'] as const;
const CHANNELS = ['email', 'phone', 'meeting', 'social', 'other'] as const;
const SOURCES = ['gmail', 'manual', 'notification', 'import'] as const;
const DUE_KINDS = ['followUp', 'replyNeeded', 'meetingConfirm', 'meetingFollowUp', 'decision'] as const;
const MAILBOXES = ['rep@example.com', 'rep.two@example.co.id', 'sales+eu@example.de', ''] as const;
const NAMES = ['Ana Souza', 'Ζωή Παπαδοπούλου', 'สมชาย ใจดี', 'Дмитрий Иванов', '王小明', 'Siti Nurhaliza', 'José Ñúñez', 'O’Brien "Bo"', 'Zoë 👩🏽‍💼', 'عمر'];
const COMPANIES = ['', 'Acme GmbH', 'PT Maju Jaya', 'Κόσμος Α.Ε.', 'บริษัท สยาม จำกัด', 'ООО Ромашка', '北京科技有限公司', 'Ünïcødé & Co.'];
const NOTES = ['', 'Call back after Q3 budget.', 'Línea 1\nLínea 2\n\ttabbed', 'Ждёт КП 📎', '需要报价单', 'ต้องการใบเสนอราคา', '🔥🔥 hot lead 🚀', 'a\u0301 combining, \u200d zero-width, \ud83c\udff3\ufe0f\u200d\ud83c\udf08 flag'];

export type V1Prospect = Record<string, unknown> & { id: string; dueAt?: number; notified?: { dueAt: number; at: number } };
export type V1Touch = Record<string, unknown> & { id: string; prospectId: string; at: number; messageId?: string };

/** mulberry32: a small seeded PRNG, enough to vary fixtures reproducibly. */
function prng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const hex = (length: number) => Array.from({ length }, () => int(16).toString(16)).join('');
  return { next, int, pick, hex, chance: (p: number) => next() < p };
}

const uuid = (r: ReturnType<typeof prng>) => `${r.hex(8)}-${r.hex(4)}-4${r.hex(3)}-a${r.hex(3)}-${r.hex(12)}`;

/** The touch summary v1 kept in step with a prospect's touches. */
function summarise(touches: readonly V1Touch[]) {
  let unansweredCount = 0;
  let firstUnansweredAt: number | null = null;
  let lastOutboundAt: number | null = null;
  let lastInboundAt: number | null = null;
  for (const touch of touches) {
    if (touch.direction === 'inbound') {
      lastInboundAt = touch.at;
      unansweredCount = 0;
      firstUnansweredAt = null;
    } else {
      lastOutboundAt = touch.at;
      unansweredCount += 1;
      firstUnansweredAt ??= touch.at;
    }
  }
  const last = touches.at(-1);
  const ballWith = last ? (last.direction === 'inbound' ? 'me' : 'them') : null;
  return { touchCount: touches.length, unansweredCount, firstUnansweredAt, lastTouchAt: last?.at ?? null, lastOutboundAt, lastInboundAt, ballWith };
}

/**
 * `prospectCount` v1 prospects and exactly `touchCount` v1 touches spread unevenly over them.
 * Touches lie up to 400 days before `anchor`, due dates up to 30 days either side of it.
 */
export function generateV1(prospectCount: number, touchCount: number, { seed = 20261123, anchor = RELEASE } = {}) {
  const r = prng(seed);
  const ids = Array.from({ length: prospectCount }, () => uuid(r));
  const threadPool = Array.from({ length: Math.ceil(prospectCount * 1.5) }, (_, i) => `18${(0x9a000000 + i * 7919).toString(16)}${r.hex(6)}`);
  const touchesOf = ids.map(() => [] as V1Touch[]);
  let nextMessage = 0x18c0_0000_0000;
  for (let i = 0; i < touchCount; i += 1) {
    // A skewed spread over the first 85 %: a few prospects carry hundreds of touches, the rest
    // a handful, and the last 15 % (fresh leads) none.
    const owner = Math.floor(r.next() ** 1.6 * prospectCount * 0.85);
    const source = r.pick(SOURCES);
    const gmail = source === 'gmail';
    const at = anchor - r.int(400 * DAY);
    touchesOf[owner]?.push({
      id: uuid(r), prospectId: ids[owner] as string, at, channel: gmail ? 'email' : r.pick(CHANNELS),
      direction: r.chance(0.35) ? 'inbound' : 'outbound', source,
      // Optional fields are absent, not undefined, as v1 wrote them: the sparse indexes skip them.
      ...(gmail ? { messageId: (nextMessage += 1 + r.int(50)).toString(16) } : {}),
      ...(gmail || r.chance(0.1) ? { threadId: r.pick(threadPool) } : {}),
      note: r.chance(0.7) ? '' : r.pick(NOTES), createdAt: at + r.int(DAY),
    });
  }
  const emails: string[] = [];
  const prospects = ids.map((id, i): V1Prospect => {
    const touches = (touchesOf[i] ?? []).sort((a, b) => a.at - b.at);
    const stageId = r.pick(STAGES);
    const mailbox = MAILBOXES[i % MAILBOXES.length] as string;
    // Every 50th address is also tracked from the previous (different) mailbox: byEmail holds both.
    const email = i % 50 === 1 ? (emails[i - 1] as string) : `${r.pick(['ana', 'bo', 'c.d', 'e_f', 'x+tag'])}.${i}@${r.pick(['acme.test', 'maju.co.id', 'kosmos.gr'])}`;
    emails.push(email);
    // Threads come from a shared pool, so some are linked to two prospects (byThreadId holds both).
    const threadIds = [...new Set(Array.from({ length: r.int(4) }, () => r.pick(threadPool)))];
    const threads = threadIds.map((threadId) => ({ threadId, mailbox: mailbox || MAILBOXES[0], subject: `Re: ${[...r.pick(NOTES)].slice(0, 20).join('')} #${r.int(999)}` }));
    const createdAt = (touches[0]?.at ?? anchor) - r.int(30 * DAY) - 1;
    const due = stageId === 'lost' ? undefined : anchor + r.int(60 * DAY) - 30 * DAY;
    // Three notification states: never shown, shown for this instance, shown for an older one.
    const shown = due === undefined ? r.int(2) : r.int(3);
    const notifiedDueAt = shown === 1 && due !== undefined ? due : createdAt + DAY;
    return {
      id, email, mailbox,
      name: `${r.pick(NAMES)} ${i}`, company: r.pick(COMPANIES), stageId,
      value: r.chance(0.3) ? null : r.pick([0, 1, 499.99, 12_000, 2_500_000, r.int(100_000)]), currency: r.pick(['', 'USD', 'EUR', 'IDR', 'THB']),
      decisionMaker: r.pick(['yes', 'no', 'unknown']), expectedCloseDate: r.chance(0.5) ? null : `2027-0${1 + r.int(9)}-${10 + r.int(18)}`,
      channel: r.pick(CHANNELS), cadenceDays: r.chance(0.7) ? null : 1 + r.int(60),
      nextMeetingAt: stageId === 'meeting' ? anchor + r.int(20 * DAY) : null,
      snoozedUntil: r.chance(0.15) ? anchor + r.int(10 * DAY) : null,
      notes: r.chance(0.02) ? r.pick(NOTES).repeat(400) : r.pick(NOTES),
      threads, threadIds,
      createdAt, updatedAt: (touches.at(-1)?.at ?? createdAt) + r.int(DAY), stageEnteredAt: createdAt + r.int(DAY),
      ...summarise(touches),
      ...(due === undefined ? {} : { dueAt: due, dueKind: r.pick(DUE_KINDS) }),
      ...(shown === 0 ? {} : { notified: { dueAt: notifiedDueAt, at: notifiedDueAt + r.int(3_600_000) } }),
    };
  });
  return { prospects, touches: touchesOf.flat() };
}

/** The v2 rule (migrations.ts): a v1 prospect whose due instance has not been shown gets remindAt = dueAt. */
export function expectedAfterV2(prospect: V1Prospect): V1Prospect {
  const pending = prospect.dueAt !== undefined && prospect.notified?.dueAt !== prospect.dueAt;
  return pending ? { ...prospect, remindAt: prospect.dueAt } : prospect;
}
