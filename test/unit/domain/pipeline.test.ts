import { describe, expect, it } from 'vitest';
import {
  conversionRate,
  pipelineHints,
  pipelineSummary,
  stageTotals,
  type PipelineProspect,
} from '../../../src/domain/pipeline';
import type { Stage, StageKind } from '../../../src/domain/types';
import { settings } from './fixtures';

const defaults = settings();
/** The moment the hints are asked for; every decision below is due by then unless told. */
const NOW = Date.UTC(2026, 2, 4, 12);

/** A prospect in `stageId` with no value, no touches and nothing due, unless told. */
function p(stageId: string, extra: Partial<PipelineProspect> = {}): PipelineProspect {
  return { stageId, value: null, currency: 'EUR', touchCount: 0, ...extra };
}

/** `count` identical prospects. */
function many(count: number, stageId: string, extra: Partial<PipelineProspect> = {}): PipelineProspect[] {
  return Array.from({ length: count }, () => p(stageId, extra));
}

function stage(id: string, kind: StageKind, name = id): Stage {
  return { id, name, color: '#000000', kind, cadence: null };
}

/** A renamed, reordered pipeline with custom ids: only kinds and order carry meaning. */
const custom = settings({
  stages: [
    stage('inbox', 'open', 'Eingang'),
    stage('call', 'open', 'Anruf'),
    stage('demo', 'meeting', 'Demo'),
    stage('pilot', 'open', 'Pilot'),
    stage('onsite', 'meeting', 'Vor Ort'),
    stage('contract', 'open', 'Vertrag'),
    stage('kunde', 'won', 'Kunde'),
    stage('verloren', 'lost', 'Verloren'),
    stage('später', 'nurture', 'Später'),
  ],
});

function totalsById(totals: ReturnType<typeof stageTotals>): Record<string, { count: number; value: number }> {
  return Object.fromEntries(totals.stages.map((s) => [s.stageId, { count: s.count, value: s.value }]));
}

