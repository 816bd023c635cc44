import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient, CouchError, type CouchTarget } from '../../../src/background/sync/couch';
import { replicate } from '../../../src/background/sync/replicate';
import { NOTES_CONFLICT_SEPARATOR } from '../../../src/domain/merge';
import type { Prospect, Touch } from '../../../src/domain/types';
import { openTouchbaseDB, type TouchbaseDB } from '../../../src/store/db';
import { createProspect, updateProspect } from '../../../src/store/prospects';
import { SYNC_KEYS } from '../../../src/store/schema';
import { StoreSyncLocal } from '../../../src/store/syncLocal';
import { logTouch } from '../../../src/store/touches';
import { startCouchServer, type CouchServer } from './couchServer';

/**
 * Nothing is lost or doubled between devices that sync through a real CouchDB-protocol server
 * over a bad network. Two or three devices, each with the extension's own store (IndexedDB, here
 * fake-indexeddb) and a clock minutes to hours off, run random steps: create prospects (the same
 * address on several devices, offline), edit fields and notes, log touches, and sync through a
 * network that drops requests (the server never sees them), drops answers (the server applied
 * the call, the device sees a network error) and so cuts runs short between small pages; some
 * steps run every device's sync at once, so reads and writes interleave on the server. Another
 * writer (a newer Touchbase, or the rep cleaning up in CouchDB) deletes touches and prospects on
 * the server: the extension has no delete command of its own yet, and the store must apply them.
 *
 * At the end every device syncs until quiet, and then: all devices hold the same pipeline; every
 * touch is there exactly once (none where it was deleted); each field, each prospect's notes and
 * its existence equal the reference model below, written from the rules of README "Sync":
 *   - per field, the edit with the greatest stamp wins; stamps are text whose order is the
 *     clock order, and an edit made after a device saw another edit is stamped after it;
 *   - a notes version stays shown unless an edit was made on a device that showed it; the
 *     versions shown are in stamp order, separated by a line;
 *   - a prospect is deleted while its delete is later than every edit made to it;
 * no note text is lost; one more round writes nothing anywhere.
 *
 * 40 runs of 10 to 40 steps: about 20 s on a shared 2-core machine (so it runs with every
 * `npm test`); a failing seed is printed by fast-check and replays exactly (device ids are fixed).
 */

const T0 = Date.UTC(2026, 10, 2, 9, 0);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MAILBOX = 'rep@corp.example';
const ADDRESSES = ['ana@acme.example', 'bo@beta.example', 'cy@gamma.example'] as const;
const DEVICE_IDS = ['laptop01', 'desktop2', 'tablet03'] as const;
const EDITED_FIELDS = ['name', 'company', 'stageId', 'value'] as const;
type EditedField = (typeof EDITED_FIELDS)[number];
const STAGES = ['new', 'contacted', 'qualified', 'meeting', 'proposal'] as const;
/** The other writer's clock is a day ahead of every device: its deletes are the last word. */
const OTHER_WRITER_WALL = T0 + 24 * HOUR;

type Fault = 'none' | 'dropRequest' | 'dropAnswer';

type Step =
  | { readonly kind: 'create'; readonly device: number; readonly who: number; readonly after: number }
  | { readonly kind: 'edit'; readonly device: number; readonly who: number; readonly field: EditedField; readonly after: number }
  | { readonly kind: 'notes'; readonly device: number; readonly who: number; readonly after: number }
  | { readonly kind: 'touch'; readonly device: number; readonly who: number; readonly after: number }
  | { readonly kind: 'sync'; readonly device: number; readonly pageSize: number; readonly faults: readonly Fault[]; readonly after: number }
  | { readonly kind: 'syncTogether'; readonly pageSize: number; readonly faults: readonly Fault[] }
  | { readonly kind: 'deleteTouch'; readonly pick: number }
  | { readonly kind: 'deleteProspect'; readonly who: number };

