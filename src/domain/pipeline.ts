import { findStage, type Settings } from './settings';
import { countDue } from './dueCounts';
import type { Millis, Prospect, Stage, StageKind } from './types';

// Pipeline statistics for the dashboard. Pure; the hints are plain data the UI translates.

/** The fields the statistics read. `reachedStages` is declared here until Prospect gains it. */
export type PipelineProspect = Pick<Prospect, 'stageId' | 'value' | 'currency' | 'touchCount' | 'dueAt' | 'dueKind'> & {
  /** Ids of every stage the prospect was ever in, including the current one. */
  readonly reachedStages?: readonly string[];
};

export interface StageTotal {
  readonly stageId: string;
  readonly name: string;
  readonly color: string;
  readonly kind: StageKind;
  readonly count: number;
  /** Sum of the values in the pipeline's main currency. */
  readonly value: number;
}

export interface StageTotals {
  /** The main currency; '' when no prospect has a value (or the values have no currency). */
  readonly currency: string;
  readonly stages: readonly StageTotal[];
  /**
   * The expected value: the sum over every stage but Lost-kind ones, in the main currency. A lost
   * deal is expected to bring nothing; its value is shown apart, never added in.
   */
  readonly expected: { readonly count: number; readonly value: number };
  /** Valued prospects whose value is left out of `value` because it is in another currency. */
  readonly otherCurrencyCount: number;
}

export interface ConversionRate {
  readonly reached: number;
  readonly won: number;
  /** Reached prospects now in a won- or lost-kind stage. */
  readonly decided: number;
  /** won / decided; null when nothing is decided yet (0 % would be a lie). */
  readonly rate: number | null;
}

export type Hint =
  | { readonly kind: 'noMeetings' }
  | { readonly kind: 'noNewLeads' }
  | { readonly kind: 'decisionsPending'; readonly count: number };

export interface PipelineSummary {
  readonly totals: StageTotals;
  readonly meetingToWon: ConversionRate | null;
  readonly proposalToWon: ConversionRate | null;
  readonly averageTouchesPerWon: number | null;
  readonly hints: readonly Hint[];
}

/** The default proposal stage. Looked up by id: no stage kind means "proposal". */
const PROPOSAL_STAGE_ID = 'proposal';
/** Prospects in open stages past the meeting stage that make "no meetings" worth saying. */
const NEAR_CLOSE_WITHOUT_MEETINGS = 3;

/** Prospects whose stage is gone from the settings are shown nowhere, so they count nowhere. */
function inKnownStages<P extends PipelineProspect>(prospects: readonly P[], settings: Settings): P[] {
  const ids = new Set(settings.stages.map((stage) => stage.id));
  return prospects.filter((prospect) => ids.has(prospect.stageId));
}

/** A value of 0 was typed by the rep and counts; null (or a corrupt NaN) means "no value". */
function valueOf(prospect: PipelineProspect): number | null {
  return prospect.value !== null && Number.isFinite(prospect.value) ? prospect.value : null;
}

/**
 * The currency most valued prospects are in. Counted by prospects, not by amount, so one large
 * foreign deal does not turn the whole board into that currency. Ties go alphabetically (a
 * stable answer whatever the prospect order); '' (no currency typed) is a currency of its own.
 */
function mainCurrency(prospects: readonly PipelineProspect[]): string {
  const counts = new Map<string, number>();
  for (const prospect of prospects) {
    if (valueOf(prospect) !== null) counts.set(prospect.currency, (counts.get(prospect.currency) ?? 0) + 1);
  }
  let best = '';
  let bestCount = 0;
  for (const [currency, count] of counts) {
    if (count > bestCount || (count === bestCount && currency < best)) {
      best = currency;
      bestCount = count;
    }
  }
  return best;
}

function sumIn(prospects: readonly PipelineProspect[], currency: string): number {
  return prospects.reduce((sum, p) => (p.currency === currency ? sum + (valueOf(p) ?? 0) : sum), 0);
}

/**
 * The pipeline's main currency: the one the value table sums in, and the add form's default.
 * Read over the prospects shown in the pipeline (those in a stage of the settings).
 */
export function pipelineCurrency(prospects: readonly PipelineProspect[], settings: Settings): string {
  return mainCurrency(inKnownStages(prospects, settings));
}

/** One entry per stage, in the rep's order, with the values summed in the main currency. */
export function stageTotals(prospects: readonly PipelineProspect[], settings: Settings): StageTotals {
  const known = inKnownStages(prospects, settings);
  const currency = mainCurrency(known);
  const stages = settings.stages.map((stage): StageTotal => {
    const here = known.filter((prospect) => prospect.stageId === stage.id);
    const { id: stageId, name, color, kind } = stage;
    return { stageId, name, color, kind, count: here.length, value: sumIn(here, currency) };
  });
  const otherCurrencyCount = known.filter((p) => valueOf(p) !== null && p.currency !== currency).length;
  const expected = stages
    .filter((stage) => stage.kind !== 'lost')
    .reduce((sum, stage) => ({ count: sum.count + stage.count, value: sum.value + stage.value }), { count: 0, value: 0 });
  return { currency, stages, expected, otherCurrencyCount };
}

