import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { CouchTarget } from '../../../src/background/sync/couch';

/**
 * A CouchDB-protocol server for the sync tests, the sync bench and the browser sync tests:
 * `pouchdb-server --in-memory` on 127.0.0.1, on a free port, with one user who is a member of
 * every database it creates. Started and stopped by the file that uses it; nothing outlives it.
 */

export const COUCH_USER = 'ana';
export const COUCH_PASSWORD = 'correct horse';

export interface CouchServer {
  readonly origin: string;
  /** A new, empty database the user may read and write (named in order when no name is given). */
  newDatabase(name?: string): Promise<CouchTarget>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address !== null ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

async function untilServing(child: ChildProcess, url: string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // Not listening yet: the next attempt follows the event loop's next turn.
    }
    await new Promise((done) => setTimeout(done, 100));
  }
}

export async function startCouchServer({ user = COUCH_USER, password = COUCH_PASSWORD } = {}): Promise<CouchServer> {
  // pouchdb-server writes its config and log to its working folder: a temporary one, removed at stop.
  const folder = mkdtempSync(join(tmpdir(), 'touchbase-couch-'));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const bin = resolve('node_modules/pouchdb-server/bin/pouchdb-server');
  const child: ChildProcess = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: folder, stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    await untilServing(child, `${origin}/`);
    const created = await fetch(`${origin}/_users/org.couchdb.user:${user}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: user, password, roles: [], type: 'user' }),
    });
    if (!created.ok) throw new Error(`pouchdb-server refused the test user: HTTP ${created.status}`);
  } catch (error) {
    await stop();
    throw error;
  }

  let databases = 0;
  return {
    origin,
    async newDatabase(name) {
      databases += 1;
      const databaseUrl = `${origin}/${name ?? `pipeline-${databases}`}`;
      const made = await fetch(databaseUrl, { method: 'PUT' });
      if (!made.ok) throw new Error(`pouchdb-server refused a new database: HTTP ${made.status}`);
      return { databaseUrl, user, password };
    },
    stop,
  };
}
