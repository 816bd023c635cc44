/**
 * The vocabulary of Touchbase. Plain data only: these records are stored in IndexedDB,
 * sent between execution contexts and written to backups, so they hold no methods,
 * no Dates (epoch milliseconds instead) and no class instances.
 */

/** Epoch milliseconds. Dates cross IndexedDB and messages as numbers, never as Date. */
export type Millis = number;

export const CHANNELS = ['email', 'phone', 'meeting', 'social', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ['outbound', 'inbound'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Where a touch came from: seen in Gmail, typed by the rep, or a notification button. */
export const TOUCH_SOURCES = ['gmail', 'manual', 'notification', 'import'] as const;
export type TouchSource = (typeof TOUCH_SOURCES)[number];

export const DECISION_MAKER = ['yes', 'no', 'unknown'] as const;
export type DecisionMaker = (typeof DECISION_MAKER)[number];

/**
 * What a stage means to the due rules, independent of the name the rep gives it.
 * Renaming "Won (customer)" to "Kunde" must not turn off keep-in-touch check-ins.
 */
export const STAGE_KINDS = ['open', 'meeting', 'won', 'nurture', 'lost'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];

export interface Cadence {
  readonly amount: number;
  /** Working days follow the rep's working week; calendar days are for slow tracks. */
  readonly unit: 'workingDays' | 'days';
}

export interface Stage {
  readonly id: string;
  readonly name: string;
  /** CSS colour (#rrggbb) of the stage chip. */
  readonly color: string;
  readonly kind: StageKind;
  /** null: no cadence reminders in this stage (Lost, or Meeting set which follows the meeting). */
  readonly cadence: Cadence | null;
}

export interface ThreadLink {
  readonly threadId: string;
  /** The rep's own address the thread lives in (Gmail accounts u/0, u/1 … differ). */
  readonly mailbox: string;
  readonly subject: string;
}

/** Why a prospect is due; drives the wording of lists and notifications. */
export const DUE_KINDS = [
  'followUp',
  'replyNeeded',
  'meetingConfirm',
  'meetingFollowUp',
  'decision',
] as const;
export type DueKind = (typeof DUE_KINDS)[number];

/** Fields the rep edits. */
export interface ProspectFields {
  readonly email: string;
  readonly name: string;
  readonly company: string;
  readonly stageId: string;
  readonly value: number | null;
  readonly currency: string;
  readonly decisionMaker: DecisionMaker;
  /** Expected close date as a local calendar date, yyyy-mm-dd. */
  readonly expectedCloseDate: string | null;
  readonly channel: Channel;
  /** The cadence the prospect asked for ("check back in two weeks"), in calendar days. */
  readonly cadenceDays: number | null;
  readonly nextMeetingAt: Millis | null;
  readonly snoozedUntil: Millis | null;
  readonly notes: string;
}

/** Fields kept in sync from the touches on every write; never edited directly. */
export interface TouchSummary {
  readonly touchCount: number;
  /** Outbound touches since the last reply or the last stage change (the stop rule counts these). */
  readonly unansweredCount: number;
  readonly firstUnansweredAt: Millis | null;
  readonly lastTouchAt: Millis | null;
  readonly lastOutboundAt: Millis | null;
  readonly lastInboundAt: Millis | null;
  /** 'me': they wrote after my last outbound touch. null: nobody has touched yet. */
  readonly ballWith: 'me' | 'them' | null;
  /** The newest inbound touch is provisional: an unread inbox row says they wrote. Absent otherwise. */
  readonly replyUnread?: true;
}

export interface Due {
  readonly at: Millis;
  readonly kind: DueKind;
}

export interface Prospect extends ProspectFields, TouchSummary {
  readonly id: string;
  /** The rep mailbox this prospect belongs to; '' when added by hand without one. */
  readonly mailbox: string;
  readonly threads: readonly ThreadLink[];
  /** Thread ids of `threads`, flat, so IndexedDB can index them (multiEntry). */
  readonly threadIds: readonly string[];
  readonly createdAt: Millis;
  readonly updatedAt: Millis;
  /** When the current stage was entered: progress restarts the stop-rule count. */
  readonly stageEnteredAt: Millis;
  /** Every stage id this prospect has been in (conversion rates); absent on records before it existed. */
  readonly reachedStages?: readonly string[];
  /** Next follow-up; absent (not null) when never due, so the dueAt index skips it. */
  readonly dueAt?: Millis;
  readonly dueKind?: DueKind;
  /** The due instance last notified, and when: a reminder is shown once per instance. */
  readonly notified?: { readonly dueAt: Millis; readonly at: Millis };
  /** dueAt while its reminder has not been shown; absent afterwards (a sparse index of pending reminders). */
  readonly remindAt?: Millis;
}

export interface Touch {
  readonly id: string;
  readonly prospectId: string;
  readonly at: Millis;
  readonly channel: Channel;
  readonly direction: Direction;
  readonly source: TouchSource;
  /** Gmail message id; absent when unknown. Unique in the store: one message, one touch. */
  readonly messageId?: string;
  readonly threadId?: string;
  /**
   * Logged before Gmail showed the message (at send, or from an unread inbox row): the real
   * message, when seen, replaces it (domain/reconcile.ts). Absent on every other touch.
   */
  readonly provisional?: boolean;
  readonly note: string;
  readonly createdAt: Millis;
}