describe('stageTotals', () => {
  it('lists every stage in settings order with zeros for an empty pipeline', () => {
    const totals = stageTotals([], defaults);
    expect(totals.currency).toBe('');
    expect(totals.otherCurrencyCount).toBe(0);
    expect(totals.stages.map((s) => s.stageId)).toEqual(defaults.stages.map((s) => s.id));
    expect(totals.stages.every((s) => s.count === 0 && s.value === 0)).toBe(true);
  });

  it('copies name, colour and kind from the stage', () => {
    const totals = stageTotals([], defaults);
    expect(totals.stages[3]).toEqual({ stageId: 'meeting', name: 'Meeting set', color: '#8e6bd8', kind: 'meeting', count: 0, value: 0 });
  });

  it('counts prospects and sums values per stage', () => {
    const totals = stageTotals(
      [p('new', { value: 100 }), p('new', { value: 250 }), p('proposal', { value: 1000 }), p('won', { value: 5 })],
      defaults,
    );
    const byId = totalsById(totals);
    expect(totals.currency).toBe('EUR');
    expect(byId.new).toEqual({ count: 2, value: 350 });
    expect(byId.proposal).toEqual({ count: 1, value: 1000 });
    expect(byId.won).toEqual({ count: 1, value: 5 });
    expect(byId.contacted).toEqual({ count: 0, value: 0 });
  });

  it('leaves Lost out of the expected value, whatever the Lost stage is called', () => {
    const totals = stageTotals([p('new', { value: 100 }), p('won', { value: 50 }), p('nurture'), p('lost', { value: 1000 })], defaults);
    // Expected: every prospect but the lost one — 3 prospects, 100 + 50.
    expect(totals.expected).toEqual({ count: 3, value: 150 });
    expect(totalsById(totals).lost).toEqual({ count: 1, value: 1000 });
    const renamed = stageTotals([p('contract', { value: 40 }), p('verloren', { value: 9 })], custom);
    expect(renamed.expected).toEqual({ count: 1, value: 40 });
  });

  it('follows renamed and reordered stages', () => {
    const totals = stageTotals([p('kunde', { value: 7 }), p('inbox')], custom);
    expect(totals.stages.map((s) => s.name)).toEqual(custom.stages.map((s) => s.name));
    expect(totals.stages[0]).toMatchObject({ stageId: 'inbox', name: 'Eingang', count: 1, value: 0 });
    expect(totals.stages[6]).toMatchObject({ stageId: 'kunde', name: 'Kunde', kind: 'won', count: 1, value: 7 });
  });

  it('picks the currency with the most valued prospects, not the largest amount', () => {
    const totals = stageTotals(
      [p('new', { value: 10 }), p('new', { value: 20 }), p('new', { value: 1_000_000, currency: 'USD' })],
      defaults,
    );
    expect(totals.currency).toBe('EUR');
    expect(totalsById(totals).new).toEqual({ count: 3, value: 30 });
    expect(totals.otherCurrencyCount).toBe(1);
  });

  it('breaks a currency tie alphabetically, whatever the prospect order', () => {
    const usdFirst = [p('new', { value: 1, currency: 'USD' }), p('new', { value: 2, currency: 'CHF' })];
    expect(stageTotals(usdFirst, defaults).currency).toBe('CHF');
    expect(stageTotals([...usdFirst].reverse(), defaults).currency).toBe('CHF');
    expect(stageTotals(usdFirst, defaults).otherCurrencyCount).toBe(1);
    expect(totalsById(stageTotals(usdFirst, defaults)).new?.value).toBe(2);
  });

  it("treats '' as a currency of its own", () => {
    const noCurrency = [p('new', { value: 3, currency: '' }), p('new', { value: 4, currency: '' }), p('new', { value: 50 })];
    const totals = stageTotals(noCurrency, defaults);
    expect(totals.currency).toBe('');
    expect(totalsById(totals).new?.value).toBe(7);
    expect(totals.otherCurrencyCount).toBe(1);
    // In a tie, '' sorts before any code.
    expect(stageTotals([p('new', { value: 50 }), p('new', { value: 3, currency: '' })], defaults).currency).toBe('');
  });

  it('ignores prospects without a value when choosing the currency and counting others', () => {
    const totals = stageTotals([...many(3, 'new', { currency: 'GBP' }), p('new', { value: 9, currency: 'USD' })], defaults);
    expect(totals.currency).toBe('USD');
    expect(totals.otherCurrencyCount).toBe(0);
    expect(totalsById(totals).new).toEqual({ count: 4, value: 9 });
  });

  it('counts a value of 0 as a value, and a NaN as none', () => {
    const zeros = stageTotals([...many(2, 'new', { value: 0, currency: 'USD' }), p('new', { value: 500 })], defaults);
    expect(zeros.currency).toBe('USD');
    expect(zeros.otherCurrencyCount).toBe(1);
    const corrupt = stageTotals([...many(2, 'new', { value: Number.NaN, currency: 'USD' }), p('new', { value: 500 })], defaults);
    expect(corrupt.currency).toBe('EUR');
    expect(totalsById(corrupt).new).toEqual({ count: 3, value: 500 });
    expect(corrupt.otherCurrencyCount).toBe(0);
  });

  it('leaves out prospects in a stage the settings no longer have', () => {
    const totals = stageTotals([...many(3, 'deleted', { value: 1, currency: 'USD' }), p('new', { value: 2 })], defaults);
    expect(totals.currency).toBe('EUR');
    expect(totals.otherCurrencyCount).toBe(0);
    expect(totals.stages.reduce((sum, s) => sum + s.count, 0)).toBe(1);
  });
});

