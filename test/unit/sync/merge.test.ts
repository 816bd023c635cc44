import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../src/domain/hlc';
import {
  deleteProspect,
  editField,
  editNotes,
  gmailTouchSyncId,
  isDeleted,
  mergeProspects,
  mergeTouches,
  newSyncedProspect,
  NOTES_CONFLICT_SEPARATOR,
  prospectSyncKey,
  reachedStages,
  visibleNotes,
  type SyncedProspect,
  type SyncedTouch,
} from '../../../src/domain/merge';
import type { ProspectFields } from '../../../src/domain/types';

// Fixed instants: nothing here reads today's clock.
const T0 = Date.UTC(2026, 10, 2, 9, 0);
const minutes = (n: number): number => T0 + n * 60_000;
const stamp = (wallMinutes: number, device: string, counter = 0): string => formatHlc({ wall: minutes(wallMinutes), counter, device });

const BASE: ProspectFields = {
  email: 'ana@acme.example',
  name: 'Ana',
  company: 'Acme',
  stageId: 'lead',
  value: null,
  currency: '',
  decisionMaker: 'unknown',
  expectedCloseDate: null,
  channel: 'email',
  cadenceDays: null,
  nextMeetingAt: null,
  snoozedUntil: null,
  notes: 'met at the fair',
};

function created(device = 'laptop', fields: Partial<ProspectFields> = {}, mailbox = 'rep@corp.example'): SyncedProspect {
  return newSyncedProspect(mailbox, { ...BASE, ...fields }, T0, stamp(0, device));
}

function both(a: SyncedProspect, b: SyncedProspect): SyncedProspect {
  const ab = mergeProspects(a, b);
  expect(mergeProspects(b, a)).toEqual(ab);
  return ab;
}

describe('merging one prospect edited on two devices', () => {
  it('keeps both edits when different fields changed', () => {
    const origin = created();
    const laptop = editField(origin, 'name', 'Ana Lima', stamp(5, 'laptop'), minutes(5));
    const desktop = editField(origin, 'company', 'Acme Brasil', stamp(3, 'desktop'), minutes(3));
    const merged = both(laptop, desktop);
    expect(merged.fields.name.value).toBe('Ana Lima');
    expect(merged.fields.company.value).toBe('Acme Brasil');
  });

  it('takes the later edit of the same field, whichever copy arrives first', () => {
    const origin = created();
    const laptop = editField(origin, 'value', 5000, stamp(10, 'laptop'), minutes(10));
    const desktop = editField(origin, 'value', 7000, stamp(12, 'desktop'), minutes(12));
    expect(both(laptop, desktop).fields.value.value).toBe(7000);
  });

  it('breaks a tie of time and counter by device id in text order', () => {
    const origin = created();
    const alpha = editField(origin, 'currency', 'EUR', stamp(10, 'alpha'), minutes(10));
    const beta = editField(origin, 'currency', 'USD', stamp(10, 'beta'), minutes(10));
    // 'beta' > 'alpha' as text, so beta's edit is the later one.
    expect(both(alpha, beta).fields.currency.value).toBe('USD');
  });

  it('orders by counter before device within one millisecond', () => {
    const origin = created();
    const first = editField(origin, 'name', 'A', stamp(10, 'zulu', 0), minutes(10));
    const second = editField(origin, 'name', 'B', stamp(10, 'alpha', 1), minutes(10));
    expect(both(first, second).fields.name.value).toBe('B');
  });

  it('makes the same mailbox and address, added offline on two devices, one prospect', () => {
    const laptop = created('laptop', { name: 'Ana' }, 'Rep@Corp.example');
    const desktop = newSyncedProspect('rep@corp.example', { ...BASE, email: 'ANA@acme.example', name: 'Ana L.' }, minutes(2), stamp(2, 'desktop'));
    expect(laptop.key).toBe(desktop.key);
    expect(laptop.key).toBe(prospectSyncKey('rep@corp.example', 'ana@acme.example'));
    const merged = both(laptop, desktop);
    expect(merged.createdAt).toBe(T0);
    expect(merged.fields.name.value).toBe('Ana L.');
  });

  it('refuses to merge two different prospects', () => {
    expect(() => mergeProspects(created(), created('laptop', { email: 'bo@acme.example' }))).toThrow();
  });
});

describe('linked threads and stage history', () => {
  it('unites the threads linked on each device', () => {
    const origin = created();
    const laptop = { ...origin, threads: [{ threadId: 't1', mailbox: 'rep@corp.example', subject: 'Intro' }] };
    const desktop = { ...origin, threads: [{ threadId: 't2', mailbox: 'rep@corp.example', subject: 'Pricing' }, { threadId: 't1', mailbox: 'rep@corp.example', subject: 'Intro' }] };
    expect(both(laptop, desktop).threads.map((link) => link.threadId)).toEqual(['t1', 't2']);
  });

  it('unites stage visits: the stage is the later change, the history has both', () => {
    const origin = created();
    const laptop = editField(origin, 'stageId', 'meeting', stamp(10, 'laptop'), minutes(10));
    const desktop = editField(origin, 'stageId', 'proposal', stamp(20, 'desktop'), minutes(20));
    const merged = both(laptop, desktop);
    expect(merged.fields.stageId.value).toBe('proposal');
    expect(merged.stageVisits.map((visit) => visit.stageId)).toEqual(['lead', 'meeting', 'proposal']);
    expect(reachedStages(merged)).toEqual(['lead', 'meeting', 'proposal']);
  });
});

