import { findStage, type Settings } from './settings';
import { stageLabel } from './stages';
import type { DueKind, Millis, Prospect, ThreadLink } from './types';

/**
 * What the scheduler shows and takes away, decided without any browser API. A prospect has at
 * most one notification, under an id that names only the prospect, and there is at most one
 * summary, under a fixed id: showing again replaces instead of adding, so a worker stopped
 * between showing and recording cannot stack a second copy. Every run also takes away what is
 * no longer current (touched, snoozed, decided, deleted, not due any more).
 */

/** More than this many reminders falling due in one run become one summary notification. */
const GROUP_ABOVE = 3;

/** The one summary notification; its text is refreshed in place. */
export const SUMMARY_ID = 'summary';

const PROSPECT_ID = '[A-Za-z0-9_-]{1,64}';
const CURRENT_ID = new RegExp(`^due:(${PROSPECT_ID})$`);
/** Ids of earlier versions carried the due time; a click on one still leads to its prospect. */
const EARLIER_ID = new RegExp(`^due:(${PROSPECT_ID}):\\d+$`);

export interface Reminder {
  readonly notificationId: string;
  readonly prospectId: string;
  readonly dueAt: Millis;
  readonly title: string;
  readonly message: string;
}

export type Translate = (key: string, substitutions?: string | readonly string[]) => string;

/** The notification of a prospect: one per prospect, whatever its due instance. */
function reminderId(prospectId: string): string {
  return `due:${prospectId}`;
}

/** The prospect a notification is about (also for ids of earlier versions), or null for a summary or a foreign id. */
export function prospectOfReminder(notificationId: string): string | null {
  return (CURRENT_ID.exec(notificationId) ?? EARLIER_ID.exec(notificationId))?.[1] ?? null;
}

/** The prospect of a notification shown under this version's id scheme, or null. */
function prospectOfCurrentId(notificationId: string): string | null {
  return CURRENT_ID.exec(notificationId)?.[1] ?? null;
}

/** A due instance that has not been notified yet. */
export function needsReminder(prospect: Prospect, now: Millis): boolean {
  return prospect.dueAt !== undefined && prospect.dueAt <= now && prospect.notified?.dueAt !== prospect.dueAt;
}

/**
 * Whether the instance a prospect's notification showed is still the one due now. Anything the
 * rep does to the prospect (a touch, a snooze, a stage change) moves its due time and ends this.
 */
export function isReminderCurrent(prospect: Prospect, now: Millis): boolean {
  return prospect.dueAt !== undefined && prospect.dueAt <= now && prospect.notified?.dueAt === prospect.dueAt;
}

export interface NotificationPlanInput {
  /** Ids of the notifications on screen now. */
  readonly live: readonly string[];
  /** Due instances not notified yet (`needsReminder`). */
  readonly fresh: readonly Prospect[];
  /** The stored records of the prospects with a notification on screen; a deleted one is absent. */
  readonly liveProspects: readonly Prospect[];
  readonly settings: Settings;
  readonly now: Millis;
  readonly t: Translate;
}

export interface NotificationPlan {
  /** Notifications to take away: no longer current, or replaced by the summary. */
  readonly clear: readonly string[];
  /** Reminders to show one by one (an id already on screen is replaced). */
  readonly show: readonly Reminder[];
  /** Every prospect with its own notification after this run. */
  readonly singles: readonly string[];
  /** `show` alerts the rep (new instances joined it); `refresh` rewrites a summary on screen quietly (its count changes as prospects are handled). */
  readonly summary: 'none' | 'show' | 'refresh';
  /** The due instances this run notifies, to record with their prospects. */
  readonly record: readonly { readonly prospectId: string; readonly dueAt: Millis }[];
}

/**
 * One scheduler run's notifications. A notification stays while its prospect's instance is
 * current; up to `GROUP_ABOVE` new instances are shown one by one, more join the summary.
 */
export function planNotifications({ live, fresh, liveProspects, settings, now, t }: NotificationPlanInput): NotificationPlan {
  const record = fresh.filter((p) => needsReminder(p, now)).map((p) => ({ prospectId: p.id, dueAt: p.dueAt ?? 0 }));
  if (!settings.notificationsEnabled) return { clear: [...live], show: [], singles: [], summary: 'none', record };

  const freshIds = new Set(record.map((r) => r.prospectId));
  const stored = new Map(liveProspects.map((p) => [p.id, p]));
  const kept = live.flatMap((id) => {
    const prospectId = prospectOfCurrentId(id);
    const prospect = prospectId === null ? undefined : stored.get(prospectId);
    return prospect && !freshIds.has(prospect.id) && isReminderCurrent(prospect, now) ? [prospect.id] : [];
  });

  const newcomers = fresh.filter((p) => freshIds.has(p.id)).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  const summaryLive = live.includes(SUMMARY_ID);
  const alone = newcomers.length <= GROUP_ABOVE ? newcomers : [];
  const singles = [...kept, ...alone.map((p) => p.id)];
  const singleIds = new Set(singles.map(reminderId));
  return {
    clear: live.filter((id) => id !== SUMMARY_ID && !singleIds.has(id)),
    show: alone.map((p) => reminderFor(p, settings, t)),
    singles,
    summary: newcomers.length > alone.length ? 'show' : summaryLive ? 'refresh' : 'none',
    record,
  };
}

/** What the summary covers: every prospect due now without a notification of its own. */
export interface DueDigest {
  readonly count: number;
  /** The most recently due of them, newest first (for the names in the text). */
  readonly newest: readonly Pick<Prospect, 'name' | 'email'>[];
}

/** Names shown in the summary before "+N". */
export const SUMMARY_NAMES = 6;

/** The summary's text, or null when it covers nobody (then it is taken away). */
export function summaryText(digest: DueDigest, t: Translate): { readonly title: string; readonly message: string } | null {
  if (digest.count === 0) return null;
  const names = digest.newest.slice(0, SUMMARY_NAMES).map((p) => p.name || p.email);
  const more = digest.count - names.length;
  return { title: t('reminderSummaryTitle', String(digest.count)), message: names.join(', ') + (more > 0 ? ` +${more}` : '') };
}

function reminderFor(prospect: Prospect, settings: Settings, t: Translate): Reminder {
  const dueAt = prospect.dueAt ?? 0;
  const found = findStage(settings, prospect.stageId);
  const stage = found ? stageLabel(found, t) : prospect.stageId;
  const who = [prospect.name || prospect.email, prospect.company].filter(Boolean).join(' · ');
  return {
    notificationId: reminderId(prospect.id),
    prospectId: prospect.id,
    dueAt,
    title: who,
    message: `${t(reasonKey(prospect.dueKind ?? 'followUp'))} · ${stage}`,
  };
}

function reasonKey(kind: DueKind): string {
  return `reminder_${kind}`;
}

/** The thread to open for a prospect: the one linked last. */
export function latestThread(prospect: Pick<Prospect, 'threads'>): ThreadLink | null {
  return prospect.threads.at(-1) ?? null;
}
