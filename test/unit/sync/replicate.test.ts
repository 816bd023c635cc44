import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, CouchError, type CouchTarget } from '../../../src/background/sync/couch';
import { replicate, type SyncLocal } from '../../../src/background/sync/replicate';
import { formatHlc, parseHlc, receive, tick, type Hlc } from '../../../src/domain/hlc';
import {
  editField,
  lastEditStamp,
  mergeProspects,
  mergeTouches,
  newSyncedProspect,
  prospectSyncKey,
  type SyncedProspect,
  type SyncedTouch,
} from '../../../src/domain/merge';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import type { ProspectFields } from '../../../src/domain/types';
import { readSettings } from '../../../src/store/settings';
import { writeSettings } from '../../../src/store/settingsWrites';
import { StoreSyncLocal } from '../../../src/store/syncLocal';
import { freshDB } from '../store/helpers';
import { COUCH_PASSWORD, COUCH_USER, startCouchServer, type CouchServer } from './couchServer';

/**
 * Replication against a CouchDB-protocol server (pouchdb-server, in memory, on 127.0.0.1),
 * started and stopped here. Each device is a plain in-memory store with an outbox and a
 * checkpoint, applying pulls with the same merge rules the extension's store uses.
 */

const T0 = Date.UTC(2026, 10, 2, 9, 0);
let server: CouchServer;
let origin = '';

beforeAll(async () => {
  server = await startCouchServer();
  origin = server.origin;
}, 60_000);

afterAll(() => server.stop());

function newDatabase(): Promise<CouchTarget> {
  return server.newDatabase();
}

const BASE: ProspectFields = {
  email: 'ana@acme.example', name: 'Ana', company: 'Acme', stageId: 'lead', value: null, currency: '', decisionMaker: 'unknown',
  expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, notes: '',
};

class Device implements SyncLocal {
  readonly prospects = new Map<string, SyncedProspect>();
  readonly touches = new Map<string, SyncedTouch>();
  private readonly outboxIds = new Set<string>();
  private sequence = '0';
  private clock: Hlc | null = null;
  now: number;

  constructor(
    readonly name: string,
    skew: number,
  ) {
    this.now = T0 + skew;
  }

  private stamp(): string {
    this.now += 1000;
    this.clock = tick(this.clock, this.now, this.name);
    return formatHlc(this.clock);
  }

  create(fields: Partial<ProspectFields>): SyncedProspect {
    const prospect = newSyncedProspect('rep@corp.example', { ...BASE, ...fields }, this.now, this.stamp());
    this.putProspect(prospect);
    return prospect;
  }

  edit<K extends 'name' | 'company' | 'value' | 'stageId'>(key: string, field: K, value: ProspectFields[K]): void {
    this.putProspect(editField(this.prospects.get(key)!, field, value, this.stamp(), this.now));
  }

  logTouch(id: string, prospectKey: string): void {
    this.putTouch({ id, prospectKey, at: this.now, channel: 'phone', direction: 'outbound', source: 'manual', note: `call from ${this.name}`, createdAt: this.now, deleted: false });
  }

  deleteTouch(id: string): void {
    this.putTouch({ ...this.touches.get(id)!, deleted: true });
  }

  private putProspect(prospect: SyncedProspect): void {
    const held = this.prospects.get(prospect.key);
    this.prospects.set(prospect.key, held === undefined ? prospect : mergeProspects(held, prospect));
    this.outboxIds.add(prospect.key);
  }

  private putTouch(touch: SyncedTouch): void {
    const held = this.touches.get(touch.id);
    this.touches.set(touch.id, held === undefined ? touch : mergeTouches([held], [touch])[0]!);
    this.outboxIds.add(touch.id);
  }

  async checkpoint(): Promise<string> {
    return this.sequence;
  }

  async applyPulled(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[], checkpoint: string): Promise<void> {
    for (const prospect of prospects) {
      const held = this.prospects.get(prospect.key);
      this.prospects.set(prospect.key, held === undefined ? prospect : mergeProspects(held, prospect));
      this.clock = receive(this.clock, parseHlc(lastEditStamp(prospect))!, this.now, this.name);
    }
    for (const touch of touches) {
      const held = this.touches.get(touch.id);
      this.touches.set(touch.id, held === undefined ? touch : mergeTouches([held], [touch])[0]!);
    }
    this.sequence = checkpoint;
  }

