import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import {
  DEVICE_SETTINGS_FIELDS,
  editSettings,
  firstSyncedSettings,
  mergeSettings,
  settingsFromSynced,
  SYNCED_SETTINGS_FIELDS,
  type SyncedSettings,
} from '../../../src/domain/settingsSync';

/**
 * The rep's settings merge like a prospect's fields: per field, the edit with the later clock
 * wins; equal wall time and counter fall back to the device id in text order. Stamps are written
 * out here by the clock's rule (base-36 wall time, 9 digits; counter, 4 digits; device id).
 */

const T0 = Date.UTC(2026, 10, 2, 9, 0);

function stampAt(wall: number, counter: number, device: string): string {
  return `${wall.toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${device}`;
}

/** A synced copy of `settings` where every field was last edited at `stamp`. */
function copy(settings: Settings, stamp: string): SyncedSettings {
  return editSettings(firstSyncedSettings(settings, 'seed0000'), settings, SYNCED_SETTINGS_FIELDS, stamp);
}

describe('which settings sync', () => {
  it('places every settings field in exactly one list: the pipeline rules sync, notifications and the card stay on the device', () => {
    const all: (keyof Settings)[] = [
      'stages', 'workingDays', 'reminderHour', 'stopAfterTouches', 'stopAfterDays', 'minGapWorkingDays', 'replyNeededDelayMinutes',
      'notificationsEnabled', 'csvStageNames', 'cardOpen',
    ];
    expect([...SYNCED_SETTINGS_FIELDS, ...DEVICE_SETTINGS_FIELDS].sort()).toEqual([...all].sort());
    expect(DEVICE_SETTINGS_FIELDS).toEqual(['notificationsEnabled', 'cardOpen']);
  });

  it('keeps this device’s own fields when it takes the synced ones', () => {
    const here: Settings = { ...DEFAULT_SETTINGS, notificationsEnabled: false, cardOpen: true };
    const there = copy({ ...DEFAULT_SETTINGS, reminderHour: 7, notificationsEnabled: true }, stampAt(T0, 0, 'desktop1'));
    expect(settingsFromSynced(here, there)).toEqual({ ...DEFAULT_SETTINGS, reminderHour: 7, notificationsEnabled: false, cardOpen: true });
  });
});

describe('merging settings edited on two devices', () => {
  const base = copy(DEFAULT_SETTINGS, stampAt(T0, 0, 'laptop01'));

  it('keeps both edits when different fields changed', () => {
    const laptop = editSettings(base, { ...DEFAULT_SETTINGS, reminderHour: 8 }, ['reminderHour'], stampAt(T0 + 1000, 0, 'laptop01'));
    const desktop = editSettings(base, { ...DEFAULT_SETTINGS, workingDays: [0, 1, 2, 3, 4] }, ['workingDays'], stampAt(T0 + 500, 0, 'desktop1'));
    const merged = mergeSettings(laptop, desktop);
    expect(merged.fields.reminderHour).toEqual({ value: 8, stamp: stampAt(T0 + 1000, 0, 'laptop01') });
    expect(merged.fields.workingDays).toEqual({ value: [0, 1, 2, 3, 4], stamp: stampAt(T0 + 500, 0, 'desktop1') });
    expect(mergeSettings(desktop, laptop)).toEqual(merged);
    expect(mergeSettings(merged, laptop)).toEqual(merged);
  });

  it('takes the later edit of the same field, whichever copy arrives first', () => {
    const earlier = editSettings(base, { ...DEFAULT_SETTINGS, stopAfterTouches: 4 }, ['stopAfterTouches'], stampAt(T0 + 1000, 0, 'zzzz9999'));
    const later = editSettings(base, { ...DEFAULT_SETTINGS, stopAfterTouches: 9 }, ['stopAfterTouches'], stampAt(T0 + 2000, 0, 'aaaa0000'));
    expect(mergeSettings(earlier, later).fields.stopAfterTouches.value).toBe(9);
    expect(mergeSettings(later, earlier).fields.stopAfterTouches.value).toBe(9);
  });

  it('breaks a tie of time and counter by device id in text order, and orders by counter first', () => {
    const fromA = editSettings(base, { ...DEFAULT_SETTINGS, reminderHour: 6 }, ['reminderHour'], stampAt(T0 + 1000, 0, 'devicea1'));
    const fromB = editSettings(base, { ...DEFAULT_SETTINGS, reminderHour: 10 }, ['reminderHour'], stampAt(T0 + 1000, 0, 'deviceb1'));
    expect(mergeSettings(fromA, fromB).fields.reminderHour.value).toBe(10);
    expect(mergeSettings(fromB, fromA).fields.reminderHour.value).toBe(10);
    const secondInA = editSettings(base, { ...DEFAULT_SETTINGS, reminderHour: 11 }, ['reminderHour'], stampAt(T0 + 1000, 1, 'devicea1'));
    expect(mergeSettings(secondInA, fromB).fields.reminderHour.value).toBe(11);
  });

  it('stamps only the fields an edit changed', () => {
    const edited = editSettings(base, { ...DEFAULT_SETTINGS, minGapWorkingDays: 5 }, ['minGapWorkingDays'], stampAt(T0 + 3000, 0, 'laptop01'));
    for (const field of SYNCED_SETTINGS_FIELDS) {
      expect(edited.fields[field].stamp).toBe(field === 'minGapWorkingDays' ? stampAt(T0 + 3000, 0, 'laptop01') : stampAt(T0, 0, 'laptop01'));
    }
  });
});

describe('settings stored before sync', () => {
  it('rank below any edit made since; a value still at its default never overrides one the rep chose elsewhere', () => {
    const chosen = firstSyncedSettings({ ...DEFAULT_SETTINGS, reminderHour: 7 }, 'laptop01');
    const untouched = firstSyncedSettings(DEFAULT_SETTINGS, 'zzzz9999');
    // Default values at wall time 0, counter 0; values the rep changed at wall time 0, counter 1.
    expect(chosen.fields.reminderHour.stamp).toBe(stampAt(0, 1, 'laptop01'));
    expect(chosen.fields.workingDays.stamp).toBe(stampAt(0, 0, 'laptop01'));
    expect(mergeSettings(untouched, chosen).fields.reminderHour.value).toBe(7);
    const editedSince = editSettings(untouched, { ...DEFAULT_SETTINGS, reminderHour: 12 }, ['reminderHour'], stampAt(T0, 0, 'zzzz9999'));
    expect(mergeSettings(chosen, editedSince).fields.reminderHour.value).toBe(12);
  });

  it('carry no CSV stage mapping as an empty one, and give none back', () => {
    const synced = firstSyncedSettings(DEFAULT_SETTINGS, 'laptop01');
    expect(synced.fields.csvStageNames.value).toEqual({});
    expect(settingsFromSynced(DEFAULT_SETTINGS, synced)).toEqual(DEFAULT_SETTINGS);
  });
});
