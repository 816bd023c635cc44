import { describe, expect, it } from 'vitest';
import { makeBackup, parseBackup } from '../../../src/domain/backup';
import { parseProspectsCsv } from '../../../src/domain/csv';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { editSettings, firstSyncedSettings, SYNCED_SETTINGS_FIELDS, type SyncedSettings } from '../../../src/domain/settingsSync';
import { importBackup, importCsv } from '../../../src/store/imports';
import { createProspect } from '../../../src/store/prospects';
import { readSettings, writeCardOpen } from '../../../src/store/settings';
import { writeSettings } from '../../../src/store/settingsWrites';
import { StoreSyncLocal } from '../../../src/store/syncLocal';
import { logTouch } from '../../../src/store/touches';
import { DAY, freshDB, HOUR, NOW } from './helpers';

/**
 * The store's side of settings sync: a change of a synced field is stamped and queued in its own
 * transaction; a change of this device's fields is not; pulled settings are merged field by field
 * and every due time follows them in the transaction that moves the checkpoint.
 */

const OTHER = 'devb0001';

/** A stamp written out by the clock's rule: base-36 wall time (9 digits), counter (4), device. */
function stampAt(wall: number, counter = 0, device = OTHER): string {
  return `${wall.toString(36).padStart(9, '0')}-${counter.toString(36).padStart(4, '0')}-${device}`;
}

/** Another device's settings: `changes` edited at `stamp`, the rest at their defaults from before sync. */
function remote(changes: Partial<typeof DEFAULT_SETTINGS>, stamp: string): SyncedSettings {
  const fields = SYNCED_SETTINGS_FIELDS.filter((field) => field in changes);
  return editSettings(firstSyncedSettings(DEFAULT_SETTINGS, OTHER), { ...DEFAULT_SETTINGS, ...changes }, fields, stamp);
}

async function syncedCopy(db: Awaited<ReturnType<typeof freshDB>>): Promise<SyncedSettings> {
  return (await db.get('sync', 'settings')) as SyncedSettings;
}

describe('settings changes made here', () => {
  it('stamp each changed synced field with the save and queue the settings in the same write', async () => {
    const db = await freshDB();
    await writeSettings(db, { ...DEFAULT_SETTINGS, reminderHour: 8, stopAfterDays: 30 }, NOW);
    expect(await db.getAllKeys('outbox')).toEqual(['settings']);
    const device = String(await db.get('sync', 'device'));
    const synced = await syncedCopy(db);
    expect(synced.fields.reminderHour).toEqual({ value: 8, stamp: stampAt(NOW, 0, device) });
    expect(synced.fields.stopAfterDays).toEqual({ value: 30, stamp: stampAt(NOW, 0, device) });
    // Unchanged since before sync, still at the default: the lowest stamp there is.
    expect(synced.fields.workingDays).toEqual({ value: [1, 2, 3, 4, 5], stamp: stampAt(0, 0, device) });
  });

  it('queue nothing for a change of this device’s own fields: notifications, the card', async () => {
    const db = await freshDB();
    await writeSettings(db, { ...DEFAULT_SETTINGS, notificationsEnabled: false }, NOW);
    await writeCardOpen(db, true);
    expect(await db.count('outbox')).toBe(0);
    expect(await db.get('sync', 'settings')).toBeUndefined();
  });

  it('queue the settings a restored backup brings', async () => {
    const db = await freshDB();
    const backup = parseBackup(JSON.stringify(makeBackup({ settings: { ...DEFAULT_SETTINGS, reminderHour: 6 }, prospects: [], touches: [] }, NOW)));
    if (!backup.ok) throw new Error(backup.error);
    await importBackup(db, backup.value, true);
    expect(await db.getAllKeys('outbox')).toEqual(['settings']);
    expect((await syncedCopy(db)).fields.reminderHour.value).toBe(6);
  });

  it('queue the CSV stage choices an import remembers', async () => {
    const db = await freshDB();
    const file = parseProspectsCsv('Email,Stage\nana@acme.test,Open - Not Contacted\n', new Map(DEFAULT_SETTINGS.stages.map((stage) => [stage.id, stage.id])));
    if (!file.ok) throw new Error(file.error);
    await importCsv(db, file.value, { 'Open - Not Contacted': 'contacted' }, NOW, true);
    expect(await db.getAllKeys('outbox')).toEqual(['prospect::ana@acme.test', 'settings']);
    expect((await syncedCopy(db)).fields.csvStageNames.value).toEqual({ 'open - not contacted': 'contacted' });
  });

  it('keep the settings in the outbox when they changed after being read for a push', async () => {
    const db = await freshDB();
    await writeSettings(db, { ...DEFAULT_SETTINGS, reminderHour: 8 }, NOW);
    const local = new StoreSyncLocal(db, () => NOW);
    const read = await local.outbox(10);
    expect(read.settings?.fields.reminderHour.value).toBe(8);
    await writeSettings(db, { ...DEFAULT_SETTINGS, reminderHour: 10 }, NOW + HOUR);
    await local.pushed([], [], read.settings);
    expect(await db.getAllKeys('outbox')).toEqual(['settings']);
    await local.pushed([], [], (await local.outbox(10)).settings);
    expect(await db.count('outbox')).toBe(0);
  });
});

