import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { freePort, startCouchServer, type CouchServer } from '../unit/sync/couchServer';

/**
 * A CouchDB-protocol server for the sync tests: pouchdb-server in memory on 127.0.0.1, started
 * and stopped by the test, behind a small forwarding server the test controls. The extension
 * talks to the forwarding server's port: closing it is the server going away (connections
 * refused), listening again is the server coming back with its data, and a held request is a
 * run caught in the middle of a batch.
 */

interface Held {
  readonly path: string;
  /** Forwards it: the server stores the batch (the answer may find nobody listening). */
  release(): void;
  /** Cuts it: the server never sees the batch. */
  drop(): void;
}

export class SyncServer {
  private couch: CouchServer | undefined;
  private proxy: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private couchOrigin = '';
  private holdNext: ((path: string) => boolean) | null = null;
  private heldWaiters: ((held: Held) => void)[] = [];
  /** Every request the extension made, by method and path (no query): the test's positive signals. */
  readonly requests: string[] = [];
  port = 0;

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(user: string, password: string, database: string): Promise<void> {
    this.couch = await startCouchServer({ user, password });
    this.couchOrigin = this.couch.origin;
    await this.couch.newDatabase(database);
    this.port = await freePort();
    await this.listen();
  }

  /** The server comes back on the same port, with the same data. */
  listen(): Promise<void> {
    this.proxy = createServer((req, res) => this.forward(req, res));
    this.proxy.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
    return new Promise((done) => this.proxy!.listen(this.port, '127.0.0.1', () => done()));
  }

  /** The server goes away: open connections are cut and new ones refused. */
  async close(): Promise<void> {
    const proxy = this.proxy;
    if (proxy === undefined) return;
    this.proxy = undefined;
    const closed = new Promise((done) => proxy.close(done));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** The next request whose path matches is held (not forwarded) until released. */
  holdNextRequest(matches: (path: string) => boolean): Promise<Held> {
    this.holdNext = matches;
    return new Promise((done) => this.heldWaiters.push(done));
  }

  /** What the database holds, read directly (not through the extension's port). */
  async documents(database: string): Promise<{ id: string; doc: Record<string, unknown> }[]> {
    const answer = (await (await fetch(`${this.couchOrigin}/${database}/_all_docs?include_docs=true`)).json()) as { rows: { id: string; doc: Record<string, unknown> }[] };
    return answer.rows.map(({ id, doc }) => ({ id, doc }));
  }

  async stop(): Promise<void> {
    await this.close();
    await this.couch?.stop();
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '').split('?')[0]!;
    this.requests.push(`${req.method ?? ''} ${path}`);
    const send = () => {
      const upstream = request(`${this.couchOrigin}${req.url ?? ''}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (this.holdNext?.(path)) {
      this.holdNext = null;
      req.pause();
      const held: Held = { path, release: send, drop: () => res.destroy() };
      for (const waiter of this.heldWaiters.splice(0)) waiter(held);
      return;
    }
    send();
  }
}
