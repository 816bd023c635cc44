import type { ProspectBase } from './derive';
import type { ProspectFields, ThreadLink } from './types';

/** A new prospect's stored fields: what the rep gave, and the defaults for the rest. */
export function newProspectBase(
  fields: Partial<ProspectFields> & { readonly email: string },
  meta: { readonly id: string; readonly mailbox: string; readonly stageId: string; readonly threads: readonly ThreadLink[]; readonly now: number },
): ProspectBase {
  return {
    id: meta.id,
    email: fields.email,
    mailbox: meta.mailbox,
    name: fields.name ?? '',
    company: fields.company ?? '',
    stageId: meta.stageId,
    value: fields.value ?? null,
    currency: fields.currency ?? '',
    decisionMaker: fields.decisionMaker ?? 'unknown',
    expectedCloseDate: fields.expectedCloseDate ?? null,
    channel: fields.channel ?? 'email',
    cadenceDays: fields.cadenceDays ?? null,
    nextMeetingAt: fields.nextMeetingAt ?? null,
    snoozedUntil: fields.snoozedUntil ?? null,
    notes: fields.notes ?? '',
    threads: meta.threads,
    createdAt: meta.now,
    updatedAt: meta.now,
    stageEnteredAt: meta.now,
    reachedStages: [meta.stageId],
  };
}
