import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../../scripts/chromium.mjs';
import { sleep } from './extension';
import { expectedAfterV2, generateV1 } from '../unit/store/v1-generator';

/**
 * The released upgrade path in the browser that ships it: a profile holding a v1 store, then a
 * browser start, where the built service worker opens the store at its first turn (index.ts
 * reconciles at the top level) and upgrades it in Chromium's own IndexedDB. The 10,000/100,000
 * case runs in test/unit/store/upgrade-scale.test.ts: here every record crosses the DevTools
 * protocol twice, which at that size takes minutes on a two-core machine.
 *
 * The v1 store must exist before the real worker ever runs: the worker opens the store at its first
 * turn and again on every alarm or message, so a store made under a running worker can be
 * re-created at the current version between the test's steps. The profile is therefore prepared
 * with a copy of the build whose worker does nothing; an unpacked extension's id comes from its
 * folder, so once the real worker is put back in the same folder (and the profile's copy of the
 * registered worker is dropped), the restarted browser runs it on the same origin and IndexedDB.
 */
const PROSPECTS = 1_000;
const TOUCHES = 10_000;
// Due dates 30 to 90 days ahead: no reminder falls due, so the worker's first run writes nothing
// and every record must come back exactly as the migration left it.
const fixture = generateV1(PROSPECTS, TOUCHES, { anchor: Date.now() + 60 * 86_400_000 });
const upgraded = fixture.prospects.map(expectedAfterV2);

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;
let browser: Launched | undefined;
let preparedDist: string | undefined;
afterAll(async () => {
  await browser?.close();
  if (preparedDist) rmSync(preparedDist, { recursive: true, force: true });
});

/** An extension page that does not open the store itself (the popup would). */
async function blankExtensionPage(launched: Launched): Promise<Page> {
  const page = await launched.context.newPage();
  await page.goto(launched.extensionUrl('manifest.json'));
  return page;
}

/** Creates the store at schema v1 exactly as released (see test/unit/store/v1.ts). */
function createV1(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchbase', 1);
        open.onerror = () => reject(open.error);
        open.onupgradeneeded = () => {
          const db = open.result;
          const p = db.createObjectStore('prospects', { keyPath: 'id' });
          p.createIndex('byEmail', 'email');
          p.createIndex('byMailboxEmail', ['mailbox', 'email'], { unique: true });
          p.createIndex('byDueAt', 'dueAt');
          p.createIndex('byStage', 'stageId');
          p.createIndex('byThreadId', 'threadIds', { multiEntry: true });
          const t = db.createObjectStore('touches', { keyPath: 'id' });
          t.createIndex('byProspectAt', ['prospectId', 'at']);
          t.createIndex('byMessageId', 'messageId', { unique: true });
          db.createObjectStore('settings');
        };
        open.onsuccess = () => {
          const version = open.result.version;
          open.result.close();
          if (version === 1) resolve();
          else reject(new Error(`the store already existed at version ${version}: something opened it before the test`));
        };
      }),
  );
}

/** Writes one batch in one transaction with raw IndexedDB, as v1 left its records. */
function writeBatch(page: Page, store: 'prospects' | 'touches', records: readonly object[]): Promise<void> {
  return page.evaluate(
    ({ store: name, records: batch }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchbase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(name, 'readwrite');
          for (const record of batch) tx.objectStore(name).put(record);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, records },
  );
}

