import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CouchTarget } from '../../../src/background/sync/couch';
import { createSync, type SyncControl } from '../../../src/background/sync/service';
import { formatHlc } from '../../../src/domain/hlc';
import { newSyncedProspect, prospectSyncKey } from '../../../src/domain/merge';
import { prospectToDoc } from '../../../src/domain/syncDocs';
import type { ProspectFields } from '../../../src/domain/types';
import type { TouchbaseDB } from '../../../src/store/db';
import { createProspect } from '../../../src/store/prospects';
import { freshDB, HOUR, NOW } from '../store/helpers';
import { startCouchServer, type CouchServer } from './couchServer';

/**
 * Servers that misbehave, each in front of a real CouchDB-protocol server (pouchdb-server on
 * 127.0.0.1): the device's requests go through `misbehaving`, which answers some calls itself
 * (garbage, 401, a conflict for every write, a `_changes` that never moves on) and passes the
 * rest on. Each is refused or contained with a clear state in Options → Sync, the local data is
 * never damaged, and once the server behaves again everything goes through.
 */

const MAILBOX = 'rep@corp.example';
const OTHER_DEVICE_STAMP = formatHlc({ wall: NOW - HOUR, counter: 0, device: 'otherdevice' });
const CALLS = ['_changes', '_all_docs', '_bulk_docs'] as const;
type Call = (typeof CALLS)[number];

let server: CouchServer;

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);

afterAll(() => server.stop());

type Misbehaviour = (call: Call | 'database', url: URL, init: RequestInit) => Promise<Response> | null;

interface Device {
  readonly db: TouchbaseDB;
  readonly sync: SyncControl;
  readonly target: CouchTarget;
  /** How the server misbehaves from now on; null passes every call on. */
  misbehave: Misbehaviour | null;
  readonly requests: string[];
}

function callOf(url: URL): Call | 'database' {
  return CALLS.find((call) => url.pathname.endsWith(`/${call}`)) ?? 'database';
}

async function connectedDevice(): Promise<Device> {
  const target = await server.newDatabase();
  const db = await freshDB();
  const device: Device = {
    db,
    target,
    misbehave: null,
    requests: [],
    sync: createSync({
      db: async () => db,
      now: () => NOW,
      hasPermission: async () => true,
      removePermission: async () => undefined,
      schedule: async () => undefined,
      afterPull: async () => undefined,
      log: () => undefined,
      fetch: (input, init) => {
        const url = new URL(input);
        const call = callOf(url);
        device.requests.push(call);
        return device.misbehave?.(call, url, init) ?? fetch(input, init);
      },
    }),
  };
  const url = new URL(target.databaseUrl);
  await device.sync.connect({ serverUrl: url.origin, database: url.pathname.slice(1), user: target.user, password: target.password });
  return device;
}

/** The rep's pipeline on this device, and what waits to be sent. */
async function pipeline(db: TouchbaseDB): Promise<unknown> {
  return Promise.all([db.getAll('prospects'), db.getAll('touches'), db.getAll('syncProspects'), db.getAll('outbox')]);
}