/** The current stage always counts as reached, even when a stored history forgot it. */
function hasReached(prospect: PipelineProspect, stageId: string): boolean {
  return prospect.stageId === stageId || (prospect.reachedStages ?? []).includes(stageId);
}

function kindOf(settings: Settings, prospect: PipelineProspect): StageKind | undefined {
  return findStage(settings, prospect.stageId)?.kind;
}

/**
 * Of the prospects that reached `fromStageId` and are now decided, the share that is won.
 * Won and lost are read from stage kinds, so renamed or custom stages still count.
 */
export function conversionRate(
  prospects: readonly PipelineProspect[],
  settings: Settings,
  fromStageId: string,
): ConversionRate {
  if (findStage(settings, fromStageId) === undefined) return { reached: 0, won: 0, decided: 0, rate: null };
  const reached = prospects.filter((prospect) => hasReached(prospect, fromStageId));
  const kinds = reached.map((prospect) => kindOf(settings, prospect));
  const won = kinds.filter((kind) => kind === 'won').length;
  const decided = won + kinds.filter((kind) => kind === 'lost').length;
  return { reached: reached.length, won, decided, rate: decided === 0 ? null : won / decided };
}

/** How many touches a win takes, on average; null before the first win. */
function averageTouchesPerWon(prospects: readonly PipelineProspect[], settings: Settings): number | null {
  const won = prospects.filter((prospect) => kindOf(settings, prospect) === 'won');
  if (won.length === 0) return null;
  return won.reduce((sum, prospect) => sum + prospect.touchCount, 0) / won.length;
}

function countIn(prospects: readonly PipelineProspect[], stages: readonly Stage[]): number {
  const ids = new Set(stages.map((stage) => stage.id));
  return prospects.filter((prospect) => ids.has(prospect.stageId)).length;
}

/**
 * noMeetings: at least 3 prospects sit in open stages after the (first) meeting-kind stage,
 * e.g. proposal and negotiation, while no meeting-kind stage holds anyone. Many deals near
 * close and no meetings booked means next month's pipeline is empty: prospect more.
 */
function noMeetingsHint(prospects: readonly PipelineProspect[], settings: Settings): Hint | null {
  const meetingIndex = settings.stages.findIndex((stage) => stage.kind === 'meeting');
  if (meetingIndex < 0) return null;
  const nearClose = settings.stages.slice(meetingIndex + 1).filter((stage) => stage.kind === 'open');
  const meetings = settings.stages.filter((stage) => stage.kind === 'meeting');
  const hint = countIn(prospects, nearClose) >= NEAR_CLOSE_WITHOUT_MEETINGS && countIn(prospects, meetings) === 0;
  return hint ? { kind: 'noMeetings' } : null;
}

/**
 * noNewLeads: the first two stages (settings order) are empty while the open pipeline (open and
 * meeting kinds) is not. Work in progress but nothing coming in behind it. An empty pipeline
 * gets no hint: the empty board says it already.
 */
function noNewLeadsHint(prospects: readonly PipelineProspect[], settings: Settings): Hint | null {
  const top = settings.stages.slice(0, 2);
  if (top.length === 0) return null;
  const open = settings.stages.filter((stage) => stage.kind === 'open' || stage.kind === 'meeting');
  return countIn(prospects, top) === 0 && countIn(prospects, open) >= 1 ? { kind: 'noNewLeads' } : null;
}

/**
 * decisionsPending: the stop rule handed the rep at least one keep/nurture/lose decision. Counted
 * by the due list's own count (countDue), so the hint always equals the Decide section.
 */
function decisionsPendingHint(prospects: readonly PipelineProspect[], now: Millis): Hint | null {
  const count = countDue(prospects, now).bySection.decision;
  return count >= 1 ? { kind: 'decisionsPending', count } : null;
}

/** Coaching hints, in a fixed order so the UI does not reshuffle between renders. */
export function pipelineHints(prospects: readonly PipelineProspect[], settings: Settings, now: Millis): Hint[] {
  const hints = [noMeetingsHint(prospects, settings), noNewLeadsHint(prospects, settings), decisionsPendingHint(prospects, now)];
  return hints.filter((hint): hint is Hint => hint !== null);
}

export function pipelineSummary(prospects: readonly PipelineProspect[], settings: Settings, now: Millis): PipelineSummary {
  const meetingStage = settings.stages.find((stage) => stage.kind === 'meeting');
  const hasProposal = findStage(settings, PROPOSAL_STAGE_ID) !== undefined;
  return {
    totals: stageTotals(prospects, settings),
    meetingToWon: meetingStage ? conversionRate(prospects, settings, meetingStage.id) : null,
    proposalToWon: hasProposal ? conversionRate(prospects, settings, PROPOSAL_STAGE_ID) : null,
    averageTouchesPerWon: averageTouchesPerWon(prospects, settings),
    hints: pipelineHints(prospects, settings, now),
  };
}