/** Version, indexes, records and pending reminders, once the store has left version 1. */
function readUpgraded(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{ version: number; stores: string[]; indexes: string[]; touchIndexes: string[]; prospects: { id: string }[]; touches: { id: string }[]; remindKeys: string[]; messageKeys: string[] }>((resolve, reject) => {
        const open = indexedDB.open('touchbase');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (db.version === 1) return db.close(), resolve({ version: 1, stores: [], indexes: [], touchIndexes: [], prospects: [], touches: [], remindKeys: [], messageKeys: [] });
          const tx = db.transaction(['prospects', 'touches']);
          const prospects = tx.objectStore('prospects');
          const [p, t] = [prospects.getAll(), tx.objectStore('touches').getAll()];
          const remind = prospects.index('byRemindAt').getAllKeys();
          const touchStore = tx.objectStore('touches');
          const messages = touchStore.indexNames.contains('byMessageProspect') ? touchStore.index('byMessageProspect').getAllKeys() : null;
          tx.oncomplete = () => {
            db.close();
            resolve({
              version: db.version, stores: [...db.objectStoreNames].sort(), indexes: [...prospects.indexNames].sort(), touchIndexes: [...touchStore.indexNames].sort(), prospects: p.result, touches: t.result,
              remindKeys: remind.result as string[], messageKeys: (messages?.result ?? []) as string[],
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

function mismatches(actual: readonly { id: string }[], expected: readonly { id: string }[]): string[] {
  const byId = new Map(actual.map((record) => [record.id, record]));
  return expected.filter((record) => !isDeepStrictEqual(byId.get(record.id), record)).map((record) => record.id);
}

describe('schema upgrade in real Chromium', () => {
  it(`upgrades a v1 profile of ${PROSPECTS} prospects and ${TOUCHES} touches at worker start, every record intact`, async () => {
    const dist = (preparedDist = mkdtempSync(join(tmpdir(), 'touchbase-upgrade-dist-')));
    cpSync(resolve(process.env.TOUCHBASE_DIST ?? 'dist/chrome'), dist, { recursive: true });
    const workerLoader = join(dist, 'service-worker-loader.js');
    const realWorker = readFileSync(workerLoader, 'utf8');
    writeFileSync(workerLoader, '// does nothing: the profile is being prepared\n');
    const first = await launchWithExtension({ dist });
    browser = first;
    const page = await blankExtensionPage(first);
    await createV1(page);
    for (let i = 0; i < PROSPECTS; i += 500) await writeBatch(page, 'prospects', fixture.prospects.slice(i, i + 500));
    for (let i = 0; i < TOUCHES; i += 5_000) await writeBatch(page, 'touches', fixture.touches.slice(i, i + 5_000));
    // Still version 1: only the restarted worker may upgrade it.
    expect((await readUpgraded(page)).version).toBe(1);
    await first.close();

    writeFileSync(workerLoader, realWorker);
    // Chromium keeps the registered worker script in the profile; without it, the real one is registered.
    rmSync(join(first.profile, 'Default', 'Service Worker'), { recursive: true, force: true });
    browser = await launchWithExtension({ dist, profile: first.profile });
    const again = await blankExtensionPage(browser);
    let state = await readUpgraded(again);
    for (let tries = 0; state.version === 1 && tries < 100; tries += 1) state = await sleep(200).then(() => readUpgraded(again));

    expect(state.version).toBe(4);
    // v4: the sync stores beside the records; no record changes (checked below).
    expect(state.stores).toEqual(['outbox', 'prospects', 'settings', 'sync', 'syncPending', 'syncProspects', 'touches']);
    expect(state.indexes).toEqual(['byDueAt', 'byEmail', 'byMailboxEmail', 'byRemindAt', 'byStage', 'byThreadId']);
    expect(state.touchIndexes).toEqual(['byMessageProspect', 'byProspectAt']);
    expect([state.prospects.length, state.touches.length]).toEqual([PROSPECTS, TOUCHES]);
    expect(mismatches(state.prospects, upgraded).slice(0, 5)).toEqual([]);
    expect(mismatches(state.touches, fixture.touches).slice(0, 5)).toEqual([]);
    const pending = upgraded.filter((p) => p.remindAt !== undefined).sort((a, b) => Number(a.remindAt) - Number(b.remindAt) || (a.id < b.id ? -1 : 1));
    expect(state.remindKeys).toEqual(pending.map((p) => p.id));
    // v3: one entry per touch that carries a Gmail message, ordered by (message id, prospect id), then touch id.
    const withMessage = fixture.touches.filter((t) => t.messageId !== undefined);
    const order = (a: (typeof withMessage)[number], b: (typeof withMessage)[number]) =>
      a.messageId! < b.messageId! ? -1 : a.messageId! > b.messageId! ? 1 : a.prospectId < b.prospectId ? -1 : a.prospectId > b.prospectId ? 1 : a.id < b.id ? -1 : 1;
    expect(state.messageKeys).toEqual([...withMessage].sort(order).map((t) => t.id));
  }, 60_000);
});
