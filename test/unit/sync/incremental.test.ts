import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replicate } from '../../../src/background/sync/replicate';
import { CHANGES, connectedDevice, makeChanges, Meter, seedPipeline } from '../../bench/syncDevices';
import { startCouchServer, type CouchServer } from './couchServer';

/**
 * What a sync of a few changes costs must grow with the changes, not with the store: the same
 * ten changes, made in a pipeline of 100 and of 2,000 prospects, travel in the same requests with
 * the same documents. Counted at the replicator's fetch against pouchdb-server (in memory on
 * 127.0.0.1, started here), with the store's own code on both devices; never timed.
 */

const NOW = Date.UTC(2026, 10, 23, 15, 0);
const HOUR = 3_600_000;
const TOUCHES_EACH = 2;

let server: CouchServer;
beforeAll(async () => {
  server = await startCouchServer();
}, 60_000);
afterAll(async () => server?.stop());

/** Ten changes on device A after both devices hold a pipeline of `prospects`: what A's push and B's pull exchange. */
async function incrementalCost(prospects: number) {
  const target = await server.newDatabase(`pipeline-${prospects}`);
  const meter = new Meter();
  const a = await connectedDevice(target, meter, () => NOW, (db) => seedPipeline(db, prospects, TOUCHES_EACH, NOW));
  // A few thousand records fit in one run (50 pages of 200); the next run finds nothing new.
  await a.syncUntilSettled(3);
  const b = await connectedDevice(target, meter, () => NOW);
  // B's first run takes the pipeline and sends its own settings; its next one reads those back once.
  await b.syncUntilSettled(3);
  // A takes B's settings document, so the changes below travel alone.
  await a.syncUntilSettled(2);
  // The first sync carried the whole pipeline: the bigger store did cost more, once.
  const firstPull = meter.totals().docsReceived;

  await makeChanges(a.db, NOW + HOUR);
  const beforePush = meter.exchanges.length;
  await replicate(a.client, a.local);
  const push = meter.totals(beforePush);
  const beforePull = meter.exchanges.length;
  await replicate(b.client, b.local);
  const pull = meter.totals(beforePull);
  const companies = (await b.db.getAll('prospects')).filter((p) => p.company.startsWith('Renamed ')).length;
  return { firstPull, push, pull, companies, calls: await b.db.count('touches') };
}

describe('incremental sync', () => {
  it('costs the same requests and documents in a store of 100 and of 2,000 prospects', async () => {
    const small = await incrementalCost(100);
    const large = await incrementalCost(2_000);

    // The first sync grows with the store (three documents per prospect: itself and two touches)…
    expect(small.firstPull).toBeGreaterThanOrEqual(100 * (1 + TOUCHES_EACH));
    expect(large.firstPull).toBeGreaterThanOrEqual(2_000 * (1 + TOUCHES_EACH));
    for (const cost of [small, large]) {
      // …the next one with the changes: A asks what is new (nothing), reads the server's copies of
      // its ten records and writes them in one batch; B reads the ten in one page of changes.
      expect(cost.push.calls).toEqual(['GET _changes', 'POST _all_docs', 'POST _bulk_docs']);
      expect(cost.push.docsSent).toBe(CHANGES);
      expect(cost.push.docsReceived).toBeLessThanOrEqual(CHANGES);
      expect(cost.pull.calls).toEqual(['GET _changes']);
      expect(cost.pull.docsReceived).toBe(CHANGES);
      expect(cost.pull.docsSent).toBe(0);
      // And the changes arrived: five companies renamed, five calls more than the seed's touches.
      expect(cost.companies).toBe(CHANGES / 2);
    }
    expect(small.calls).toBe(100 * TOUCHES_EACH + CHANGES / 2);
    expect(large.calls).toBe(2_000 * TOUCHES_EACH + CHANGES / 2);
    const counted = (cost: typeof small) => ({ push: [cost.push.requests, cost.push.docsSent, cost.push.docsReceived], pull: [cost.pull.requests, cost.pull.docsSent, cost.pull.docsReceived] });
    expect(counted(large)).toEqual(counted(small));
  }, 120_000);
});
