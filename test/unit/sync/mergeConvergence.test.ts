import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../../src/domain/hlc';
import {
  editField,
  editNotes,
  lastEditStamp,
  mergeProspects,
  mergeTouches,
  newSyncedProspect,
  NOTES_CONFLICT_SEPARATOR,
  visibleNotes,
  type SyncedProspect,
  type SyncedTouch,
} from '../../../src/domain/merge';
import type { ProspectFields } from '../../../src/domain/types';

/**
 * Two or three devices edit one prospect offline and exchange copies in random order, with
 * their clocks skewed. The reference model below is written from the merge rules, not from the
 * code: per field the edit with the greatest (wall, counter, device) wins; a notes version stays
 * unless a later edit was written on a device that knew it; every touch exists once; a touch
 * deleted anywhere is deleted everywhere.
 */

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const DEVICES = ['alpha', 'bravo', 'charlie'] as const;
const EDITED_FIELDS = ['name', 'company', 'stageId', 'value'] as const;
type EditedField = (typeof EDITED_FIELDS)[number];

type Step =
  | { readonly kind: 'edit'; readonly device: number; readonly field: EditedField; readonly choice: number; readonly after: number }
  | { readonly kind: 'notes'; readonly device: number; readonly after: number }
  | { readonly kind: 'touch'; readonly device: number; readonly after: number }
  | { readonly kind: 'deleteTouch'; readonly device: number; readonly pick: number }
  | { readonly kind: 'sync'; readonly from: number; readonly to: number };

function ruleOrder(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  if (a.device === b.device) return 0;
  return a.device < b.device ? -1 : 1;
}

function fieldValue(field: EditedField, choice: number): ProspectFields[EditedField] {
  if (field === 'value') return choice * 100;
  if (field === 'stageId') return ['lead', 'meeting', 'proposal', 'won'][choice % 4]!;
  return `${field}-${choice}`;
}

interface Device {
  readonly name: string;
  readonly skew: number;
  elapsed: number;
  clock: Hlc | null;
  prospect: SyncedProspect;
  touches: SyncedTouch[];
  /** Reference knowledge: the notes edits this device has seen. */
  readonly seenNotes: Set<number>;
}

interface Edit {
  readonly hlc: Hlc;
  readonly value: unknown;
}

interface NotesEdit {
  readonly hlc: Hlc;
  readonly text: string;
  readonly replaces: ReadonlySet<number>;
}