describe('conversionRate', () => {
  it('is empty with a null rate for an empty pipeline', () => {
    expect(conversionRate([], defaults, 'meeting')).toEqual({ reached: 0, won: 0, decided: 0, rate: null });
  });

  it('is the share of won among reached prospects now won or lost', () => {
    const prospects = [
      p('won', { reachedStages: ['new', 'meeting', 'won'] }),
      p('won', { reachedStages: ['meeting', 'proposal', 'won'] }),
      p('lost', { reachedStages: ['meeting', 'lost'] }),
      p('nurture', { reachedStages: ['meeting', 'nurture'] }), // reached, not decided
      p('proposal', { reachedStages: ['meeting', 'proposal'] }), // reached, not decided
      p('won', { reachedStages: ['new', 'won'] }), // never had a meeting
      p('lost', { reachedStages: ['new', 'lost'] }),
    ];
    expect(conversionRate(prospects, defaults, 'meeting')).toEqual({ reached: 5, won: 2, decided: 3, rate: 2 / 3 });
  });

  it('treats a missing reachedStages as the current stage only', () => {
    const prospects = [p('meeting'), p('won'), p('lost')];
    expect(conversionRate(prospects, defaults, 'meeting')).toEqual({ reached: 1, won: 0, decided: 0, rate: null });
    expect(conversionRate(prospects, defaults, 'won')).toEqual({ reached: 1, won: 1, decided: 1, rate: 1 });
  });

  it('counts the current stage as reached even when the history omits it', () => {
    expect(conversionRate([p('proposal', { reachedStages: ['new'] })], defaults, 'proposal').reached).toBe(1);
  });

  it('reads won and lost from stage kinds, so renamed and custom stages count', () => {
    const prospects = [
      p('kunde', { reachedStages: ['demo', 'kunde'] }),
      p('verloren', { reachedStages: ['demo', 'verloren'] }),
      p('verloren', { reachedStages: ['demo', 'verloren'] }),
      p('später', { reachedStages: ['demo', 'später'] }),
    ];
    expect(conversionRate(prospects, custom, 'demo')).toEqual({ reached: 4, won: 1, decided: 3, rate: 1 / 3 });
  });

  it('is empty for a from-stage the settings do not have', () => {
    const prospects = [p('won', { reachedStages: ['ghost', 'won'] })];
    expect(conversionRate(prospects, defaults, 'ghost')).toEqual({ reached: 0, won: 0, decided: 0, rate: null });
  });

  it('counts a prospect in an unknown current stage as reached but undecided', () => {
    expect(conversionRate([p('ghost', { reachedStages: ['meeting', 'ghost'] })], defaults, 'meeting')).toEqual({
      reached: 1,
      won: 0,
      decided: 0,
      rate: null,
    });
  });

  it('is 0, not null, when everything decided was lost', () => {
    expect(conversionRate([p('lost', { reachedStages: ['meeting', 'lost'] })], defaults, 'meeting').rate).toBe(0);
  });
});

