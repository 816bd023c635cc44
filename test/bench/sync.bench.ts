// The extension's store in Node: IndexedDB from fake-indexeddb, one database per simulated device.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, it } from 'vitest';
import { replicate } from '../../src/background/sync/replicate';
import { kb, ms, table, writeSection } from './report';
import { CHANGES, connectedDevice, makeChanges, Meter, seedPipeline } from './syncDevices';
import { startCouchServer, type CouchServer } from '../unit/sync/couchServer';

/**
 * Sync's cost: a pipeline pushed from the device that had it, the first sync of an empty device,
 * and ten changes afterwards, with the requests, bytes and documents beside each time. The store
 * and the replicator are the extension's own code; the server is pouchdb-server in memory on
 * 127.0.0.1. Each size's rows are written as soon as they are measured, so a size that does not
 * finish leaves the others.
 */

const SIZES = [
  { prospects: 1_000, touchesEach: 10 },
  { prospects: 10_000, touchesEach: 10 },
];
const HOUR = 3_600_000;

let server: CouchServer;
const rows: (string | number)[][] = [];

beforeAll(async () => {
  server = await startCouchServer();
});
afterAll(async () => server?.stop());

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (value: number) => (value < 1000 ? ms(value) : `${(value / 1000).toFixed(1)} s`);

function write(): void {
  writeSection(
    '6-sync',
    'Sync',
    `Replication through CouchDB's HTTP API to pouchdb-server (\`--in-memory\`, on 127.0.0.1, started by the bench), with the extension's own replicator (\`src/background/sync/\`) and store (\`src/store/\`) on each device. The store runs in Node over fake-indexeddb, not in Chromium's extension worker: the bench counts every request at the replicator's fetch (a wrapper around the real CouchClient) and drives two devices that each end up holding 110,000 records, which in a browser would need two profiles, the permission grant and a way to count at the worker's fetch; fake-indexeddb is a JavaScript IndexedDB, slower than the browser's, so the times are an upper bound for the store's share. The machine was shared with other builds while the bench ran: the times move from run to run, the counts do not. *Sent* and *received* are HTTP body bytes (headers not counted); *documents* are those in \`_bulk_docs\` requests and in \`_changes\` and \`_all_docs\` answers. Pages of 200 records; a run stops after 50 pages and the next run continues, so a whole pipeline takes several runs. Each prospect has 10 touches.

*Push*: the device that holds the pipeline connects to an empty database and runs until nothing moves; a device reads back what it pushed on its next run (its pull checkpoint is behind its own writes), which is the *received* column. *First sync*: an empty device connects to that database and runs until nothing moves. *Ten changes*: five prospects edited and five calls logged on the first device, then one run there (push) and one on the second device (pull); the documents the push receives are the server's copies it reads before writing on top of them (the five edited prospects; the five new calls have none). The ten changes cost the same requests, bytes and documents at 1,000 and at 10,000 prospects: the incremental cost grows with the changes, not with the store (\`test/unit/sync/incremental.test.ts\` proves it by count).

` + table(['step', 'prospects', 'touches', 'time', 'runs', 'requests', 'sent', 'received', 'documents sent / received'], rows),
  );
}

it('first and incremental sync', async () => {
  for (const { prospects, touchesEach } of SIZES) {
    const target = await server.newDatabase(`bench-${prospects}`);
    const meter = new Meter();
    const clock = () => Date.now();
    const first = await connectedDevice(target, meter, clock, (db) => seedPipeline(db, prospects, touchesEach, Date.now()));
    const row = async (step: string, work: () => Promise<number>) => {
      const from = meter.exchanges.length;
      const started = performance.now();
      const runs = await work();
      const elapsed = performance.now() - started;
      const spent = meter.totals(from);
      rows.push([step, count(prospects), count(prospects * touchesEach), seconds(elapsed), runs, count(spent.requests), kb(spent.bytesSent), kb(spent.bytesReceived), `${count(spent.docsSent)} / ${count(spent.docsReceived)}`]);
      write();
    };
    await row('push of the pipeline', async () => (await first.syncUntilSettled()).length);
    const second = await connectedDevice(target, meter, clock);
    await row('first sync of an empty device', async () => (await second.syncUntilSettled()).length);
    // The first device takes the second's settings document before the changes, so they travel alone.
    await first.syncUntilSettled();
    await makeChanges(first.db, Date.now() + HOUR);
    await row(`${CHANGES} changes: push`, async () => {
      await replicate(first.client, first.local);
      return 1;
    });
    await row(`${CHANGES} changes: pull`, async () => {
      await replicate(second.client, second.local);
      return 1;
    });
    first.db.close();
    second.db.close();
  }
}, 3_600_000);
