import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { editSettings, firstSyncedSettings, SYNCED_SETTINGS_FIELDS } from '../../../src/domain/settingsSync';
import { settingsFromDoc, settingsToDoc } from '../../../src/domain/syncDocs';

/**
 * The settings document read back from a server passes the same rules as the options page and a
 * backup, or is refused whole, naming what is wrong.
 */

const STAMP = formatHlc({ wall: Date.UTC(2026, 10, 2, 9, 0), counter: 0, device: 'laptop01' });
const stages = DEFAULT_SETTINGS.stages.map((stage) => (stage.id === 'new' ? { ...stage, name: 'Fresh <3 leads' } : stage));
const chosen = { ...DEFAULT_SETTINGS, stages, reminderHour: 8, workingDays: [0, 1, 2, 3, 4], csvStageNames: { 'open - not contacted': 'new' } };
const synced = editSettings(firstSyncedSettings(DEFAULT_SETTINGS, 'laptop01'), chosen, SYNCED_SETTINGS_FIELDS, STAMP);

function doc(): { _id: string; type: string; fields: Record<string, { value: unknown; stamp: string }> } {
  return JSON.parse(JSON.stringify({ ...settingsToDoc(synced), _rev: '2-5a0c' })) as never;
}

function withField(field: string, value: unknown): unknown {
  const copy = doc();
  copy.fields[field] = { value, stamp: STAMP };
  return copy;
}

describe('the settings document read back from a server', () => {
  it('reads back exactly what was written, a stage name with "<3" kept as text', () => {
    expect(settingsFromDoc(doc())).toEqual({ ok: true, value: synced });
  });

  it('refuses an answer that is not a document, a wrong _id and a wrong type', () => {
    for (const garbage of ['<html>502</html>', null, [doc()]]) expect(settingsFromDoc(garbage)).toMatchObject({ ok: false, problem: { key: 'mustBeObject' } });
    expect(settingsFromDoc({ ...doc(), _id: 'settings:other' })).toMatchObject({ ok: false, problem: { path: '_id' } });
    expect(settingsFromDoc({ ...doc(), type: 'prospect' })).toMatchObject({ ok: false, problem: { path: 'type' } });
  });

  it('refuses a damaged stamp, a missing field, and a field of this device (notifications) or an unknown one', () => {
    const badStamp = doc();
    badStamp.fields['reminderHour'] = { value: 8, stamp: '<script>' };
    expect(settingsFromDoc(badStamp)).toMatchObject({ ok: false, problem: { key: 'badFormat', path: 'fields.reminderHour.stamp' } });
    const missing = doc();
    delete missing.fields['workingDays'];
    expect(settingsFromDoc(missing)).toMatchObject({ ok: false, problem: { key: 'required', path: 'fields.workingDays' } });
    expect(settingsFromDoc(withField('notificationsEnabled', false))).toMatchObject({ ok: false, problem: { key: 'unknownField', path: 'fields.notificationsEnabled' } });
    expect(settingsFromDoc({ ...doc(), dueAt: 3 })).toMatchObject({ ok: false, problem: { key: 'unknownField', path: 'dueAt' } });
  });

  it('refuses values the options page would refuse: out of range, no working day, markup, stages added or given another kind', () => {
    expect(settingsFromDoc(withField('reminderHour', 25))).toMatchObject({ ok: false, problem: { path: 'settings.reminderHour' } });
    expect(settingsFromDoc(withField('workingDays', []))).toMatchObject({ ok: false, problem: { key: 'noWorkingDay' } });
    const markup = stages.map((stage, index) => (index === 1 ? { ...stage, name: '<img src=x onerror=alert(1)>' } : stage));
    expect(settingsFromDoc(withField('stages', markup))).toMatchObject({ ok: false, problem: { key: 'markup' } });
    const added = [...stages, { id: 'extra', name: 'Extra', color: '#000000', kind: 'open', cadence: null }];
    expect(settingsFromDoc(withField('stages', added))).toMatchObject({ ok: false, problem: { key: 'stagesFixed' } });
    const rekinded = stages.map((stage) => (stage.id === 'won' ? { ...stage, kind: 'lost', cadence: null } : stage));
    expect(settingsFromDoc(withField('stages', rekinded))).toMatchObject({ ok: false, problem: { key: 'stageKeepsKind' } });
    expect(settingsFromDoc(withField('csvStageNames', { crm: 'no-such stage' }))).toMatchObject({ ok: false });
  });
});
