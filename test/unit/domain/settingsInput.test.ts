import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import { checkSettingsChange } from '../../../src/domain/settingsInput';

const change = (edit: (s: Settings & Record<string, unknown>) => object) => checkSettingsChange(DEFAULT_SETTINGS, edit(structuredClone(DEFAULT_SETTINGS) as Settings & Record<string, unknown>));
const stages = DEFAULT_SETTINGS.stages;

describe('a settings change', () => {
  it('accepts renamed, recoloured, reordered stages and new cadences; sorts working days', () => {
    const result = change((s) => ({
      ...s,
      workingDays: [4, 0, 1, 2, 3],
      stages: [...stages].reverse().map((st) => (st.id === 'new' ? { ...st, name: 'Fresh lead', color: '#123abc', cadence: { amount: 5, unit: 'days' } } : st)),
    }));
    expect(result.ok && result.value.workingDays).toEqual([0, 1, 2, 3, 4]);
    expect(result.ok && result.value.stages[0]?.id).toBe('lost');
  });

  const refusals: [string, (s: Settings & Record<string, unknown>) => object, RegExp][] = [
    ['a stage added', (s) => ({ ...s, stages: [...stages, { ...stages[0]!, id: 'vip', name: 'VIP' }] }), /not added or removed/],
    ['a stage removed', (s) => ({ ...s, stages: stages.slice(1) }), /not added or removed/],
    ['Won given another meaning', (s) => ({ ...s, stages: stages.map((st) => (st.id === 'won' ? { ...st, kind: 'open' } : st)) }), /stages\[6\]\.kind: "Won \(customer\)" keeps its meaning \(won\)/],
    ['two stages with one name', (s) => ({ ...s, stages: stages.map((st) => (st.id === 'qualified' ? { ...st, name: 'contacted' } : st)) }), /two stages are named "contacted"/],
    ['an empty name', (s) => ({ ...s, stages: stages.map((st, i) => (i === 2 ? { ...st, name: '  ' } : st)) }), /stages\[2\]\.name: is required/],
    ['markup in a name', (s) => ({ ...s, stages: stages.map((st, i) => (i === 0 ? { ...st, name: '<b>New</b>' } : st)) }), /stages\[0\]\.name: must not contain markup/],
    ['a colour that is not #rrggbb', (s) => ({ ...s, stages: stages.map((st, i) => (i === 0 ? { ...st, color: 'red' } : st)) }), /stages\[0\]\.color: needs at least 7 characters/],
    ['a cadence of zero days', (s) => ({ ...s, stages: stages.map((st, i) => (i === 0 ? { ...st, cadence: { amount: 0, unit: 'days' } } : st)) }), /stages\[0\]\.cadence\.amount: must be between 1 and 365/],
    ['a cadence for Lost', (s) => ({ ...s, stages: stages.map((st) => (st.id === 'lost' ? { ...st, cadence: { amount: 9, unit: 'days' } } : st)) }), /lost prospects get no follow-ups/],
    ['no working day', (s) => ({ ...s, workingDays: [] }), /workingDays: pick at least one working day/],
    ['a day twice', (s) => ({ ...s, workingDays: [1, 1, 2] }), /workingDays: lists a day twice/],
    ['an hour of 24', (s) => ({ ...s, reminderHour: 24 }), /reminderHour: must be between 0 and 23/],
    ['a fractional touch limit', (s) => ({ ...s, stopAfterTouches: 2.5 }), /stopAfterTouches: must be a whole number/],
    ['an unknown key', (s) => ({ ...s, theme: 'dark' }), /settings\.theme: is not a known field/],
  ];
  for (const [name, edit, message] of refusals) {
    it(`refuses ${name}`, () => {
      const result = change(edit);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(message);
    });
  }
});