function run(deviceCount: number, skews: readonly number[], steps: readonly Step[]): void {
  const edits = new Map<EditedField, Edit[]>(EDITED_FIELDS.map((field) => [field, []]));
  const notesEdits: NotesEdit[] = [];
  const touchIds = new Set<string>();
  const deletedTouches = new Set<string>();
  const stageVisits = new Set<string>();

  const base: ProspectFields = {
    email: 'ana@acme.example', name: 'Ana', company: 'Acme', stageId: 'lead', value: null, currency: '', decisionMaker: 'unknown',
    expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, notes: '',
  };
  const now = (device: Device): number => T0 + device.skew + device.elapsed;
  const stampFor = (device: Device): Hlc => {
    device.clock = tick(device.clock, now(device), device.name);
    return device.clock;
  };

  const devices: Device[] = DEVICES.slice(0, deviceCount).map((name, index) => {
    const partial = { name, skew: skews[index]!, elapsed: index, clock: null, touches: [], seenNotes: new Set<number>() };
    const device = partial as unknown as Device;
    const hlc = stampFor(device);
    const text = `created on ${name}`;
    device.prospect = newSyncedProspect('rep@corp.example', { ...base, name: `Ana (${name})`, notes: text }, now(device), formatHlc(hlc));
    for (const field of EDITED_FIELDS) edits.get(field)!.push({ hlc, value: field === 'name' ? `Ana (${name})` : base[field] });
    device.seenNotes.add(notesEdits.length);
    notesEdits.push({ hlc, text, replaces: new Set() });
    stageVisits.add(`lead@${formatHlc(hlc)}`);
    return device;
  });

  const sync = (from: Device, to: Device): void => {
    to.prospect = mergeProspects(to.prospect, from.prospect);
    to.touches = mergeTouches(to.touches, from.touches);
    for (const seen of from.seenNotes) to.seenNotes.add(seen);
    to.clock = receive(to.clock, parseHlc(lastEditStamp(from.prospect))!, now(to), to.name);
  };

  for (const step of steps) {
    if (step.kind === 'sync') {
      if (step.from < deviceCount && step.to < deviceCount && step.from !== step.to) sync(devices[step.from]!, devices[step.to]!);
      continue;
    }
    const device = devices[step.device % deviceCount]!;
    if (step.kind === 'deleteTouch') {
      const live = device.touches.filter((touch) => !touch.deleted);
      if (live.length === 0) continue;
      const target = live[step.pick % live.length]!;
      device.touches = device.touches.map((touch) => (touch.id === target.id ? { ...touch, deleted: true } : touch));
      deletedTouches.add(target.id);
      continue;
    }
    device.elapsed += step.after;
    const hlc = stampFor(device);
    const stamp = formatHlc(hlc);
    if (step.kind === 'edit') {
      const value = fieldValue(step.field, step.choice);
      device.prospect = editField(device.prospect, step.field, value as never, stamp, now(device));
      edits.get(step.field)!.push({ hlc, value });
      if (step.field === 'stageId') stageVisits.add(`${String(value)}@${stamp}`);
    } else if (step.kind === 'notes') {
      const text = `note ${notesEdits.length} by ${device.name}`;
      device.prospect = { ...device.prospect, notes: editNotes(device.prospect.notes, text, stamp) };
      notesEdits.push({ hlc, text, replaces: new Set(device.seenNotes) });
      device.seenNotes.add(notesEdits.length - 1);
    } else {
      const id = `touch-${touchIds.size}-${device.name}`;
      touchIds.add(id);
      const touch: SyncedTouch = {
        id, prospectKey: device.prospect.key, at: now(device), channel: 'email', direction: 'outbound', source: 'manual', note: '', createdAt: now(device), deleted: false,
      };
      device.touches = mergeTouches(device.touches, [touch]);
    }
  }

  // Every device pulls from every other, twice: enough for all edits to reach everyone.
  for (let round = 0; round < 2; round += 1)
    for (const to of devices) for (const from of devices) if (from !== to) sync(from, to);

  const reference = devices[0]!;
  for (const device of devices) {
    expect(device.prospect).toEqual(reference.prospect);
    expect(device.touches).toEqual(reference.touches);
  }

  for (const field of EDITED_FIELDS) {
    const winner = edits.get(field)!.reduce((best, edit) => (ruleOrder(edit.hlc, best.hlc) > 0 ? edit : best));
    expect(reference.prospect.fields[field].value).toEqual(winner.value);
  }

  const replaced = new Set(notesEdits.flatMap((edit) => [...edit.replaces]));
  const surviving = notesEdits.filter((_, index) => !replaced.has(index)).sort((a, b) => ruleOrder(a.hlc, b.hlc));
  expect(visibleNotes(reference.prospect.notes)).toBe(surviving.map((edit) => edit.text).join(NOTES_CONFLICT_SEPARATOR));

  expect(new Set(reference.prospect.stageVisits.map((visit) => `${visit.stageId}@${visit.stamp}`))).toEqual(stageVisits);

  expect(reference.touches.map((touch) => touch.id).sort()).toEqual([...touchIds].sort());
  expect(new Set(reference.touches.filter((touch) => touch.deleted).map((touch) => touch.id))).toEqual(deletedTouches);

  // One more round changes nothing.
  const before = structuredClone(devices.map((device) => [device.prospect, device.touches]));
  for (const to of devices) for (const from of devices) if (from !== to) sync(from, to);
  expect(devices.map((device) => [device.prospect, device.touches])).toEqual(before);
}

const device = fc.nat({ max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), device, field: fc.constantFrom(...EDITED_FIELDS), choice: fc.nat({ max: 9 }), after: fc.nat({ max: 120_000 }) }),
  fc.record({ kind: fc.constant('notes' as const), device, after: fc.nat({ max: 120_000 }) }),
  fc.record({ kind: fc.constant('touch' as const), device, after: fc.nat({ max: 120_000 }) }),
  fc.record({ kind: fc.constant('deleteTouch' as const), device, pick: fc.nat() }),
  fc.record({ kind: fc.constant('sync' as const), from: device, to: device }),
);
/** Clocks up to an hour apart either way; several edits often land in the same millisecond. */
const skew = fc.oneof(fc.integer({ min: -3_600_000, max: 3_600_000 }), fc.constant(0));

describe('devices that edit offline and exchange copies in any order', () => {
  it('converge on the result the merge rules give, and one more round changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 3 }), fc.array(skew, { minLength: 3, maxLength: 3 }), fc.array(step, { maxLength: 60 }), (count, skews, steps) => {
        run(count, skews, steps);
      }),
      { numRuns: 300 },
    );
  });
});
