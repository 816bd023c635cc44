import { describe, expect, it } from 'vitest';
import type { SyncedProspect, SyncedTouch } from '../../../src/domain/merge';
import { createProspect, linkThread, updateProspect } from '../../../src/store/prospects';
import { readSettings } from '../../../src/store/settings';
import { writeSettings } from '../../../src/store/settingsWrites';
import { StoreSyncLocal } from '../../../src/store/syncLocal';
import { logTouch } from '../../../src/store/touches';
import { deleteAllData } from '../../../src/store/wipe';
import { openTouchbaseDB } from '../../../src/store/db';
import { saveConnection } from '../../../src/store/syncConnection';
import { DAY, HOUR, NOW, freshDB } from './helpers';
import { v1Prospect } from './v1';
import { createV3Database } from './v3';

/**
 * The store's side of sync: every change the rep makes leaves its outbox entry in the same
 * transaction, and a pulled page is merged (per-field clocks, unions, tombstones) with the
 * derived fields recomputed and the checkpoint moved in one transaction.
 */

const MAILBOX = 'rep@example.com';
const OTHER_DEVICE = 'devb0001';

/** A stamp written out by the clock's rule: base-36 wall time (9 digits), counter (4), device. */
function stampAt(wall: number, counter = 0, device = OTHER_DEVICE): string {
  return `${wall.toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${device}`;
}

type Values = Partial<Record<'name' | 'company' | 'stageId' | 'value' | 'email', unknown>>;

/** Another device's copy of a prospect, every field set at `stamp` unless `later` says otherwise. */
function remoteProspect(email: string, values: Values, stamp: string, later: Record<string, { value: unknown; stamp: string }> = {}): SyncedProspect {
  const plain: Record<string, unknown> = {
    email, name: '', company: '', stageId: 'new', value: null, currency: '', decisionMaker: 'unknown', expectedCloseDate: null,
    channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, ...values,
  };
  const fields = Object.fromEntries(Object.entries(plain).map(([field, value]) => [field, later[field] ?? { value, stamp }]));
  return {
    key: `prospect:${MAILBOX}:${email}`, mailbox: MAILBOX, createdAt: NOW - 5 * DAY, fields: fields as never,
    notes: { versions: [], replaced: [] }, threads: [], stageVisits: [{ stageId: String(plain['stageId']), enteredAt: NOW - 5 * DAY, stamp }], deletedAt: null,
  };
}

function remoteCall(id: string, email: string, at: number): SyncedTouch {
  return { id: `touch:${id}`, prospectKey: `prospect:${MAILBOX}:${email}`, at, channel: 'phone', direction: 'outbound', source: 'manual', note: 'called', createdAt: at, deleted: false };
}

