import type { Stage } from './types';

/**
 * The default pipeline (docs/architecture.md#the-domain). Ids are stable and stored with each prospect;
 * names, colours, order and cadences are the rep's to change.
 */
export const DEFAULT_STAGES: readonly Stage[] = [
  { id: 'new', name: 'New lead', color: '#5b8def', kind: 'open', cadence: { amount: 2, unit: 'workingDays' } },
  { id: 'contacted', name: 'Contacted', color: '#3aa6b9', kind: 'open', cadence: { amount: 3, unit: 'workingDays' } },
  { id: 'qualified', name: 'Qualified', color: '#2f9e6e', kind: 'open', cadence: { amount: 3, unit: 'workingDays' } },
  { id: 'meeting', name: 'Meeting set', color: '#8e6bd8', kind: 'meeting', cadence: null },
  { id: 'proposal', name: 'Proposal / trial', color: '#d9822b', kind: 'open', cadence: { amount: 3, unit: 'workingDays' } },
  { id: 'negotiation', name: 'Negotiation', color: '#d4533b', kind: 'open', cadence: { amount: 2, unit: 'workingDays' } },
  { id: 'won', name: 'Won (customer)', color: '#1f8a3b', kind: 'won', cadence: { amount: 90, unit: 'days' } },
  { id: 'nurture', name: 'Nurture', color: '#7d8a99', kind: 'nurture', cadence: { amount: 30, unit: 'days' } },
  { id: 'lost', name: 'Lost', color: '#9aa0a6', kind: 'lost', cadence: null },
];

/**
 * Meeting set has no cadence of its own: before the meeting time is known, and after the
 * meeting has been followed up, it falls back to this so the prospect is never forgotten.
 */
export const MEETING_FALLBACK_CADENCE = { amount: 3, unit: 'workingDays' } as const;

/** The stages a stop-rule decision moves a prospect to. */
export const NURTURE_STAGE_ID = 'nurture';
export const LOST_STAGE_ID = 'lost';

const builtInNames = new Map(DEFAULT_STAGES.map((stage) => [stage.id, stage.name]));

/**
 * A stage's name for display. Built-in stages the rep has not renamed show in the UI language
 * (`stage_<id>` in _locales, looked up through `t`); a name the rep chose is shown as written.
 */
export function stageLabel(stage: Pick<Stage, 'id' | 'name'>, t: (key: string) => string): string {
  return builtInNames.get(stage.id) === stage.name ? t(`stage_${stage.id}`) : stage.name;
}
