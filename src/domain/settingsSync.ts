import { formatHlc, type HlcStamp } from './hlc';
import { mergeRegister, type Register } from './merge';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * How the rep's settings travel between devices. The settings that shape the pipeline (stages
 * and their cadences, the working week, the reminder hour, the stop rules, the pest guard, the
 * CSV stage mapping) are the rep's and sync, each field a register: the later edit wins (hybrid
 * logical clock, device id as tie-break), the same rule as a prospect's fields. The settings that
 * say how this computer behaves stay on it.
 */

/** The settings fields that sync, each as a last-writer-wins register. */
export const SYNCED_SETTINGS_FIELDS = [
  'stages',
  'workingDays',
  'reminderHour',
  'stopAfterTouches',
  'stopAfterDays',
  'minGapWorkingDays',
  'replyNeededDelayMinutes',
  'csvStageNames',
] as const satisfies readonly (keyof Settings)[];

/**
 * The settings fields that never sync: whether this browser shows reminder notifications (a rep
 * may want them on the desktop and not on the laptop), and whether the Gmail card is drawn open
 * (a choice about this screen).
 */
export const DEVICE_SETTINGS_FIELDS = ['notificationsEnabled', 'cardOpen'] as const satisfies readonly (keyof Settings)[];

export type SyncedSettingsField = (typeof SYNCED_SETTINGS_FIELDS)[number];

/** Every settings field is in exactly one of the two lists: a new field must be placed in one. */
type Unplaced = Exclude<keyof Settings, SyncedSettingsField | (typeof DEVICE_SETTINGS_FIELDS)[number]>;
const everyFieldPlaced: [Unplaced] extends [never] ? true : never = true;
void everyFieldPlaced;

/** The synced values; no CSV stage mapping travels as an empty one. */
export type SyncedSettingsValues = { readonly [K in SyncedSettingsField]-?: NonNullable<Settings[K]> };

export interface SyncedSettings {
  readonly fields: { readonly [K in SyncedSettingsField]: Register<SyncedSettingsValues[K]> };
}

export function syncedSettingsValues(settings: Settings): SyncedSettingsValues {
  return {
    stages: settings.stages,
    workingDays: settings.workingDays,
    reminderHour: settings.reminderHour,
    stopAfterTouches: settings.stopAfterTouches,
    stopAfterDays: settings.stopAfterDays,
    minGapWorkingDays: settings.minGapWorkingDays,
    replyNeededDelayMinutes: settings.replyNeededDelayMinutes,
    csvStageNames: settings.csvStageNames ?? {},
  };
}

/** The same value whatever order its keys were written in. */
export function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a, sortedKeys) === JSON.stringify(b, sortedKeys);
}

function sortedKeys(_key: string, value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : 1)));
}

function registers(values: SyncedSettingsValues, stampOf: (field: SyncedSettingsField) => HlcStamp): SyncedSettings {
  const fields: Record<string, Register<unknown>> = {};
  for (const field of SYNCED_SETTINGS_FIELDS) fields[field] = { value: values[field], stamp: stampOf(field) };
  return { fields: fields as unknown as SyncedSettings['fields'] };
}

/**
 * The first synced copy of settings stored before this device synced. Their edits carry no
 * time, so they are stamped before any edit made with sync: a field still at its default value
 * lowest (it never overrides a choice made on another computer), a field the rep changed just
 * above it, and any edit made since above both.
 */
export function firstSyncedSettings(settings: Settings, device: string): SyncedSettings {
  const values = syncedSettingsValues(settings);
  const defaults = syncedSettingsValues(DEFAULT_SETTINGS);
  return registers(values, (field) => formatHlc({ wall: 0, counter: sameValue(values[field], defaults[field]) ? 0 : 1, device }));
}

/** The synced fields that differ between two settings records. */
export function changedSettingsFields(before: Settings, after: Settings): SyncedSettingsField[] {
  const a = syncedSettingsValues(before);
  const b = syncedSettingsValues(after);
  return SYNCED_SETTINGS_FIELDS.filter((field) => !sameValue(a[field], b[field]));
}

/** The rep's edit recorded on the synced copy: each synced field that changed gets `stamp`. */
export function editSettings(synced: SyncedSettings, after: Settings, fields: readonly SyncedSettingsField[], stamp: HlcStamp): SyncedSettings {
  if (fields.length === 0) return synced;
  const values = syncedSettingsValues(after);
  const edited: Record<string, Register<unknown>> = { ...synced.fields };
  for (const field of fields) edited[field] = { value: values[field], stamp };
  return { fields: edited as unknown as SyncedSettings['fields'] };
}

/** Per field, the later edit; symmetric, and merging twice changes nothing. */
export function mergeSettings(a: SyncedSettings, b: SyncedSettings): SyncedSettings {
  const merged: Record<string, Register<unknown>> = {};
  for (const field of SYNCED_SETTINGS_FIELDS) merged[field] = mergeRegister<unknown>(a.fields[field], b.fields[field]);
  return { fields: merged as unknown as SyncedSettings['fields'] };
}

/** The settings this device uses: the synced fields from the merged copy, this device's own kept. */
export function settingsFromSynced(local: Settings, synced: SyncedSettings): Settings {
  const { csvStageNames: _local, ...rest } = local;
  const values = Object.fromEntries(SYNCED_SETTINGS_FIELDS.map((field) => [field, synced.fields[field].value])) as unknown as SyncedSettingsValues;
  const { csvStageNames, ...synchronised } = values;
  return { ...rest, ...synchronised, ...(Object.keys(csvStageNames).length > 0 ? { csvStageNames } : {}) };
}

/** The latest edit of any synced field. */
export function lastSettingsEdit(synced: SyncedSettings): HlcStamp {
  return SYNCED_SETTINGS_FIELDS.map((field) => synced.fields[field].stamp).reduce((a, b) => (b > a ? b : a));
}