describe('sync bookkeeping written with every change', () => {
  it('puts a new prospect, its edits and its touches in the outbox; a provisional touch waits for its message', async () => {
    const db = await freshDB();
    const ann = await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX, name: 'Ann' }, NOW);
    expect(await db.getAllKeys('outbox')).toEqual([`prospect:${MAILBOX}:ann@acme.test`]);

    const local = new StoreSyncLocal(db, () => NOW);
    await local.pushed((await local.outbox(10)).prospects, []);
    expect(await db.count('outbox')).toBe(0);

    await logTouch(db, { prospectId: ann.id, channel: 'email', direction: 'outbound', source: 'gmail', note: '', provisional: true }, NOW + HOUR);
    // Logging ended no snooze and changed no field the rep sets: only derived fields moved.
    expect(await db.count('outbox')).toBe(0);
    await logTouch(db, { prospectId: ann.id, channel: 'email', direction: 'outbound', source: 'gmail', note: '', messageId: '18c2f0a1b2c3d4e5', threadId: '18c2f0a1b2c3d4e0' }, NOW + 2 * HOUR);
    expect(await db.getAllKeys('outbox')).toEqual([`touch:${MAILBOX}:gmail:18c2f0a1b2c3d4e5:ann@acme.test`]);

    await updateProspect(db, ann.id, { company: 'Acme' }, NOW + 3 * HOUR);
    const { prospects } = await local.outbox(10);
    expect(prospects[0]?.fields.company.value).toBe('Acme');
    expect(prospects[0]?.fields.name.value).toBe('Ann');
    // The edit is later than the creation by this device's clock.
    expect(prospects[0]!.fields.company.stamp > prospects[0]!.fields.name.stamp).toBe(true);
  });

  it('writes no outbox entry for a refused change, nor for a change of derived fields only', async () => {
    const db = await freshDB();
    await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX }, NOW);
    const local = new StoreSyncLocal(db, () => NOW);
    await local.pushed((await local.outbox(10)).prospects, []);
    await expect(createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX }, NOW)).rejects.toThrow();
    // A new working week moves due times (derived): nothing a rep set on a prospect changed, so
    // only the settings themselves wait to be pushed.
    await writeSettings(db, { ...(await readSettings(db)), workingDays: [1, 2, 3, 4] }, NOW);
    expect(await db.getAllKeys('outbox')).toEqual(['settings']);
  });

  it('keeps a record edited after it was read for a push in the outbox', async () => {
    const db = await freshDB();
    const ann = await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX }, NOW);
    const local = new StoreSyncLocal(db, () => NOW);
    const read = await local.outbox(10);
    await linkThread(db, ann.id, { threadId: '18c2f0a1b2c3d4e0', mailbox: MAILBOX, subject: 'Hello' }, NOW + HOUR);
    await local.pushed(read.prospects, []);
    expect(await db.getAllKeys('outbox')).toEqual([`prospect:${MAILBOX}:ann@acme.test`]);
  });

  it('delete-all clears the sync bookkeeping with the records: no tombstone is queued', async () => {
    const db = await freshDB();
    await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX }, NOW);
    await db.put('sync', 'some-sequence', 'checkpoint');
    await deleteAllData(db);
    expect([await db.count('outbox'), await db.count('syncProspects'), await db.count('sync')]).toEqual([0, 0, 0]);
  });
});

describe('connecting', () => {
  const connection = { serverUrl: 'http://127.0.0.1:5984', database: 'pipeline', databaseUrl: 'http://127.0.0.1:5984/pipeline', user: 'ana', password: 'pw', permissionPattern: 'http://127.0.0.1/*' };

  it('queues every record stored before sync, named by the rule and stamped at its last edit; reconnecting to the same database queues nothing', async () => {
    const name = `sync-connect-${Math.random()}`;
    const ann = v1Prospect('ann', { email: 'ann@x.test', name: 'Ann', notes: 'likes mornings', threads: [{ threadId: 't1', mailbox: MAILBOX, subject: 'Hi' }], threadIds: ['t1'], updatedAt: 5000, mailbox: MAILBOX });
    const bo = v1Prospect('bo', { mailbox: '', email: 'bo@x.test', updatedAt: 7000 });
    const touches = [
      { id: 'a1', prospectId: 'ann', at: 10, channel: 'email', direction: 'outbound', source: 'gmail', note: '', threadId: 't1', messageId: 'm1', createdAt: 10 },
      { id: 'a2', prospectId: 'ann', at: 20, channel: 'phone', direction: 'outbound', source: 'manual', note: 'call', createdAt: 20 },
      { id: 'a3', prospectId: 'ann', at: 30, channel: 'email', direction: 'outbound', source: 'gmail', note: '', provisional: true, createdAt: 30 },
    ];
    await createV3Database(name, [ann, bo], touches);
    const db = await openTouchbaseDB(name);
    await saveConnection(db, connection);
    // Prospects by mailbox and address; a touch seen in Gmail by mailbox, message and the
    // prospect's address; any other by the id it was logged with; a provisional one not yet.
    // The settings too: the new database may have none.
    expect((await db.getAllKeys('outbox')).sort()).toEqual(['prospect::bo@x.test', `prospect:${MAILBOX}:ann@x.test`, 'settings', 'touch:a2', `touch:${MAILBOX}:gmail:m1:ann@x.test`].sort());
    const device = String(await db.get('sync', 'device'));
    const entry = await db.get('syncProspects', `prospect:${MAILBOX}:ann@x.test`);
    expect(entry?.localId).toBe('ann');
    expect(entry?.synced.fields.name).toEqual({ value: 'Ann', stamp: stampAt(5000, 0, device) });
    expect(entry?.synced.notes).toEqual({ versions: [{ text: 'likes mornings', stamp: stampAt(5000, 0, device) }], replaced: [] });
    expect(await db.get('sync', 'checkpoint')).toBe('0');

    await db.clear('outbox');
    await saveConnection(db, { ...connection, password: 'changed' });
    expect(await db.count('outbox')).toBe(0);
    db.close();
  });

  it('stamps the first edit of a record stored before sync later than the rest of it', async () => {
    const name = `sync-first-edit-${Math.random()}`;
    await createV3Database(name, [v1Prospect('ann', { email: 'ann@x.test', name: 'Ann', company: 'Acme', updatedAt: 5000, mailbox: MAILBOX })]);
    const db = await openTouchbaseDB(name);
    await updateProspect(db, 'ann', { company: 'Acme Corp' }, NOW);
    const entry = await db.get('syncProspects', `prospect:${MAILBOX}:ann@x.test`);
    const device = String(await db.get('sync', 'device'));
    expect(entry?.synced.fields.name).toEqual({ value: 'Ann', stamp: stampAt(5000, 0, device) });
    expect(entry?.synced.fields.company).toEqual({ value: 'Acme Corp', stamp: stampAt(NOW, 0, device) });
    db.close();
  });
});

