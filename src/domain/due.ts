import { addWorkingDays, addCadence, atReminderHour, deliveryOn, nextWorkingMoment, previousWorkingDay } from './calendar';
import type { WorkWeek } from './calendar';
import { findStage, type Settings } from './settings';
import { MEETING_FALLBACK_CADENCE } from './stages';
import type { Cadence, Due, Millis, Prospect, Stage, TouchSummary } from './types';
import { addDays } from 'date-fns';

/** What the due rules read of a prospect: its plan and its touch summary, nothing else. */
export type DueInput = Pick<
  Prospect,
  'stageId' | 'cadenceDays' | 'nextMeetingAt' | 'snoozedUntil' | 'createdAt' | 'stageEnteredAt'
> &
  TouchSummary;

/**
 * The next follow-up of a prospect (docs/architecture.md#due-rules), or null when it is never due (Lost).
 *
 * The result depends only on the prospect and the settings, not on the current time: a due
 * instance is a fixed moment that can be stored, indexed and notified exactly once. Whether it
 * is overdue, today or upcoming is a question for `classifyDue`, which takes `now`.
 */
export function computeDue(prospect: DueInput, settings: Settings): Due | null {
  const stage: Stage = findStage(settings, prospect.stageId) ?? unknownStage(prospect.stageId);
  if (stage.kind === 'lost') return null;
  const due = underlyingDue(prospect, stage, settings);
  // A snooze postpones whatever is due, until the rep touches the prospect again.
  const snooze = prospect.snoozedUntil;
  if (snooze !== null && snooze > (prospect.lastTouchAt ?? -Infinity)) return { at: snooze, kind: due.kind };
  return due;
}

function underlyingDue(prospect: DueInput, stage: Stage, settings: Settings): Due {
  if (prospect.ballWith === 'me' && prospect.lastInboundAt !== null) {
    const arrived = prospect.lastInboundAt + settings.replyNeededDelayMinutes * 60_000;
    return { at: nextWorkingMoment(arrived, settings), kind: 'replyNeeded' };
  }
  if (stage.kind === 'meeting') {
    const meetingDue = dueAroundMeeting(prospect, settings);
    if (meetingDue) return meetingDue;
  }
  const cadence = agreedCadence(prospect) ?? stage.cadence ?? MEETING_FALLBACK_CADENCE;
  const followUpAt = addCadence(prospect.lastTouchAt ?? prospect.createdAt, cadence, settings);
  if (stage.kind === 'open' || stage.kind === 'meeting') {
    const decisionAt = stopRuleDecisionAt(prospect, followUpAt, settings);
    if (decisionAt !== null) return { at: decisionAt, kind: 'decision' };
  }
  return { at: followUpAt, kind: 'followUp' };
}

/** "Check back in two weeks" overrides the stage default, in calendar days. */
function agreedCadence(prospect: DueInput): Cadence | null {
  return prospect.cadenceDays !== null && prospect.cadenceDays > 0
    ? { amount: prospect.cadenceDays, unit: 'days' }
    : null;
}

/**
 * Meeting set: confirm it the working day before, follow up the working day after. Once the
 * rep has touched the prospect after the meeting, the stage falls back to a plain cadence.
 */
function dueAroundMeeting(prospect: DueInput, week: WorkWeek): Due | null {
  const meetingAt = prospect.nextMeetingAt;
  if (meetingAt === null) return null;
  const lastTouch = prospect.lastTouchAt ?? -Infinity;
  if (lastTouch >= meetingAt) return null;
  const confirmAt = atReminderHour(previousWorkingDay(new Date(meetingAt), week), week).getTime();
  if (lastTouch < confirmAt) return { at: confirmAt, kind: 'meetingConfirm' };
  return { at: deliveryOn(addWorkingDays(new Date(meetingAt), 1, week), week), kind: 'meetingFollowUp' };
}

/**
 * Stop rule: after N unanswered touches, or an unanswered streak older than D days, the next
 * reminder asks for a decision (Nurture or Lost) instead of another follow-up. The decision is
 * due when the next follow-up would have been, or when the D days run out if that is sooner,
 * so the prospect still gets the usual time to answer the last touch.
 */
function stopRuleDecisionAt(prospect: DueInput, followUpAt: Millis, settings: Settings): Millis | null {
  if (prospect.unansweredCount >= settings.stopAfterTouches) return followUpAt;
  if (prospect.firstUnansweredAt === null) return null;
  const limitAt = deliveryOn(addDays(new Date(prospect.firstUnansweredAt), settings.stopAfterDays), settings);
  return limitAt <= followUpAt ? limitAt : null;
}

/** A stage id no longer in the settings (deleted by the rep) is followed up, never dropped. */
function unknownStage(id: string): Stage {
  return { id, name: id, color: '#9aa0a6', kind: 'open', cadence: MEETING_FALLBACK_CADENCE };
}