const device = fc.nat({ max: 2 });
const who = fc.nat({ max: ADDRESSES.length - 1 });
const after = fc.integer({ min: 1, max: 20 * MINUTE });
const fault = fc.constantFrom<Fault>('none', 'none', 'dropRequest', 'dropAnswer');
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), device, who, after }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('edit' as const), device, who, field: fc.constantFrom(...EDITED_FIELDS), after }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('notes' as const), device, who, after }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('touch' as const), device, who, after }) },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('sync' as const), device, pageSize: fc.integer({ min: 1, max: 4 }), faults: fc.array(fault, { minLength: 1, maxLength: 12 }), after }),
  },
  // Every device syncs at once: their reads and writes interleave on the server.
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('syncTogether' as const), pageSize: fc.integer({ min: 1, max: 4 }), faults: fc.array(fault, { minLength: 1, maxLength: 12 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteTouch' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteProspect' as const), who }) },
);
const scenario = fc.record({
  devices: fc.integer({ min: 2, max: 3 }),
  // Minutes to hours ahead or behind.
  skews: fc.array(fc.integer({ min: -3 * 60, max: 3 * 60 }).map((minutes) => minutes * MINUTE), { minLength: 3, maxLength: 3 }),
  steps: fc.array(step, { minLength: 10, maxLength: 40, size: 'max' }),
});

/** An edit as the model knows it: what was set, and the stamp the device gave it. */
interface Edit<T> {
  readonly value: T;
  readonly stamp: string;
}

interface NotesVersion {
  readonly text: string;
  readonly stamp: string;
  /** The stamps of the versions the device showed when the rep wrote this one. */
  readonly replaces: readonly string[];
}

interface ModelProspect {
  readonly fields: Map<EditedField, Edit<unknown>[]>;
  readonly notes: NotesVersion[];
  /** Every stamp an edit of this prospect was given (creation included). */
  readonly stamps: string[];
  deleteStamp: string | null;
}

interface Model {
  readonly prospects: Map<string, ModelProspect>;
  /** Touches by their note (unique per touch), with their prospect's address. */
  readonly touches: Map<string, { readonly email: string; deleted: boolean }>;
}

interface SimDevice {
  readonly id: string;
  readonly db: TouchbaseDB;
  now: number;
}

let server: CouchServer;
let databases = 0;

beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);

afterAll(() => server.stop());

async function newDevice(index: number, skew: number): Promise<SimDevice> {
  databases += 1;
  const db = await openTouchbaseDB(`touchbase-property-${databases}`);
  // A fixed device id (the store makes a random one otherwise), so a failing seed replays exactly.
  await db.put('sync', DEVICE_IDS[index]!, SYNC_KEYS.device);
  return { id: DEVICE_IDS[index]!, db, now: T0 + skew };
}

function keyOf(email: string): string {
  return `prospect:${MAILBOX}:${email}`;
}

async function localProspect(sim: SimDevice, email: string): Promise<Prospect | undefined> {
  return (await sim.db.getAll('prospects')).find((p) => p.mailbox === MAILBOX && p.email === email);
}

async function syncedCopy(sim: SimDevice, email: string) {
  return sim.db.get('syncProspects', keyOf(email));
}

/** Every stamp this device holds for the prospect: whatever it has seen of it. */
async function stampsHeld(sim: SimDevice, email: string): Promise<string[]> {
  const held = await syncedCopy(sim, email);
  if (held === undefined) return [];
  const { fields, notes, stageVisits } = held.synced;
  return [...Object.values(fields).map((register) => register.stamp), ...notes.versions.map((v) => v.stamp), ...notes.replaced, ...stageVisits.map((v) => v.stamp)];
}

/** A network that fails the way the step says, one request at a time; past the list, it works. */
function faultyFetch(faults: readonly Fault[]): (input: string, init: RequestInit) => Promise<Response> {
  let request = 0;
  return async (input, init) => {
    const fault = faults[request] ?? 'none';
    request += 1;
    if (fault === 'dropRequest') throw new TypeError('network down before the server');
    const response = await fetch(input, init);
    if (fault === 'dropAnswer') {
      await response.arrayBuffer();
      throw new TypeError('network down after the server answered');
    }
    return response;
  };
}