describe('applying a pulled page', () => {
  it('stores a new prospect with its touches, derived fields recomputed, and moves the checkpoint; applying it again changes nothing', async () => {
    const db = await freshDB();
    const local = new StoreSyncLocal(db, () => NOW);
    const bo = remoteProspect('bo@beta.test', { name: 'Bo', stageId: 'contacted' }, stampAt(NOW - DAY));
    const calls = [remoteCall('c1', 'bo@beta.test', NOW - 2 * DAY), remoteCall('c2', 'bo@beta.test', NOW - DAY)];
    await local.applyPulled([bo], calls, '7-abc');
    const stored = await db.getFromIndex('prospects', 'byMailboxEmail', [MAILBOX, 'bo@beta.test']);
    // Two outbound calls and no reply: two touches, both unanswered, the ball with them.
    expect(stored).toMatchObject({ name: 'Bo', stageId: 'contacted', touchCount: 2, unansweredCount: 2, ballWith: 'them', lastOutboundAt: NOW - DAY });
    expect(await db.get('sync', 'checkpoint')).toBe('7-abc');
    // What came from the server does not go back to it.
    expect(await db.count('outbox')).toBe(0);

    const before = [await db.getAll('prospects'), await db.getAll('touches')];
    await local.applyPulled([bo], calls, '7-abc');
    expect([await db.getAll('prospects'), await db.getAll('touches')]).toEqual(before);
  });

  it('holds a touch pulled before its prospect until the prospect arrives', async () => {
    const db = await freshDB();
    const local = new StoreSyncLocal(db, () => NOW);
    await local.applyPulled([], [remoteCall('c1', 'cy@gamma.test', NOW - DAY)], '1');
    expect(await db.count('touches')).toBe(0);
    await local.applyPulled([remoteProspect('cy@gamma.test', { name: 'Cy' }, stampAt(NOW - DAY))], [], '2');
    const cy = await db.getFromIndex('prospects', 'byMailboxEmail', [MAILBOX, 'cy@gamma.test']);
    expect(cy?.touchCount).toBe(1);
    expect(await db.count('syncPending')).toBe(0);
  });

  it('merges an offline edit field by field: the later edit of each field wins, whichever device made it', async () => {
    const db = await freshDB();
    const ann = await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX, name: 'Ann', company: 'Acme' }, NOW - 3 * DAY);
    await updateProspect(db, ann.id, { company: 'Acme Corp' }, NOW - DAY);
    // The other device renamed her later than this one's company edit, and changed the company
    // earlier than it (and before creation here): its name wins, this device's company stays.
    const theirs = remoteProspect('ann@acme.test', { name: 'Ann', company: 'Acme' }, stampAt(NOW - 3 * DAY - HOUR), {
      name: { value: 'Ann Lee', stamp: stampAt(NOW - HOUR) },
      company: { value: 'ACME Ltd', stamp: stampAt(NOW - 2 * DAY) },
    });
    const local = new StoreSyncLocal(db, () => NOW);
    await local.applyPulled([theirs], [], '3');
    expect(await db.get('prospects', ann.id)).toMatchObject({ name: 'Ann Lee', company: 'Acme Corp' });
    expect(local.changed.has(ann.id)).toBe(true);
    // The merged copy still waits to be pushed: the server lacks this device's company.
    const { prospects } = await local.outbox(10);
    expect(prospects[0]?.fields.company.value).toBe('Acme Corp');
    expect(prospects[0]?.fields.name.value).toBe('Ann Lee');
  });

  it('keeps both notes written offline on two devices, and a later local edit wins over a pulled one', async () => {
    const db = await freshDB();
    const ann = await createProspect(db, { email: 'ann@acme.test', mailbox: MAILBOX, notes: 'Budget in Q3' }, NOW - DAY);
    const theirs = { ...remoteProspect('ann@acme.test', {}, stampAt(NOW - 2 * DAY)), notes: { versions: [{ text: 'Call after 4pm', stamp: stampAt(NOW - 2 * DAY) }], replaced: [] } };
    const local = new StoreSyncLocal(db, () => NOW);
    await local.applyPulled([theirs], [], '4');
    const notes = (await db.get('prospects', ann.id))?.notes ?? '';
    expect(notes).toContain('Budget in Q3');
    expect(notes).toContain('Call after 4pm');
    // The pulled stamps are newer than this device's clock (+10 days): an edit here must still win.
    await local.applyPulled([remoteProspect('ann@acme.test', {}, stampAt(NOW - 2 * DAY), { name: { value: 'From the future', stamp: stampAt(NOW + 10 * DAY) } })], [], '5');
    await updateProspect(db, ann.id, { name: 'Ann' }, NOW);
    const { prospects } = await local.outbox(10);
    expect(prospects[0]?.fields.name.value).toBe('Ann');
    expect(prospects[0]!.fields.name.stamp > stampAt(NOW + 10 * DAY)).toBe(true);
  });

  it('removes a prospect deleted on another device, with its touches, and does not bring it back from an older copy', async () => {
    const db = await freshDB();
    const local = new StoreSyncLocal(db, () => NOW);
    const dan = remoteProspect('dan@delta.test', { name: 'Dan' }, stampAt(NOW - 2 * DAY));
    await local.applyPulled([dan], [remoteCall('d1', 'dan@delta.test', NOW - 2 * DAY)], '1');
    expect(await db.count('prospects')).toBe(1);
    await local.applyPulled([{ ...dan, deletedAt: stampAt(NOW - DAY) }], [], '2');
    expect([await db.count('prospects'), await db.count('touches')]).toEqual([0, 0]);
    await local.applyPulled([dan], [], '3');
    expect(await db.count('prospects')).toBe(0);
  });

  it('stamps a prospect added again after a pulled delete later than the delete, even from a clock a day ahead', async () => {
    const db = await freshDB();
    const local = new StoreSyncLocal(db, () => NOW);
    const dan = remoteProspect('dan@delta.test', { name: 'Dan' }, stampAt(NOW - 2 * DAY));
    await local.applyPulled([dan], [], '1');
    // The deleting device's clock runs a day ahead of this one.
    const deletedAt = stampAt(NOW + DAY);
    await local.applyPulled([{ ...dan, deletedAt }], [], '2');
    await createProspect(db, { email: 'dan@delta.test', mailbox: MAILBOX, name: 'Dan again' }, NOW);
    const { prospects } = await local.outbox(10);
    const again = prospects.find((p) => p.key === dan.key)!;
    // Every stamp the new record carries comes after the delete, so merging it with the tombstone keeps it.
    expect(again.fields.name.value).toBe('Dan again');
    expect(again.fields.name.stamp > deletedAt).toBe(true);
    await local.applyPulled([{ ...dan, deletedAt }], [], '3');
    expect((await db.getAll('prospects')).map((p) => p.name)).toEqual(['Dan again']);
  });
});
