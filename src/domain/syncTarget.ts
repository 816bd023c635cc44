import { typedText as passwordText } from './inputs';
import { object, refuse, str, type Check, type Result } from './validate';

/**
 * What the rep types in Options → Sync, checked before anything is asked of the browser or sent
 * anywhere. The server must speak HTTPS, except on this computer (localhost, 127.0.0.1), where a
 * CouchDB for one person or for tests runs without a certificate.
 */

export interface SyncTarget {
  /** Server URL and database, e.g. for a CouchDB behind a path prefix, without credentials. */
  readonly databaseUrl: string;
  readonly user: string;
  readonly password: string;
  /**
   * The one origin sync may contact, as a host permission pattern. Without the port: Firefox's
   * match patterns take none, and the origin is still only that scheme and host.
   */
  readonly permissionPattern: string;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);
/** CouchDB's own rule for database names. */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

const serverUrl: Check<URL> = (value, path) => {
  const text = str({ min: 1, max: 2000 })(value, path);
  if (!text.ok) return text;
  let url: URL;
  try {
    url = new URL(text.value);
  } catch {
    return refuse(path, 'badFormat');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) return refuse(path, 'syncNeedsHttps');
  // Credentials belong in their own fields, which stay on this device; a URL is shown and logged.
  if (url.username !== '' || url.password !== '') return refuse(path, 'notAllowed');
  if (url.search !== '' || url.hash !== '') return refuse(path, 'badFormat');
  return { ok: true, value: url };
};

const syncTargetInput = object({
  serverUrl,
  database: str({ min: 1, max: 238, pattern: DATABASE_NAME }),
  user: str({ min: 1, max: 200 }),
  password: passwordText(1000),
});

export function readSyncTarget(input: unknown): Result<SyncTarget> {
  const checked = syncTargetInput(input, '');
  if (!checked.ok) return checked;
  const { serverUrl: url, database, user, password } = checked.value;
  if (password === '') return refuse('password', 'required');
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  return {
    ok: true,
    value: { databaseUrl: `${base}/${encodeURIComponent(database)}`, user, password, permissionPattern: `${url.protocol}//${url.hostname}/*` },
  };
}
