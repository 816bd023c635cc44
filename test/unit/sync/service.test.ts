import { describe, expect, it } from 'vitest';
import { createSync, type SyncDeps } from '../../../src/background/sync/service';
import { StoreError } from '../../../src/store/errors';
import { createProspect } from '../../../src/store/prospects';
import { freshDB, HOUR, NOW } from '../store/helpers';
import { emptyCouchDatabase } from './emptyCouchDatabase';

/**
 * The sync runner's contract with the rep: what Connect checks before anything is kept, what a
 * failed run records (and since when runs fail: the popup's hint after a day), and what
 * Disconnect gives back. The server is a stub here; replication itself is tested against
 * pouchdb-server in replicate.test.ts and end to end in test/e2e/sync.test.ts.
 */

const PASSWORD = 'tr0ub4dor&3';
const REQUEST = { serverUrl: 'http://127.0.0.1:5984', database: 'pipeline', user: 'ana', password: PASSWORD };

async function setup(granted = true) {
  const db = await freshDB();
  const effects = { removed: [] as string[], scheduled: [] as boolean[], logged: [] as string[], online: true, now: NOW };
  const deps: SyncDeps = {
    db: async () => db,
    now: () => effects.now,
    hasPermission: async (pattern) => granted && pattern === 'http://127.0.0.1/*',
    removePermission: async (pattern) => void effects.removed.push(pattern),
    schedule: async (on) => void effects.scheduled.push(on),
    afterPull: async () => undefined,
    log: (message) => void effects.logged.push(message),
    fetch: (url, init) => (effects.online ? emptyCouchDatabase(url, init) : Promise.reject(new TypeError('Failed to fetch'))),
  };
  return { db, effects, sync: createSync(deps) };
}

describe('the sync runner', () => {
  it('refuses to connect without the browser’s permission for that origin, keeping nothing', async () => {
    const { sync, effects } = await setup(false);
    await expect(sync.connect(REQUEST)).rejects.toMatchObject({ problem: { key: 'syncNoPermission' } });
    expect((await sync.status()).connected).toBe(false);
    expect(effects.scheduled).toEqual([]);
  });

  it('refuses a plain-HTTP server elsewhere than this computer, naming the field', async () => {
    const { sync } = await setup();
    const refusal = await sync.connect({ ...REQUEST, serverUrl: 'http://couch.example.com' }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(StoreError);
    expect((refusal as StoreError).problem).toMatchObject({ key: 'syncNeedsHttps', path: 'serverUrl' });
  });

  it('connects, pushes what was stored before, and records the run; the password is in no answer and no log', async () => {
    const { db, sync, effects } = await setup();
    await createProspect(db, { email: 'ann@acme.test', mailbox: 'rep@example.com' }, NOW - HOUR);
    const status = await sync.connect(REQUEST);
    expect(status).toEqual({
      connected: true, serverUrl: REQUEST.serverUrl, database: 'pipeline', user: 'ana', waiting: 0, lastSyncAt: NOW, failingSince: null, lastError: null, refused: [],
    });
    expect(effects.scheduled).toEqual([true]);
    expect(JSON.stringify([status, effects.logged])).not.toContain(PASSWORD);
  });

  it('records since when runs fail, keeps that moment through later failures, and clears it on success', async () => {
    const { db, sync, effects } = await setup();
    await sync.connect(REQUEST);
    effects.online = false;
    await createProspect(db, { email: 'bo@beta.test', mailbox: 'rep@example.com' }, NOW);
    effects.now = NOW + HOUR;
    expect(await sync.run()).toMatchObject({ lastError: { key: 'syncOffline' }, failingSince: NOW + HOUR, lastSyncAt: NOW, waiting: 1 });
    effects.now = NOW + 30 * HOUR;
    expect(await sync.run()).toMatchObject({ lastError: { key: 'syncOffline' }, failingSince: NOW + HOUR, waiting: 1 });
    effects.online = true;
    effects.now = NOW + 31 * HOUR;
    expect(await sync.run()).toMatchObject({ lastError: null, failingSince: null, lastSyncAt: NOW + 31 * HOUR, waiting: 0 });
  });

  it('disconnects: forgets the connection and its password, stops the alarm, gives the permission back, keeps the data', async () => {
    const { db, sync, effects } = await setup();
    await sync.connect(REQUEST);
    await createProspect(db, { email: 'cy@gamma.test', mailbox: 'rep@example.com' }, NOW);
    expect((await sync.disconnect()).connected).toBe(false);
    expect(effects.scheduled).toEqual([true, false]);
    expect(effects.removed).toEqual(['http://127.0.0.1/*']);
    expect(await db.count('prospects')).toBe(1);
    expect(JSON.stringify(await db.getAll('sync'))).not.toContain(PASSWORD);
  });
});
