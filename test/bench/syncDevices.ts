import { CouchClient, type CouchTarget } from '../../src/background/sync/couch';
import { replicate, type RunReport } from '../../src/background/sync/replicate';
import { deriveProspect, type ProspectBase } from '../../src/domain/derive';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Touch } from '../../src/domain/types';
import { openTouchbaseDB, type TouchbaseDB } from '../../src/store/db';
import { updateProspect } from '../../src/store/prospects';
import { saveConnection } from '../../src/store/syncConnection';
import { logTouch } from '../../src/store/touches';
import { StoreSyncLocal } from '../../src/store/syncLocal';

/**
 * Devices for measuring sync outside the browser: the extension's own store code (IndexedDB
 * through the global `indexedDB`, fake-indexeddb in Node) and its own replicator, against
 * pouchdb-server in memory on 127.0.0.1 (test/unit/sync/couchServer.ts), started and stopped by the caller.
 */

const DAY = 86_400_000;

/** One HTTP exchange as the replicator made it, counted at its fetch. */
export interface Exchange {
  readonly method: string;
  /** The path after the database, without the query: '_changes', '_all_docs', '_bulk_docs'. */
  readonly call: string;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  /** Documents in the request body (`_bulk_docs`) and in the answer (`_changes` results, `_all_docs` rows with a document). */
  readonly docsSent: number;
  readonly docsReceived: number;
}

function countDocs(call: string, body: unknown): number {
  if (typeof body !== 'object' || body === null) return 0;
  if (call === '_bulk_docs' && Array.isArray((body as { docs?: unknown }).docs)) return (body as { docs: unknown[] }).docs.length;
  if (call === '_changes' && Array.isArray((body as { results?: unknown }).results)) return (body as { results: unknown[] }).results.length;
  if (call === '_all_docs' && Array.isArray((body as { rows?: unknown }).rows)) return (body as { rows: { doc?: unknown }[] }).rows.filter((row) => row.doc !== undefined && row.doc !== null).length;
  return 0;
}

/**
 * A fetch for CouchClient that counts what goes over the wire: bytes of the request and answer
 * bodies (HTTP headers not counted) and the documents in them.
 */
export class Meter {
  readonly exchanges: Exchange[] = [];

