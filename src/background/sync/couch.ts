import { isPlainObject } from '../../domain/validate';

/**
 * CouchDB's documented HTTP API, the few calls replication needs, over fetch: no socket left
 * open, so a run fits a service worker or an event page that may stop between two runs.
 * Every answer is checked for shape before use; a server that answers garbage is an error
 * state, never data.
 */

export interface CouchTarget {
  /** The database URL, server origin and database name (no credentials in it). */
  readonly databaseUrl: string;
  readonly user: string;
  readonly password: string;
}

export type CouchFailure = 'offline' | 'unauthorized' | 'forbidden' | 'notFound' | 'server' | 'badAnswer';

export class CouchError extends Error {
  constructor(
    readonly failure: CouchFailure,
    readonly status: number | null,
  ) {
    super(`CouchDB ${failure}${status === null ? '' : ` (HTTP ${status})`}`);
  }
}

export interface Change {
  readonly id: string;
  readonly doc: unknown;
}

export interface ChangesPage {
  readonly changes: readonly Change[];
  readonly lastSeq: string;
}

export type WriteOutcome = { readonly id: string; readonly rev: string } | { readonly id: string; readonly conflict: true } | { readonly id: string; readonly refused: string };

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function failureFor(status: number): CouchFailure {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  return 'server';
}

export class CouchClient {
  constructor(
    private readonly target: CouchTarget,
    private readonly fetchFn: Fetch = (input, init) => fetch(input, init),
  ) {}

  private async request(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      Authorization: `Basic ${btoa(`${this.target.user}:${this.target.password}`)}`,
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetchFn(`${this.target.databaseUrl.replace(/\/+$/, '')}/${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'error',
      });
    } catch {
      throw new CouchError('offline', null);
    }
    if (!response.ok) throw new CouchError(failureFor(response.status), response.status);
    try {
      return (await response.json()) as unknown;
    } catch {
      throw new CouchError('badAnswer', response.status);
    }
  }

  /** The database exists and these credentials may read it. */
  async check(): Promise<void> {
    const info = await this.request('GET', '');
    if (!isPlainObject(info) || typeof info['db_name'] !== 'string') throw new CouchError('badAnswer', null);
  }

  /** Up to `limit` changed documents after `since` ('0' from the start), with their bodies. */
  async changes(since: string, limit: number): Promise<ChangesPage> {
    const query = `_changes?include_docs=true&style=main_only&limit=${limit}&since=${encodeURIComponent(since)}`;
    const answer = await this.request('GET', query);
    if (!isPlainObject(answer) || !Array.isArray(answer['results'])) throw new CouchError('badAnswer', null);
    const lastSeq = answer['last_seq'];
    if (typeof lastSeq !== 'string' && typeof lastSeq !== 'number') throw new CouchError('badAnswer', null);
    const changes: Change[] = [];
    for (const row of answer['results'] as unknown[]) {
      if (!isPlainObject(row) || typeof row['id'] !== 'string') throw new CouchError('badAnswer', null);
      changes.push({ id: row['id'], doc: row['doc'] });
    }
    return { changes, lastSeq: String(lastSeq) };
  }

  /** The current body and revision of each id; absent ids are missing from the map. */
  async read(ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
    const answer = await this.request('POST', '_all_docs?include_docs=true', { keys: ids });
    if (!isPlainObject(answer) || !Array.isArray(answer['rows'])) throw new CouchError('badAnswer', null);
    const docs = new Map<string, Record<string, unknown>>();
    for (const row of answer['rows'] as unknown[]) {
      // Every row names the key it answers (an absent one comes back as an error row with its key).
      if (!isPlainObject(row) || typeof row['key'] !== 'string') throw new CouchError('badAnswer', null);
      const doc = row['doc'];
      if (isPlainObject(doc)) docs.set(row['key'], doc);
    }
    return docs;
  }

  /** Writes in one request; each document succeeds, conflicts (someone wrote first) or is refused. */
  async write(docs: readonly Record<string, unknown>[]): Promise<WriteOutcome[]> {
    const answer = await this.request('POST', '_bulk_docs', { docs });
    if (!Array.isArray(answer)) throw new CouchError('badAnswer', null);
    return answer.map((row: unknown): WriteOutcome => {
      if (!isPlainObject(row) || typeof row['id'] !== 'string') throw new CouchError('badAnswer', null);
      if (typeof row['rev'] === 'string' && row['error'] === undefined) return { id: row['id'], rev: row['rev'] };
      if (row['error'] === 'conflict') return { id: row['id'], conflict: true };
      return { id: row['id'], refused: typeof row['error'] === 'string' ? row['error'] : 'unknown' };
    });
  }
}