describe('pulled settings', () => {
  it('apply with every due time moved to the new working week, the checkpoint in the same write; this device’s fields stay', async () => {
    const db = await freshDB();
    await writeSettings(db, { ...DEFAULT_SETTINGS, notificationsEnabled: false }, NOW);
    const ann = await createProspect(db, { email: 'ann@acme.test', mailbox: 'rep@example.com' }, NOW);
    await logTouch(db, { prospectId: ann.id, channel: 'email', direction: 'outbound', source: 'manual', note: '', at: NOW - DAY }, NOW);
    const local = new StoreSyncLocal(db, () => NOW);
    // Sundays only, on the other device: a follow-up is due on a Sunday, whatever it was before.
    await local.applyPulled([], [], '7-abc', remote({ workingDays: [0], reminderHour: 7 }, stampAt(NOW + HOUR)));

    expect(await readSettings(db)).toEqual({ ...DEFAULT_SETTINGS, workingDays: [0], reminderHour: 7, notificationsEnabled: false });
    const due = (await db.get('prospects', ann.id))!.dueAt!;
    expect(new Date(due).getDay()).toBe(0);
    expect(new Date(due).getHours()).toBe(7);
    expect(await db.get('sync', 'checkpoint')).toBe('7-abc');
    expect(local.changed.has(ann.id)).toBe(true);

    const after = { settings: await readSettings(db), prospect: await db.get('prospects', ann.id) };
    await local.applyPulled([], [], '8-abc', remote({ workingDays: [0], reminderHour: 7 }, stampAt(NOW + HOUR)));
    expect({ settings: await readSettings(db), prospect: await db.get('prospects', ann.id) }).toEqual(after);
  });

  it('merge field by field: an older pulled edit loses to a later one made here, a field edited only there is taken', async () => {
    const db = await freshDB();
    await writeSettings(db, { ...DEFAULT_SETTINGS, reminderHour: 8 }, NOW);
    const local = new StoreSyncLocal(db, () => NOW);
    await local.applyPulled([], [], '3-x', remote({ reminderHour: 11, stopAfterTouches: 3 }, stampAt(NOW - HOUR)));
    const settings = await readSettings(db);
    expect(settings.reminderHour).toBe(8);
    expect(settings.stopAfterTouches).toBe(3);
  });

  it('lose to an edit made here after the pull, even when this device’s clock is behind', async () => {
    const db = await freshDB();
    const local = new StoreSyncLocal(db, () => NOW);
    // The other device's clock is a day ahead.
    await local.applyPulled([], [], '1-x', remote({ reminderHour: 11 }, stampAt(NOW + DAY)));
    await writeSettings(db, { ...(await readSettings(db)), reminderHour: 9 }, NOW + HOUR);
    await local.applyPulled([], [], '2-x', remote({ reminderHour: 11 }, stampAt(NOW + DAY)));
    expect((await readSettings(db)).reminderHour).toBe(9);
    expect(await db.getAllKeys('outbox')).toEqual(['settings']);
  });
});