describe('pipelineSummary', () => {
  it('summarises an empty pipeline', () => {
    const summary = pipelineSummary([], defaults, NOW);
    expect(summary.totals).toEqual(stageTotals([], defaults));
    expect(summary.meetingToWon).toEqual({ reached: 0, won: 0, decided: 0, rate: null });
    expect(summary.proposalToWon).toEqual({ reached: 0, won: 0, decided: 0, rate: null });
    expect(summary.averageTouchesPerWon).toBeNull();
    expect(summary.hints).toEqual([]);
  });

  it('measures meeting → won and proposal → won separately', () => {
    const prospects = [
      p('won', { reachedStages: ['meeting', 'proposal', 'won'], value: 10 }),
      p('lost', { reachedStages: ['meeting', 'lost'] }),
      p('lost', { reachedStages: ['proposal', 'lost'] }),
      p('won', { reachedStages: ['proposal', 'won'] }),
      p('won', { reachedStages: ['proposal', 'won'] }),
    ];
    const summary = pipelineSummary(prospects, defaults, NOW);
    expect(summary.totals).toEqual(stageTotals(prospects, defaults));
    expect(summary.meetingToWon).toEqual({ reached: 2, won: 1, decided: 2, rate: 0.5 });
    expect(summary.proposalToWon).toEqual({ reached: 4, won: 3, decided: 4, rate: 0.75 });
  });

  it('measures from the first meeting-kind stage of a custom pipeline', () => {
    const prospects = [p('kunde', { reachedStages: ['demo', 'kunde'] }), p('verloren', { reachedStages: ['onsite', 'verloren'] })];
    expect(pipelineSummary(prospects, custom, NOW).meetingToWon).toEqual({ reached: 1, won: 1, decided: 1, rate: 1 });
  });

  it('has no meeting or proposal rate when the pipeline lacks those stages', () => {
    const bare = settings({ stages: [stage('lead', 'open'), stage('deal', 'won'), stage('gone', 'lost')] });
    const summary = pipelineSummary([p('deal', { reachedStages: ['lead', 'deal'] })], bare, NOW);
    expect(summary.meetingToWon).toBeNull();
    expect(summary.proposalToWon).toBeNull();
    expect(pipelineSummary([], custom, NOW).proposalToWon).toBeNull(); // a renamed proposal stage has another id
  });

  it('averages touches over prospects in won-kind stages only', () => {
    const twoWon = settings({ stages: [...defaults.stages, stage('renewed', 'won')] });
    const prospects = [
      p('won', { touchCount: 4 }),
      p('renewed', { touchCount: 7 }),
      p('nurture', { touchCount: 100 }),
      p('lost', { touchCount: 100 }),
      p('proposal', { touchCount: 100 }),
    ];
    expect(pipelineSummary(prospects, twoWon, NOW).averageTouchesPerWon).toBe(5.5);
    expect(pipelineSummary([p('won', { touchCount: 0 })], defaults, NOW).averageTouchesPerWon).toBe(0);
    expect(pipelineSummary([p('lost', { touchCount: 3 })], defaults, NOW).averageTouchesPerWon).toBeNull();
  });

  it('includes the hints', () => {
    const prospects = [...many(3, 'proposal'), p('new', { dueKind: 'decision', dueAt: 1 })];
    expect(pipelineSummary(prospects, defaults, NOW).hints).toEqual(pipelineHints(prospects, defaults, NOW));
    expect(pipelineSummary(prospects, defaults, NOW).hints).toHaveLength(2);
  });
});

function hintKinds(prospects: readonly PipelineProspect[], s = defaults): string[] {
  return pipelineHints(prospects, s, NOW).map((hint) => hint.kind);
}

describe('hint: noMeetings', () => {
  const withLeads = many(2, 'new'); // keeps noNewLeads quiet

  it('fires with 3 prospects in open stages after the meeting stage and none in it', () => {
    expect(hintKinds([...withLeads, ...many(2, 'proposal'), p('negotiation')])).toEqual(['noMeetings']);
  });

  it('stays quiet with only 2 near close', () => {
    expect(hintKinds([...withLeads, p('proposal'), p('negotiation')])).toEqual([]);
  });

  it('stays quiet once a meeting is booked', () => {
    expect(hintKinds([...withLeads, ...many(5, 'proposal'), p('meeting')])).toEqual([]);
  });

  it('does not count open stages before the meeting stage', () => {
    expect(hintKinds([...many(3, 'qualified'), ...many(2, 'new')])).toEqual([]);
  });

  it('does not count won, nurture or lost stages after the meeting stage', () => {
    expect(hintKinds([...withLeads, p('won'), p('nurture'), p('lost'), p('proposal'), p('negotiation')])).toEqual([]);
  });

  it('never fires without a meeting-kind stage', () => {
    const noMeeting = settings({ stages: [stage('a', 'open'), stage('b', 'open'), stage('c', 'open'), stage('w', 'won')] });
    expect(hintKinds([...many(2, 'a'), ...many(5, 'c')], noMeeting)).toEqual([]);
  });

  it('uses kinds and order, and any meeting-kind stage counts as booked', () => {
    const custom3 = [...many(2, 'inbox'), p('pilot'), ...many(2, 'contract')];
    expect(hintKinds(custom3, custom)).toEqual(['noMeetings']);
    expect(hintKinds([...custom3, p('onsite')], custom)).toEqual([]);
    expect(hintKinds([...custom3, p('demo')], custom)).toEqual([]);
  });
});