  async outbox(limit: number): Promise<{ prospects: SyncedProspect[]; touches: SyncedTouch[] }> {
    const ids = [...this.outboxIds].slice(0, limit);
    return {
      prospects: ids.flatMap((id) => (this.prospects.has(id) ? [this.prospects.get(id)!] : [])),
      touches: ids.flatMap((id) => (this.touches.has(id) ? [this.touches.get(id)!] : [])),
    };
  }

  async pushed(prospects: readonly SyncedProspect[], touches: readonly SyncedTouch[]): Promise<void> {
    for (const prospect of prospects) if (this.prospects.get(prospect.key) === prospect) this.outboxIds.delete(prospect.key);
    for (const touch of touches) if (this.touches.get(touch.id) === touch) this.outboxIds.delete(touch.id);
  }

  get waiting(): number {
    return this.outboxIds.size;
  }
}

const KEY = prospectSyncKey('rep@corp.example', 'ana@acme.example');

describe('replication through a CouchDB-protocol server', () => {
  it('merges a prospect edited on two devices offline, unites touches and carries a delete', async () => {
    const target = await newDatabase();
    const client = new CouchClient(target);
    // The desktop's clock runs ten minutes behind the laptop's.
    const laptop = new Device('laptop', 0);
    const desktop = new Device('desktop', -600_000);
    laptop.create({ name: 'Ana' });
    desktop.create({ name: 'Ana L.', company: 'Acme Brasil' });
    laptop.edit(KEY, 'value', 5000);
    laptop.logTouch('touch:laptop-1', KEY);
    desktop.logTouch('touch:desktop-1', KEY);

    await replicate(client, laptop, 2);
    await replicate(client, desktop, 2);
    // Edited after the pull: later than what was pulled, although the desktop's clock is behind.
    desktop.edit(KEY, 'stageId', 'meeting');
    await replicate(client, desktop, 2);
    await replicate(client, laptop, 2);
    laptop.deleteTouch('touch:desktop-1');
    await replicate(client, laptop, 2);
    await replicate(client, desktop, 2);

    for (const device of [laptop, desktop]) {
      const prospect = device.prospects.get(KEY)!;
      // Created on both: one prospect. Creating sets every field; the laptop's clock is ahead, so
      // its creation is the later edit of name and company. The value and the stage were edited after it.
      expect(prospect.fields.name.value).toBe('Ana');
      expect(prospect.fields.company.value).toBe('Acme');
      expect(prospect.fields.value.value).toBe(5000);
      expect(prospect.fields.stageId.value).toBe('meeting');
      expect([...device.touches.keys()].sort()).toEqual(['touch:desktop-1', 'touch:laptop-1']);
      expect(device.touches.get('touch:desktop-1')!.deleted).toBe(true);
      expect(device.touches.get('touch:laptop-1')!.deleted).toBe(false);
      expect(device.waiting).toBe(0);
    }
    expect(desktop.prospects.get(KEY)).toEqual(laptop.prospects.get(KEY));
    // One more round changes nothing.
    const before = structuredClone([...laptop.prospects.values(), ...laptop.touches.values()]);
    await replicate(client, desktop, 2);
    await replicate(client, laptop, 2);
    expect([...laptop.prospects.values(), ...laptop.touches.values()]).toEqual(before);
  });

  it('resumes a run cut off mid-batch without losing or doubling anything', async () => {
    const target = await newDatabase();
    const laptop = new Device('laptop', 0);
    const desktop = new Device('desktop', 0);
    laptop.create({});
    for (let n = 0; n < 7; n += 1) laptop.logTouch(`touch:call-${n}`, KEY);
    await replicate(new CouchClient(target), laptop, 3);

    let requests = 0;
    const cutOff = new CouchClient(target, (input, init) => {
      requests += 1;
      return requests > 2 ? Promise.reject(new TypeError('network down')) : fetch(input, init);
    });
    await expect(replicate(cutOff, desktop, 3)).rejects.toMatchObject({ failure: 'offline' });
    expect(desktop.touches.size).toBeLessThan(7);

    await replicate(new CouchClient(target), desktop, 3);
    expect([...desktop.touches.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => `touch:call-${n}`));
  });

  it('refuses damaged server documents, names them, and applies the rest', async () => {
    const target = await newDatabase();
    const laptop = new Device('laptop', 0);
    laptop.create({});
    await replicate(new CouchClient(target), laptop, 10);
    const bad = [
      { _id: 'prospect:rep@corp.example:bo@acme.example', type: 'prospect', note: '<img src=x onerror=alert(1)>' },
      { _id: 'touch:x', type: 'touch', note: 'x'.repeat(4 * 1024 * 1024) },
      { _id: 'something-else', hello: 'world' },
    ];
    for (const doc of bad) expect((await fetch(`${target.databaseUrl}/${encodeURIComponent(doc._id)}`, { method: 'PUT', body: JSON.stringify(doc) })).ok).toBe(true);

    const desktop = new Device('desktop', 0);
    const report = await replicate(new CouchClient(target), desktop, 10);
    expect(report.refused.map((entry) => entry.id).sort()).toEqual(['prospect:rep@corp.example:bo@acme.example', 'something-else', 'touch:x']);
    expect([...desktop.prospects.keys()]).toEqual([KEY]);
    expect(desktop.touches.size).toBe(0);
  });

  it('stops with a clear state on a wrong password and changes nothing', async () => {
    const target = await newDatabase();
    const laptop = new Device('laptop', 0);
    laptop.create({});
    const error = await replicate(new CouchClient({ ...target, password: 'wrong' }), laptop).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CouchError);
    expect((error as CouchError).failure).toBe('unauthorized');
    expect(laptop.waiting).toBe(1);
    expect(await laptop.checkpoint()).toBe('0');
  });

  it('treats a server that answers garbage as an error, not as data', async () => {
    const laptop = new Device('laptop', 0);
    laptop.create({});
    const garbage = new CouchClient({ databaseUrl: `${origin}/pipeline-x`, user: COUCH_USER, password: COUCH_PASSWORD }, () =>
      Promise.resolve(new Response('<html>502 Bad Gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } })),
    );
    await expect(replicate(garbage, laptop)).rejects.toMatchObject({ failure: 'badAnswer' });
    expect(laptop.waiting).toBe(1);
    expect(await laptop.checkpoint()).toBe('0');
  });
});

describe('settings through a CouchDB-protocol server', () => {
  it('merge settings edited on two devices offline: different fields both stay, the later edit of the same field wins, device fields stay put', async () => {
    const client = new CouchClient(await newDatabase());
    const HOUR = 3_600_000;
    const laptopDb = await freshDB();
    const desktopDb = await freshDB();
    // Each device's store with its own clock; the desktop's runs ten minutes behind.
    const laptop = new StoreSyncLocal(laptopDb, () => T0 + 3 * HOUR);
    const desktop = new StoreSyncLocal(desktopDb, () => T0 + 3 * HOUR - 600_000);
    const edit = async (db: typeof laptopDb, change: Partial<Settings>, at: number) => writeSettings(db, { ...(await readSettings(db)), ...change }, at);

    await edit(desktopDb, { notificationsEnabled: false }, T0);
    await edit(laptopDb, { reminderHour: 8 }, T0 + HOUR);
    await edit(desktopDb, { workingDays: [0, 1, 2, 3, 4] }, T0 + HOUR - 600_000);
    // The same field on both: the laptop's edit is the later one, the desktop's clock being behind.
    await edit(desktopDb, { stopAfterTouches: 9 }, T0 + 2 * HOUR - 600_000);
    await edit(laptopDb, { stopAfterTouches: 4 }, T0 + 2 * HOUR);

    await replicate(client, laptop, 2);
    await replicate(client, desktop, 2);
    await replicate(client, laptop, 2);

    const rep: Settings = { ...DEFAULT_SETTINGS, reminderHour: 8, workingDays: [0, 1, 2, 3, 4], stopAfterTouches: 4 };
    expect(await readSettings(laptopDb)).toEqual(rep);
    expect(await readSettings(desktopDb)).toEqual({ ...rep, notificationsEnabled: false });
    expect([await laptopDb.count('outbox'), await desktopDb.count('outbox')]).toEqual([0, 0]);

    // One more round changes nothing.
    const before = [await laptopDb.get('sync', 'settings'), await desktopDb.get('sync', 'settings')];
    await replicate(client, desktop, 2);
    await replicate(client, laptop, 2);
    expect([await laptopDb.get('sync', 'settings'), await desktopDb.get('sync', 'settings')]).toEqual(before);
    expect(before[0]).toEqual(before[1]);
  });
});