function modelOf(model: Model, email: string): ModelProspect {
  let held = model.prospects.get(email);
  if (held === undefined) {
    held = { fields: new Map(), notes: [], stamps: [], deleteStamp: null };
    model.prospects.set(email, held);
  }
  return held;
}

/** The other writer's stamps: a day ahead, counting up, its own device id. */
let otherWriterCounter = 0;
function otherWriterStamp(): string {
  otherWriterCounter += 1;
  return `${OTHER_WRITER_WALL.toString(36).padStart(9, '0')}-${otherWriterCounter.toString(36).padStart(4, '0')}-otherwriter`;
}

async function serverDocs(target: CouchTarget): Promise<Record<string, unknown>[]> {
  const answer = (await (await fetch(`${target.databaseUrl}/_all_docs?include_docs=true`)).json()) as { rows: { doc: Record<string, unknown> }[] };
  return answer.rows.map((row) => row.doc);
}

async function putOnServer(target: CouchTarget, doc: Record<string, unknown>): Promise<void> {
  const written = await fetch(`${target.databaseUrl}/${encodeURIComponent(String(doc['_id']))}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(doc) });
  expect(written.ok, await written.clone().text()).toBe(true);
}

let uniqueText = 0;
function valueFor(field: EditedField): unknown {
  uniqueText += 1;
  if (field === 'value') return uniqueText * 100;
  if (field === 'stageId') return STAGES[uniqueText % STAGES.length];
  return `${field} ${uniqueText}`;
}

async function runStep(current: Step, sims: SimDevice[], model: Model, target: CouchTarget): Promise<void> {
  if (current.kind === 'deleteTouch') {
    const touches = (await serverDocs(target)).filter((doc) => doc['type'] === 'touch' && doc['deleted'] === false);
    const chosen = touches[current.pick % Math.max(1, touches.length)];
    if (chosen === undefined) return;
    await putOnServer(target, { ...chosen, deleted: true });
    model.touches.get(String(chosen['note']))!.deleted = true;
    return;
  }
  if (current.kind === 'deleteProspect') {
    const email = ADDRESSES[current.who]!;
    const doc = (await serverDocs(target)).find((d) => d['_id'] === keyOf(email));
    if (doc === undefined) return;
    // Devices that have not pulled the delete go on editing it and logging touches: their edits
    // are earlier than the delete, so it stays deleted (the tombstone rule).
    const stamp = otherWriterStamp();
    await putOnServer(target, { ...doc, deletedAt: stamp });
    modelOf(model, email).deleteStamp = stamp;
    return;
  }
  if (current.kind === 'syncTogether') {
    await Promise.all(sims.map((sim) => syncThroughBadNetwork(sim, target, current.pageSize, current.faults)));
    return;
  }
  const sim = sims[current.device % sims.length]!;
  sim.now += current.after;
  if (current.kind === 'sync') {
    await syncThroughBadNetwork(sim, target, current.pageSize, current.faults);
    return;
  }
  const email = ADDRESSES[current.who]!;
  // Not covered: adding again an address deleted on the server. A prospect brought back does not
  // bring back the touches the delete removed, and what it should do waits for a delete command
  // of Touchbase's own. (Seed -1859467832 once showed the clock not moving past a pulled delete:
  // fixed, and tested in test/unit/store/syncStore.test.ts.)
  if (current.kind === 'create' && modelOf(model, email).deleteStamp !== null) return;
  const seen = await stampsHeld(sim, email);
  const existing = await localProspect(sim, email);
  if (current.kind === 'create') {
    if (existing !== undefined) return;
    uniqueText += 1;
    const notes = `<b>first</b> ${uniqueText}`;
    const name = `name ${uniqueText}`;
    await createProspect(sim.db, { email, mailbox: MAILBOX, name, stageId: 'new', notes }, sim.now);
    const synced = (await syncedCopy(sim, email))!.synced;
    const stamp = synced.fields.name.stamp;
    const prospect = modelOf(model, email);
    // Creating sets every field a rep sets, all at one stamp.
    for (const field of EDITED_FIELDS) {
      const value = field === 'name' ? name : field === 'stageId' ? 'new' : field === 'company' ? '' : null;
      prospect.fields.set(field, [...(prospect.fields.get(field) ?? []), { value, stamp }]);
    }
    prospect.notes.push({ text: notes, stamp, replaces: [] });
    prospect.stamps.push(stamp);
    expectLaterThanAll(stamp, seen);
    return;
  }
  if (existing === undefined) return;
  if (current.kind === 'touch') {
    uniqueText += 1;
    const note = `call ${uniqueText} <i>from ${sim.id}</i>`;
    await logTouch(sim.db, { prospectId: existing.id, channel: 'phone', direction: 'outbound', source: 'manual', note }, sim.now);
    model.touches.set(note, { email, deleted: false });
    return;
  }
  if (current.kind === 'notes') {
    const shown = (await syncedCopy(sim, email))!.synced.notes.versions.map((v) => v.stamp);
    uniqueText += 1;
    const text = `notes ${uniqueText} & <script>x</script> from ${sim.id}`;
    await updateProspect(sim.db, existing.id, { notes: text }, sim.now);
    const stamp = (await syncedCopy(sim, email))!.synced.notes.versions.find((v) => v.text === text)!.stamp;
    const prospect = modelOf(model, email);
    prospect.notes.push({ text, stamp, replaces: shown });
    prospect.stamps.push(stamp);
    expectLaterThanAll(stamp, seen);
    return;
  }
  const value = valueFor(current.field);
  // Setting what is already there is no edit (nothing is stamped).
  if (existing[current.field] === value) return;
  await updateProspect(sim.db, existing.id, { [current.field]: value }, sim.now);
  const stamp = (await syncedCopy(sim, email))!.synced.fields[current.field].stamp;
  const prospect = modelOf(model, email);
  prospect.fields.set(current.field, [...(prospect.fields.get(current.field) ?? []), { value, stamp }]);
  prospect.stamps.push(stamp);
  expectLaterThanAll(stamp, seen);
}

/** One run through the failing network: a run cut off by it ends as offline, and nothing else may go wrong. */
async function syncThroughBadNetwork(sim: SimDevice, target: CouchTarget, pageSize: number, faults: readonly Fault[]): Promise<void> {
  const client = new CouchClient(target, faultyFetch(faults));
  await replicate(client, new StoreSyncLocal(sim.db, () => sim.now), pageSize).catch((error: unknown) => {
    if (!(error instanceof CouchError && error.failure === 'offline')) throw error;
  });
}

/** The clock rule: an edit is stamped after everything its device had seen. */
function expectLaterThanAll(stamp: string, seen: readonly string[]): void {
  for (const earlier of seen) expect(stamp > earlier, `${stamp} after ${earlier}`).toBe(true);
}

/** Syncs every device, round after round, until a whole round moves nothing. */
async function syncUntilQuiet(sims: SimDevice[], target: CouchTarget): Promise<void> {
  for (let round = 0; round < 10; round += 1) {
    let moved = 0;
    for (const sim of sims) {
      sim.now += MINUTE;
      const report = await replicate(new CouchClient(target), new StoreSyncLocal(sim.db, () => sim.now));
      moved += report.pulled + report.pushed;
    }
    if (moved === 0) return;
  }
  throw new Error('sync did not settle in 10 rounds');
}

interface Shown {
  readonly prospects: readonly unknown[];
  readonly touches: readonly unknown[];
}

/** What a rep sees on a device, without its local ids. */
async function shownOn(sim: SimDevice): Promise<Shown> {
  const prospects = await sim.db.getAll('prospects');
  const emailOf = new Map(prospects.map((p) => [p.id, p.email]));
  const touches: Touch[] = await sim.db.getAll('touches');
  return {
    prospects: prospects
      .map((p) => ({ email: p.email, name: p.name, company: p.company, stageId: p.stageId, value: p.value, notes: p.notes, touchCount: p.touchCount }))
      .sort((a, b) => (a.email < b.email ? -1 : 1)),
    touches: touches.map((t) => ({ email: emailOf.get(t.prospectId), note: t.note, at: t.at })).sort((a, b) => (a.note < b.note ? -1 : 1)),
  };
}

function latest<T>(edits: readonly Edit<T>[]): Edit<T> {
  return edits.reduce((best, edit) => (edit.stamp > best.stamp ? edit : best));
}

function expectedNotes(prospect: ModelProspect): string {
  const replaced = new Set(prospect.notes.flatMap((version) => version.replaces));
  const kept = prospect.notes.filter((version) => !replaced.has(version.stamp)).sort((a, b) => (a.stamp < b.stamp ? -1 : 1));
  // The same text kept twice (two devices typed it) is shown once.
  return [...new Set(kept.map((version) => version.text))].join(NOTES_CONFLICT_SEPARATOR);
}

async function expectModel(sims: SimDevice[], model: Model): Promise<void> {
  for (const sim of sims) {
    for (const [email, prospect] of model.prospects) {
      if (prospect.stamps.length === 0) continue;
      const local = await localProspect(sim, email);
      const lastEdit = prospect.stamps.reduce((a, b) => (b > a ? b : a));
      if (prospect.deleteStamp !== null && prospect.deleteStamp > lastEdit) {
        expect(local, `${email} deleted on ${sim.id}`).toBeUndefined();
        continue;
      }
      expect(local, `${email} on ${sim.id}`).toBeDefined();
      for (const field of EDITED_FIELDS) expect(local![field], `${email} ${field} on ${sim.id}`).toEqual(latest(prospect.fields.get(field)!).value);
      expect(local!.notes, `${email} notes on ${sim.id}`).toBe(expectedNotes(prospect));
      // No note text is lost: each one is shown, or an edit made where it was shown replaced it.
      const replaced = new Set(prospect.notes.flatMap((version) => version.replaces));
      for (const version of prospect.notes) expect(local!.notes.includes(version.text) || replaced.has(version.stamp)).toBe(true);
    }
    const shown = await shownOn(sim);
    const live = [...model.touches].filter(([, touch]) => {
      const owner = model.prospects.get(touch.email)!;
      const lastEdit = owner.stamps.reduce((a, b) => (b > a ? b : a));
      return !touch.deleted && !(owner.deleteStamp !== null && owner.deleteStamp > lastEdit);
    });
    // Every live touch exactly once, under its prospect; no deleted one anywhere.
    expect(shown.touches.map((t) => [(t as { email: string }).email, (t as { note: string }).note]).sort()).toEqual(live.map(([note, t]) => [t.email, note]).sort());
  }
}

describe('replication with devices, skewed clocks and a bad network, against a CouchDB-protocol server', () => {
  it('converges to the reference model, every touch once, and a further round writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ devices, skews, steps }) => {
        const target = await server.newDatabase();
        const sims = await Promise.all(Array.from({ length: devices }, (_, index) => newDevice(index, skews[index]!)));
        const model: Model = { prospects: new Map(), touches: new Map() };
        try {
          for (const current of steps) await runStep(current, sims, model, target);
          await syncUntilQuiet(sims, target);

          const first = await shownOn(sims[0]!);
          for (const sim of sims.slice(1)) expect(await shownOn(sim)).toEqual(first);
          await expectModel(sims, model);
          for (const sim of sims) expect(await sim.db.count('outbox'), `waiting on ${sim.id}`).toBe(0);

          // One more round: no write reaches the server, and no device changes.
          let writes = 0;
          const counting = (input: string, init: RequestInit) => {
            if (input.includes('_bulk_docs')) writes += 1;
            return fetch(input, init);
          };
          const before = await Promise.all(sims.map((sim) => Promise.all([sim.db.getAll('prospects'), sim.db.getAll('touches'), sim.db.getAll('syncProspects')])));
          for (const sim of sims) await replicate(new CouchClient(target, counting), new StoreSyncLocal(sim.db, () => sim.now));
          expect(writes).toBe(0);
          const afterRound = await Promise.all(sims.map((sim) => Promise.all([sim.db.getAll('prospects'), sim.db.getAll('touches'), sim.db.getAll('syncProspects')])));
          expect(afterRound).toEqual(before);
        } finally {
          for (const sim of sims) sim.db.close();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