describe('hint: noNewLeads', () => {
  it('stays quiet for an empty pipeline', () => {
    expect(hintKinds([])).toEqual([]);
  });

  it('fires when the first two stages are empty but the open pipeline is not', () => {
    expect(hintKinds([p('qualified')])).toEqual(['noNewLeads']);
    expect(hintKinds([p('meeting')])).toEqual(['noNewLeads']);
  });

  it('stays quiet with a prospect in the first or second stage', () => {
    expect(hintKinds([p('qualified'), p('new')])).toEqual([]);
    expect(hintKinds([p('qualified'), p('contacted')])).toEqual([]);
  });

  it('stays quiet when only won, nurture and lost stages hold prospects', () => {
    expect(hintKinds([p('won'), p('nurture'), p('lost')])).toEqual([]);
  });

  it('follows the rep’s first two stages, whatever they are called', () => {
    expect(hintKinds([p('demo')], custom)).toEqual(['noNewLeads']);
    expect(hintKinds([p('demo'), p('call')], custom)).toEqual([]);
    const reordered = settings({ stages: [stage('call', 'open'), stage('inbox', 'open'), stage('demo', 'meeting')] });
    expect(hintKinds([p('demo'), p('call')], reordered)).toEqual([]);
    const single = settings({ stages: [stage('only', 'open')] });
    expect(hintKinds([p('only')], single)).toEqual([]);
  });

  it('never fires without stages', () => {
    expect(hintKinds([p('new')], settings({ stages: [] }))).toEqual([]);
  });
});

describe('hint: decisionsPending', () => {
  it('counts prospects awaiting a decision', () => {
    const prospects = [p('new', { dueKind: 'decision', dueAt: 1 }), p('contacted', { dueKind: 'decision', dueAt: 2 })];
    expect(pipelineHints(prospects, defaults, NOW)).toEqual([{ kind: 'decisionsPending', count: 2 }]);
  });

  it('counts only the decisions due now, as the Decide section does', () => {
    const tomorrow = NOW + 86_400_000;
    const prospects = [p('new', { dueKind: 'decision', dueAt: NOW - 1 }), p('contacted', { dueKind: 'decision', dueAt: tomorrow })];
    expect(pipelineHints(prospects, defaults, NOW)).toEqual([{ kind: 'decisionsPending', count: 1 }]);
  });

  it('ignores every other due kind', () => {
    const prospects = [
      p('new', { dueKind: 'followUp', dueAt: 1 }),
      p('new', { dueKind: 'replyNeeded', dueAt: 1 }),
      p('meeting', { dueKind: 'meetingConfirm', dueAt: 1 }),
      p('meeting', { dueKind: 'meetingFollowUp', dueAt: 1 }),
      p('new'),
    ];
    expect(pipelineHints(prospects, defaults, NOW)).toEqual([]);
  });
});

describe('pipelineHints', () => {
  it('lists the hints in a fixed order', () => {
    const prospects = [
      p('negotiation', { dueKind: 'decision', dueAt: 1 }),
      ...many(3, 'proposal'),
    ];
    expect(pipelineHints(prospects, defaults, NOW)).toEqual([
      { kind: 'noMeetings' },
      { kind: 'noNewLeads' },
      { kind: 'decisionsPending', count: 1 },
    ]);
  });
});