describe('notes never lose text', () => {
  it('keeps both versions written without seeing each other, older first, visibly separated', () => {
    const origin = created();
    const laptop = { ...origin, notes: editNotes(origin.notes, 'met at the fair; wants a demo', stamp(5, 'laptop')) };
    const desktop = { ...origin, notes: editNotes(origin.notes, 'met at the fair; budget in Q3', stamp(7, 'desktop')) };
    const merged = both(laptop, desktop);
    expect(visibleNotes(merged.notes)).toBe(`met at the fair; wants a demo${NOTES_CONFLICT_SEPARATOR}met at the fair; budget in Q3`);
  });

  it('replaces only the versions an edit was made from: text the rep removed stays removed', () => {
    const origin = created();
    const trimmed = { ...origin, notes: editNotes(origin.notes, 'fair', stamp(5, 'laptop')) };
    // The desktop still holds the original: merging must not bring the removed words back.
    expect(visibleNotes(both(trimmed, origin).notes)).toBe('fair');
  });

  it('resolves a conflict once the rep edits the notes shown, and a late copy of an old version stays gone', () => {
    const origin = created();
    const laptop = { ...origin, notes: editNotes(origin.notes, 'demo', stamp(5, 'laptop')) };
    const desktop = { ...origin, notes: editNotes(origin.notes, 'budget', stamp(7, 'desktop')) };
    const seen = both(laptop, desktop);
    const resolved = { ...seen, notes: editNotes(seen.notes, 'demo and budget', stamp(9, 'laptop')) };
    expect(visibleNotes(both(resolved, laptop).notes)).toBe('demo and budget');
    expect(visibleNotes(both(both(resolved, desktop), origin).notes)).toBe('demo and budget');
  });

  it('keeps an older concurrent version even when the newer edit came from a device that had edited before', () => {
    const origin = created();
    const laptopFirst = { ...origin, notes: editNotes(origin.notes, 'one', stamp(5, 'laptop')) };
    const laptopSecond = { ...laptopFirst, notes: editNotes(laptopFirst.notes, 'two', stamp(9, 'laptop')) };
    const desktop = { ...origin, notes: editNotes(origin.notes, 'desk', stamp(7, 'desktop')) };
    expect(visibleNotes(both(laptopSecond, desktop).notes)).toBe(`desk${NOTES_CONFLICT_SEPARATOR}two`);
  });
});

describe('deletes travel as tombstones', () => {
  it('deletes everywhere when the delete is later than every edit', () => {
    const origin = created();
    const laptop = deleteProspect(origin, stamp(10, 'laptop'));
    const desktop = editField(origin, 'name', 'Ana L.', stamp(8, 'desktop'), minutes(8));
    expect(isDeleted(both(laptop, desktop))).toBe(true);
  });

  it('brings the prospect back when an edit was made after the delete, so the edit is not lost', () => {
    const origin = created();
    const laptop = deleteProspect(origin, stamp(10, 'laptop'));
    const desktop = editField(origin, 'name', 'Ana L.', stamp(12, 'desktop'), minutes(12));
    const merged = both(laptop, desktop);
    expect(isDeleted(merged)).toBe(false);
    expect(merged.fields.name.value).toBe('Ana L.');
  });

  it('is not deleted when never deleted', () => {
    expect(isDeleted(created())).toBe(false);
  });
});

describe('touches', () => {
  const prospectKey = prospectSyncKey('rep@corp.example', 'ana@acme.example');
  function touch(id: string, createdAt: number, note = '', deleted = false): SyncedTouch {
    return { id, prospectKey, at: minutes(1), channel: 'email', direction: 'outbound', source: 'gmail', note, createdAt, deleted };
  }

  it('names a Gmail touch by mailbox and message, so two devices write the same record', () => {
    expect(gmailTouchSyncId('Rep@Corp.example', '18c2f')).toBe(gmailTouchSyncId('rep@corp.example', '18c2f'));
    expect(gmailTouchSyncId('rep@corp.example', '18c2f')).not.toBe(gmailTouchSyncId('other@corp.example', '18c2f'));
  });

  it('unites touches and keeps each exactly once', () => {
    const laptop = [touch('a', 1), touch('b', 2)];
    const desktop = [touch('b', 2), touch('c', 3)];
    const merged = mergeTouches(laptop, desktop);
    expect(merged.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    expect(mergeTouches(desktop, laptop)).toEqual(merged);
  });

  it('keeps the earlier-created copy when two devices wrote one message differently', () => {
    expect(mergeTouches([touch('a', 5, 'late')], [touch('a', 3, 'early')])[0]!.note).toBe('early');
    expect(mergeTouches([touch('a', 3, 'early')], [touch('a', 5, 'late')])[0]!.note).toBe('early');
  });

  it('keeps a deleted touch deleted, whichever copy arrives later', () => {
    expect(mergeTouches([touch('a', 1, '', true)], [touch('a', 1)])[0]!.deleted).toBe(true);
    expect(mergeTouches([touch('a', 1)], [touch('a', 1, '', true)])[0]!.deleted).toBe(true);
  });
});
