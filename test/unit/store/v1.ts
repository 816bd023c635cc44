import { openDB } from 'idb';

/**
 * Schema v1 exactly as released (the first block of migrations.ts, frozen here), with records as
 * v1 wrote them. Migration tests start from this, never from the current code.
 */
export async function createV1Database(name: string, prospects: readonly object[] = [], touches: readonly object[] = []): Promise<void> {
  const db = await openDB(name, 1, {
    upgrade(database) {
      const p = database.createObjectStore('prospects', { keyPath: 'id' });
      p.createIndex('byEmail', 'email');
      p.createIndex('byMailboxEmail', ['mailbox', 'email'], { unique: true });
      p.createIndex('byDueAt', 'dueAt');
      p.createIndex('byStage', 'stageId');
      p.createIndex('byThreadId', 'threadIds', { multiEntry: true });
      const t = database.createObjectStore('touches', { keyPath: 'id' });
      t.createIndex('byProspectAt', ['prospectId', 'at']);
      t.createIndex('byMessageId', 'messageId', { unique: true });
      database.createObjectStore('settings');
    },
  });
  const tx = db.transaction(['prospects', 'touches'], 'readwrite');
  for (const record of prospects) void tx.objectStore('prospects').put(record);
  for (const record of touches) void tx.objectStore('touches').put(record);
  await tx.done;
  db.close();
}

/** A prospect record as v1 stored it (no remindAt). */
export function v1Prospect(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id, email: `${id}@x.test`, mailbox: 'rep@example.com', name: `Name ${id}`, company: '', stageId: 'new', value: null, currency: '',
    decisionMaker: 'unknown', expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null,
    notes: '', threads: [], threadIds: [], createdAt: 1, updatedAt: 1, stageEnteredAt: 1, touchCount: 0, unansweredCount: 0,
    firstUnansweredAt: null, lastTouchAt: null, lastOutboundAt: null, lastInboundAt: null, ballWith: null, dueAt: 1000, dueKind: 'followUp',
    ...overrides,
  };
}
