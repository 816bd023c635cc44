import { findStage, type Settings } from './settings';
import { stageLabel } from './stages';
import type { DueKind, Millis, Prospect, ThreadLink } from './types';

/**
 * What the scheduler shows, decided without any browser API: which due instances are new,
 * whether they are shown one by one or as one summary, and what each one says.
 */

/** More than this many reminders falling due at once become one summary notification. */
export const GROUP_ABOVE = 3;

export interface Reminder {
  /** Stable per due instance: showing it again replaces it instead of adding a second one. */
  readonly notificationId: string;
  readonly prospectId: string;
  readonly dueAt: Millis;
  readonly title: string;
  readonly message: string;
}

export type Translate = (key: string, substitutions?: string | readonly string[]) => string;

export type ReminderPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'single'; readonly reminders: readonly Reminder[] }
  | { readonly kind: 'summary'; readonly notificationId: string; readonly title: string; readonly message: string; readonly covers: readonly Reminder[] };

/** A due instance that has not been notified yet. */
export function needsReminder(prospect: Prospect, now: Millis): boolean {
  return prospect.dueAt !== undefined && prospect.dueAt <= now && prospect.notified?.dueAt !== prospect.dueAt;
}

export function planReminders(due: readonly Prospect[], settings: Settings, now: Millis, t: Translate): ReminderPlan {
  const fresh = due.filter((p) => needsReminder(p, now)).sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0));
  if (fresh.length === 0) return { kind: 'none' };
  const reminders = fresh.map((p) => reminderFor(p, settings, t));
  if (reminders.length <= GROUP_ABOVE) return { kind: 'single', reminders };
  const names = fresh.map((p) => p.name || p.email);
  return {
    kind: 'summary',
    notificationId: `summary:${now}`,
    title: t('reminderSummaryTitle', String(fresh.length)),
    message: names.slice(0, 6).join(', ') + (names.length > 6 ? ` +${names.length - 6}` : ''),
    covers: reminders,
  };
}

function reminderFor(prospect: Prospect, settings: Settings, t: Translate): Reminder {
  const dueAt = prospect.dueAt ?? 0;
  const found = findStage(settings, prospect.stageId);
  const stage = found ? stageLabel(found, t) : prospect.stageId;
  const who = [prospect.name || prospect.email, prospect.company].filter(Boolean).join(' · ');
  return {
    notificationId: reminderId(prospect.id, dueAt),
    prospectId: prospect.id,
    dueAt,
    title: who,
    message: `${t(reasonKey(prospect.dueKind ?? 'followUp'))} · ${stage}`,
  };
}

function reasonKey(kind: DueKind): string {
  return `reminder_${kind}`;
}

export function reminderId(prospectId: string, dueAt: Millis): string {
  return `due:${prospectId}:${dueAt}`;
}

/** The prospect a notification is about, or null for a summary or a foreign id. */
export function prospectOfReminder(notificationId: string): string | null {
  const match = /^due:([A-Za-z0-9_-]{1,64}):\d+$/.exec(notificationId);
  return match?.[1] ?? null;
}

/** The Gmail URL of a thread, addressed by mailbox so the right account opens. */
export function threadUrl(thread: ThreadLink): string {
  return `https://mail.google.com/mail/u/${encodeURIComponent(thread.mailbox)}/#inbox/${encodeURIComponent(thread.threadId)}`;
}

/** The thread to open for a prospect: the one linked last. */
export function latestThread(prospect: Pick<Prospect, 'threads'>): ThreadLink | null {
  return prospect.threads.at(-1) ?? null;
}
