import type { Stage } from './types';
import { DEFAULT_STAGES } from './stages';

/** The rep's preferences. One record; every due computation takes it as an argument. */
export interface Settings {
  readonly stages: readonly Stage[];
  /** Days of the week the rep works, 0 = Sunday … 6 = Saturday (e.g. Sun–Thu: [0,1,2,3,4]). */
  readonly workingDays: readonly number[];
  /** Local hour (0–23) at which reminders are delivered. */
  readonly reminderHour: number;
  /** Stop rule: this many unanswered outbound touches turn the item into a decision. */
  readonly stopAfterTouches: number;
  /** Stop rule: an unanswered streak older than this many days turns into a decision. */
  readonly stopAfterDays: number;
  /** Pest guard: warn when touching again sooner than this many working days. */
  readonly minGapWorkingDays: number;
  /** A reply from the prospect becomes due this many minutes after it arrived. */
  readonly replyNeededDelayMinutes: number;
  readonly notificationsEnabled: boolean;
  /**
   * CSV import: stage values of other tools (a CRM status such as "Open - Not Contacted", lower
   * case) and the stage id the rep mapped each to; the next file with the same value maps alike.
   */
  readonly csvStageNames?: Readonly<Record<string, string>>;
  /**
   * The card above an open Gmail thread shows all its details and forms (true) or one line
   * (absent or false). Set from the card's More control, so the rep's choice holds on every
   * thread, tab and reload; the options page leaves it as it is.
   */
  readonly cardOpen?: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  stages: DEFAULT_STAGES,
  workingDays: [1, 2, 3, 4, 5],
  reminderHour: 9,
  stopAfterTouches: 6,
  stopAfterDays: 60,
  minGapWorkingDays: 2,
  replyNeededDelayMinutes: 120,
  notificationsEnabled: true,
};

export function findStage(settings: Settings, stageId: string): Stage | undefined {
  return settings.stages.find((stage) => stage.id === stageId);
}