/** The pipeline and where the next pull starts. */
async function localData(db: TouchbaseDB): Promise<unknown> {
  return Promise.all([pipeline(db), db.get('sync', 'checkpoint')]);
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

async function onServer(target: CouchTarget, id: string): Promise<Record<string, unknown> | null> {
  const answer = await fetch(`${target.databaseUrl}/${encodeURIComponent(id)}`);
  return answer.ok ? ((await answer.json()) as Record<string, unknown>) : null;
}

/** Another writer puts a document on the server as it is, past every check of ours. */
async function putOnServer(target: CouchTarget, doc: Record<string, unknown>): Promise<void> {
  const written = await fetch(`${target.databaseUrl}/${encodeURIComponent(String(doc['_id']))}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(doc),
  });
  expect(written.ok).toBe(true);
}

const FIELDS: ProspectFields = {
  email: 'bo@beta.example', name: 'Bo', company: 'Beta', stageId: 'new', value: null, currency: '', decisionMaker: 'unknown',
  expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null, notes: '',
};

/** A prospect document as another device writes it. */
function otherDevicesDoc(fields: Partial<ProspectFields>): Record<string, unknown> {
  return prospectToDoc(newSyncedProspect(MAILBOX, { ...FIELDS, ...fields }, NOW - HOUR, OTHER_DEVICE_STAMP));
}

describe('a server that answers garbage or refuses the password', () => {
  const answers: readonly [string, () => Response, string][] = [
    ['an HTML page', () => new Response('<html>502 Bad Gateway</html>', { status: 200, headers: { 'Content-Type': 'text/html' } }), 'syncBadAnswer'],
    ['JSON of another shape', () => json({ ok: true, rows: 'none', results: 7 }), 'syncBadAnswer'],
    ['rows without ids', () => json({ rows: [{ nope: 1 }], results: [{ nope: 1 }], last_seq: '9' }), 'syncBadAnswer'],
    ['401', () => json({ error: 'unauthorized' }, 401), 'syncUnauthorized'],
  ];
  for (const call of CALLS) {
    for (const [what, answer, key] of answers) {
      it(`${call} answered with ${what}: the run stops with a clear state and changes nothing here`, async () => {
        const device = await connectedDevice();
        await createProspect(device.db, { email: 'ana@acme.example', mailbox: MAILBOX, name: 'Ana' }, NOW);
        // Something to pull, so a garbage _changes answer has a page to spoil.
        await putOnServer(device.target, otherDevicesDoc({}));
        const before = await localData(device.db);
        device.misbehave = (seen) => (seen === call ? Promise.resolve(answer()) : null);

        const status = await device.sync.run();
        expect(status.lastError?.key).toBe(key);
        expect(status.waiting).toBe(1);
        if (call !== '_changes') {
          // The pull before the failing push applied the other device's prospect, and only that.
          expect((await device.db.getAll('prospects')).map((p) => p.email).sort()).toEqual(['ana@acme.example', 'bo@beta.example']);
        } else {
          expect(await localData(device.db)).toEqual(before);
        }

        device.misbehave = null;
        expect(await device.sync.run()).toMatchObject({ lastError: null, waiting: 0 });
        expect(await onServer(device.target, prospectSyncKey(MAILBOX, 'ana@acme.example'))).toMatchObject({ fields: { name: { value: 'Ana' } } });
      });
    }
  }
});

describe('a 409 storm: every write conflicts, run after run', () => {
  it('keeps the records waiting, ends each run after one attempt, says so, and sends everything once the storm stops', async () => {
    const device = await connectedDevice();
    for (const email of ['ana@acme.example', 'bo@beta.example', 'cy@gamma.example']) await createProspect(device.db, { email, mailbox: MAILBOX }, NOW);
    device.misbehave = (call, _url, init) => {
      if (call !== '_bulk_docs') return null;
      const docs = (JSON.parse(String(init.body)) as { docs: { _id: string }[] }).docs;
      return Promise.resolve(json(docs.map((doc) => ({ id: doc._id, error: 'conflict', reason: 'Document update conflict' })), 201));
    };
    for (let run = 0; run < 3; run += 1) {
      device.requests.length = 0;
      const status = await device.sync.run();
      expect(status).toMatchObject({ waiting: 3, lastError: { key: 'syncWritesRefused', values: ['3'] } });
      // One read and one write, then the run ends instead of trying again at once.
      expect(device.requests.filter((call) => call === '_bulk_docs')).toHaveLength(1);
    }
    expect(await onServer(device.target, prospectSyncKey(MAILBOX, 'ana@acme.example'))).toBeNull();

    device.misbehave = null;
    expect(await device.sync.run()).toMatchObject({ waiting: 0, lastError: null, failingSince: null });
    for (const email of ['ana@acme.example', 'bo@beta.example', 'cy@gamma.example']) expect(await onServer(device.target, prospectSyncKey(MAILBOX, email))).not.toBeNull();
  });
});

describe('a _changes feed whose last_seq never moves on', () => {
  it('is refused after one page instead of being asked again and again; nothing is applied', async () => {
    const device = await connectedDevice();
    const doc = otherDevicesDoc({});
    device.misbehave = (call, url) => {
      if (call !== '_changes') return null;
      return Promise.resolve(json({ results: [{ id: doc['_id'], seq: '1', doc }], last_seq: url.searchParams.get('since') }));
    };
    const before = await localData(device.db);
    device.requests.length = 0;
    expect((await device.sync.run()).lastError?.key).toBe('syncBadAnswer');
    expect(device.requests.filter((call) => call === '_changes')).toHaveLength(1);
    expect(await localData(device.db)).toEqual(before);
  });
});

describe('documents the checks refuse or contain', () => {
  it('keeps markup in text fields as text', async () => {
    const device = await connectedDevice();
    const name = '<img src=x onerror=alert(1)>';
    const notes = '<script>alert("notes")</script> & <b>bold</b>';
    await putOnServer(device.target, otherDevicesDoc({ name, notes }));
    expect((await device.sync.run()).lastError).toBeNull();
    expect(await device.db.getAll('prospects')).toMatchObject([{ email: 'bo@beta.example', name, notes }]);
  });

  it('refuses a 4 MB note, names it in the state until a good version is applied, and changes nothing here', async () => {
    const device = await connectedDevice();
    const key = prospectSyncKey(MAILBOX, 'bo@beta.example');
    await putOnServer(device.target, otherDevicesDoc({ notes: 'x'.repeat(4 * 1024 * 1024) }));
    // The store's own notes limit (5,000 characters, as the rep can type) is the limit of a pulled note.
    const refusal = { id: key, problem: { key: 'tooLong', values: ['5000'], path: 'notes.versions[0].text' } };
    expect(await device.sync.run()).toMatchObject({ lastError: null, refused: [refusal] });
    expect(await device.db.count('prospects')).toBe(0);
    // A run with nothing new still says so: the checkpoint is past the document, the state is not.
    expect((await device.sync.run()).refused).toEqual([refusal]);

    const damaged = (await onServer(device.target, key))!;
    await putOnServer(device.target, { ...otherDevicesDoc({ notes: 'short again' }), _rev: damaged['_rev'] });
    expect((await device.sync.run()).refused).toEqual([]);
    expect(await device.db.getAll('prospects')).toMatchObject([{ email: 'bo@beta.example', notes: 'short again' }]);
  });

  it('refuses a prospect whose _id names another prospect, and the one it names is untouched', async () => {
    const device = await connectedDevice();
    await createProspect(device.db, { email: 'ana@acme.example', mailbox: MAILBOX, name: 'Ana' }, NOW);
    expect((await device.sync.run()).lastError).toBeNull();
    const ana = prospectSyncKey(MAILBOX, 'ana@acme.example');
    const before = await pipeline(device.db);
    const current = (await onServer(device.target, ana))!;
    // Bo's document, edited a day later than anything here, claiming to be Ana.
    const later = formatHlc({ wall: NOW + 24 * HOUR, counter: 0, device: 'otherdevice' });
    const liar = prospectToDoc(newSyncedProspect(MAILBOX, { ...FIELDS, name: 'Not Ana' }, NOW, later));
    await putOnServer(device.target, { ...liar, _id: ana, _rev: current['_rev'] });
    // And a document for another mailbox's prospect stored under this mailbox's key.
    await putOnServer(device.target, { ...otherDevicesDoc({}), _id: prospectSyncKey('someone@else.example', 'bo@beta.example') });

    const status = await device.sync.run();
    expect(status.refused.map((entry) => [entry.id, entry.problem.path]).sort()).toEqual([
      [ana, '_id'],
      [prospectSyncKey('someone@else.example', 'bo@beta.example'), '_id'],
    ]);
    // The pull moved past them; nothing of the pipeline changed.
    expect(await pipeline(device.db)).toEqual(before);
  });
});