  readonly fetch = async (input: string, init: RequestInit): Promise<Response> => {
    const sent = typeof init.body === 'string' ? init.body : '';
    const response = await fetch(input, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const call = new URL(input).pathname.split('/').slice(2).join('/');
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON: the client reports it; nothing to count here.
    }
    this.exchanges.push({
      method: init.method ?? 'GET',
      call,
      bytesSent: new TextEncoder().encode(sent).length,
      bytesReceived: bytes.length,
      docsSent: sent === '' ? 0 : countDocs(call, JSON.parse(sent) as unknown),
      docsReceived: countDocs(call, parsed),
    });
    return new Response(bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  /** What the exchanges since `from` add up to. */
  totals(from = 0) {
    const slice = this.exchanges.slice(from);
    const sum = (pick: (exchange: Exchange) => number) => slice.reduce((total, exchange) => total + pick(exchange), 0);
    return {
      requests: slice.length,
      calls: slice.map((exchange) => `${exchange.method} ${exchange.call}`),
      bytesSent: sum((e) => e.bytesSent),
      bytesReceived: sum((e) => e.bytesReceived),
      docsSent: sum((e) => e.docsSent),
      docsReceived: sum((e) => e.docsReceived),
    };
  }
}

export interface Device {
  readonly db: TouchbaseDB;
  readonly local: StoreSyncLocal;
  readonly client: CouchClient;
  /**
   * Replication runs until one moves nothing (a run stops after 50 pages either way); their
   * reports. More than `maxRuns` is an error: a device that never settles.
   */
  syncUntilSettled(maxRuns?: number): Promise<RunReport[]>;
}

let opened = 0;

/**
 * A device with its own database, connected to `target` through the store's real connect path;
 * `before` writes what the device held before it connected.
 */
export async function connectedDevice(target: CouchTarget, meter: Meter, now: () => number, before?: (db: TouchbaseDB) => Promise<void>): Promise<Device> {
  opened += 1;
  const db = await openTouchbaseDB(`touchbase-sync-${opened}-${Math.random().toString(36).slice(2)}`);
  await before?.(db);
  const url = new URL(target.databaseUrl);
  await saveConnection(db, {
    ...target,
    permissionPattern: `${url.protocol}//${url.hostname}/*`,
    serverUrl: url.origin,
    database: url.pathname.slice(1),
  });
  const local = new StoreSyncLocal(db, now);
  const client = new CouchClient(target, meter.fetch);
  return {
    db,
    local,
    client,
    async syncUntilSettled(maxRuns = Infinity) {
      const reports: RunReport[] = [];
      while (reports.length < maxRuns) {
        const report = await replicate(client, local);
        reports.push(report);
        if (report.pulled + report.pushed === 0) return reports;
      }
      throw new Error(`still moving records after ${maxRuns} runs: ${JSON.stringify(reports.map(({ pulled, pushed }) => ({ pulled, pushed })))}`);
    },
  };
}

/**
 * Writes `count` prospects with `touchesEach` touches each straight into the store, as records
 * kept before this device first connected: connecting gives each its synced copy and queues it
 * for the push (`saveConnection` → `queueEverything`), as for a rep who turns sync on with a
 * pipeline of years. Batches of 5,000 prospects per transaction.
 */
export async function seedPipeline(db: TouchbaseDB, count: number, touchesEach: number, now: number): Promise<void> {
  for (let start = 0; start < count; start += 5_000) {
    const tx = db.transaction(['prospects', 'touches'], 'readwrite');
    for (let i = start; i < Math.min(count, start + 5_000); i += 1) {
      const lastTouch = now - ((i * 13) % 60) * DAY - DAY;
      const base: ProspectBase = {
        id: `p-${i}`, email: `p${i}@bench.test`, mailbox: 'rep@example.com', name: `Prospect ${i}`, company: `Company ${i % 700}`,
        stageId: ['new', 'contacted', 'qualified', 'proposal', 'negotiation', 'won', 'nurture'][i % 7]!, value: (i % 50) * 1000, currency: 'EUR',
        decisionMaker: 'unknown', expectedCloseDate: null, channel: 'email', cadenceDays: null, nextMeetingAt: null, snoozedUntil: null,
        notes: i % 10 === 0 ? `Met at the fair; budget review in spring (${i}).` : '', threads: [], createdAt: lastTouch - 100 * DAY, updatedAt: now - DAY,
        stageEnteredAt: lastTouch - 100 * DAY,
      };
      const touches: Touch[] = Array.from({ length: touchesEach }, (_, k) => ({
        id: `t-${i}-${k}`, prospectId: base.id, at: lastTouch - k * 5 * DAY, channel: 'email', direction: k % 3 === 2 ? 'inbound' : 'outbound', source: 'manual',
        note: k === 0 ? 'Sent the proposal' : '', createdAt: lastTouch - k * 5 * DAY,
      }));
      void tx.objectStore('prospects').put(deriveProspect(base, touches, DEFAULT_SETTINGS));
      for (const touch of touches) void tx.objectStore('touches').put(touch);
    }
    await tx.done;
  }
}

/** Records a rep's day changes on a seeded pipeline: five prospects edited, five calls logged. */
export const CHANGES = 10;

/** Makes the CHANGES through the store's own commands, each leaving one record in the outbox. */
export async function makeChanges(db: TouchbaseDB, now: number): Promise<void> {
  for (let n = 0; n < CHANGES / 2; n += 1) {
    await updateProspect(db, `p-${n}`, { company: `Renamed ${n}` }, now);
    await logTouch(db, { prospectId: `p-${n + CHANGES}`, channel: 'phone', direction: 'outbound', source: 'manual', note: `Call ${n}` }, now);
  }
}
