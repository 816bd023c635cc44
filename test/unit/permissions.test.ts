import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * What the extension may reach, pinned. The README (Install) says: permissions `alarms`,
 * `notifications` and the host `https://mail.google.com/*` at install, the sync server's origin only
 * as an optional host permission; no remote code; least privilege (docs/architecture.md). (The data lives in IndexedDB, which needs no permission; no `storage` API
 * is called, so that permission is not asked for.)
 * Every way a manifest grants access (API permissions, hosts, optional ones, content-script and
 * web-accessible matches, external connections, CSP) is compared with the list below, in the source
 * manifest and in both builds, so a new permission or host anywhere fails here first.
 */
const GMAIL = 'https://mail.google.com/*';
const EXPECTED = {
  permissions: ['alarms', 'notifications'],
  host_permissions: [GMAIL],
  optional_permissions: [],
  // Sync: asked for at Connect, for the one origin the rep typed (HTTPS, or this computer); none at install.
  optional_host_permissions: ['http://127.0.0.1/*', 'http://localhost/*', 'https://*/*'],
  content_script_matches: [GMAIL],
  // The build exposes the content script's own chunks to Gmail (it loads them by URL), nothing else.
  web_accessible_matches: [GMAIL],
  // Absent: no web page and no other extension may message us.
  externally_connectable: null,
  // Absent: MV3's default `script-src 'self'; object-src 'self'`, i.e. no remote script, no eval.
  content_security_policy: null,
};
const EXPECTED_SOURCE = { ...EXPECTED, web_accessible_matches: [] };

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches?: string[]; exclude_matches?: string[]; js?: string[] }[];
  web_accessible_resources?: { matches?: string[]; extension_ids?: string[]; resources: string[] }[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  browser_specific_settings?: { gecko?: { data_collection_permissions?: unknown } };
}

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Manifest;
const sorted = (list: Iterable<string> | undefined) => [...(list ?? [])].sort();

/** Everything a manifest grants, normalised: absent lists are empty, order does not matter. */
function grants(manifest: Manifest) {
  const war = manifest.web_accessible_resources ?? [];
  return {
    permissions: sorted(manifest.permissions),
    host_permissions: sorted(manifest.host_permissions),
    optional_permissions: sorted(manifest.optional_permissions),
    optional_host_permissions: sorted(manifest.optional_host_permissions),
    content_script_matches: sorted(new Set(manifest.content_scripts?.flatMap((script) => script.matches ?? []))),
    web_accessible_matches: sorted(new Set(war.flatMap((entry) => [...(entry.matches ?? []), ...(entry.extension_ids ?? [])]))),
    externally_connectable: manifest.externally_connectable ?? null,
    content_security_policy: manifest.content_security_policy ?? null,
  };
}

/** The chunks a content-script loader imports by extension URL, and everything they import in turn. */
function contentChunks(dist: string, manifest: Manifest): string[] {
  const pending = (manifest.content_scripts ?? []).flatMap((script) => script.js ?? []).flatMap((loader) =>
    [...readFileSync(join(dist, loader), 'utf8').matchAll(/runtime\.getURL\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1] as string),
  );
  const found = new Set<string>();
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (found.has(file)) continue;
    found.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([\w.-]+\.js)["']/g)) pending.push(join(file, '..', m[1] as string));
  }
  return sorted(found);
}

/** Network APIs, and dynamic imports of anything but a relative module (a URL can hide in a variable). */
const NETWORK: readonly [string, RegExp][] = [
  ['fetch(', /\bfetch\s*\(/],
  ['XMLHttpRequest', /\bXMLHttpRequest\b/],
  ['WebSocket', /\bWebSocket\b/],
  ['EventSource', /\bEventSource\b/],
  ['navigator.sendBeacon', /\bsendBeacon\b/],
  ['importScripts', /\bimportScripts\b/],
  ['dynamic import(', /\bimport\s*\(\s*(?!["'`]\.\.?\/)/],
];

function networkCalls(file: string, code: string, allowed: RegExp | null = null): string[] {
  return NETWORK.filter(([, pattern]) => [...code.matchAll(new RegExp(pattern, 'g'))].some((m) => !allowed?.test(code.slice(m.index))))
    .map(([name]) => `${file}: ${name}`);
}

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => ext.test(f)).map((f) => join(dir, f));
}

describe('manifest permissions', () => {
  it('the source manifest grants exactly what the design lists', () => {
    expect(grants(readJson('manifest.json'))).toEqual(EXPECTED_SOURCE);
  });

  it.each([
    ['a permission', { permissions: ['alarms', 'notifications', 'tabs'] }],
    ['the storage permission back', { permissions: ['storage', 'alarms', 'notifications'] }],
    ['a host', { host_permissions: [GMAIL, 'https://*.google.com/*'] }],
    ['an optional permission', { optional_permissions: ['downloads'] }],
    ['an optional host', { optional_host_permissions: ['<all_urls>'] }],
    ['a content-script site', { content_scripts: [{ matches: [GMAIL] }, { matches: ['https://outlook.live.com/*'] }] }],
    ['a web-accessible site', { web_accessible_resources: [{ matches: ['<all_urls>'], resources: ['icons/*'] }] }],
    ['an external connection', { externally_connectable: { matches: ['https://example.com/*'] } }],
    ['a CSP', { content_security_policy: { extension_pages: "script-src 'self' 'unsafe-eval' https://cdn.example.com" } }],
  ])('fails when %s is added', (_what, change) => {
    expect(grants({ ...readJson('manifest.json'), ...change })).not.toEqual(EXPECTED_SOURCE);
  });

  for (const target of ['chrome', 'firefox'] as const) {
    const dist = join('dist', target);
    const built = existsSync(join(dist, 'manifest.json'));
    describe.skipIf(!built)(`the ${target} build${built ? '' : ` (skipped: ${dist}/manifest.json missing; run npm run build)`}`, () => {
      it('grants exactly what the design lists', () => {
        expect(grants(readJson(join(dist, 'manifest.json')))).toEqual(EXPECTED);
      });

      it('exposes only the content script’s own chunks to Gmail', () => {
        const manifest = readJson(join(dist, 'manifest.json'));
        const exposed = sorted(manifest.web_accessible_resources?.flatMap((entry) => entry.resources));
        expect(exposed.length).toBeGreaterThan(0);
        expect(exposed).toEqual(contentChunks(dist, manifest));
      });

      it('declares no data collection (Firefox)', () => {
        const gecko = readJson(join(dist, 'manifest.json')).browser_specific_settings?.gecko;
        expect(gecko?.data_collection_permissions).toEqual(target === 'firefox' ? { required: ['none'] } : undefined);
      });

      it('ships no network call, its dependencies included', () => {
        // The one dynamic import allowed: the content-script loader importing its own chunk by extension URL.
        const ownChunk = /^import\s*\(\s*(?:\/\*[^*]*\*\/\s*)?chrome\.runtime\.getURL\(/;
        // And Papa Parse's NetworkStreamer, reachable only through `Papa.parse(url, { download: true })`;
        // Touchbase parses text it was handed (see the source test below), never a URL.
        const papaNetworkStreamer = /^XMLHttpRequest,this\._config\.withCredentials/;
        const allowed = new RegExp(`${ownChunk.source}|${papaNetworkStreamer.source}`);
        const files = filesUnder(dist, /\.js$/);
        const calls = files.flatMap((file) => networkCalls(file, readFileSync(file, 'utf8'), allowed));
        // The one exception: the sync client (src/background/sync/couch.ts) in the background's own
        // chunk, which talks only to the CouchDB the rep connected, once the rep granted its origin.
        const syncClient = files.filter((file) => readFileSync(file, 'utf8').includes('_bulk_docs'));
        expect(syncClient).toHaveLength(1);
        expect(syncClient[0]).not.toMatch(/content/);
        expect(calls).toEqual([`${syncClient[0]}: fetch(`]);
      });
    });
  }
});

describe('APIs used and permissions held', () => {
  /**
   * Extension APIs that need a manifest permission, by the namespace the code calls. (`tabs`
   * is not among them: querying, opening and navigating tabs needs none, and the Gmail tabs'
   * titles and URLs come with the Gmail host permission.)
   */
  const GATED: Record<string, string> = { storage: 'storage', alarms: 'alarms', notifications: 'notifications', cookies: 'cookies', downloads: 'downloads', history: 'history', bookmarks: 'bookmarks' };
  const used = (code: string) => [...code.matchAll(/\b(?:browser|chrome)\.(\w+)\./g)].map((m) => m[1] as string).filter((name) => name in GATED);

  it('every gated API the source calls is a permission it holds, and every permission held is called', () => {
    const calls = new Set(filesUnder('src', /\.(ts|tsx)$/).flatMap((file) => used(readFileSync(file, 'utf8'))));
    const needed = sorted([...calls].map((name) => GATED[name]!));
    expect(needed).toEqual(EXPECTED.permissions);
  });

  it('the check sees a storage call', () => {
    expect(used('await browser.storage.local.get("x"); chrome.alarms.create("a", {})')).toEqual(['storage', 'alarms']);
  });
});

describe('no network access in the source', () => {
  it('calls no network API and imports nothing by URL', () => {
    const calls = filesUnder('src', /\.(ts|tsx|html)$/).flatMap((file) => networkCalls(file, readFileSync(file, 'utf8')));
    // The one exception: the sync client, which talks only to the CouchDB the rep connects.
    expect(calls).toEqual([`${join('src', 'background', 'sync', 'couch.ts')}: fetch(`]);
  });

  it('never asks Papa Parse to download (its only network path)', () => {
    const uses = filesUnder('src', /\.(ts|tsx)$/).filter((file) => /papaparse/.test(readFileSync(file, 'utf8')));
    expect(uses).toEqual([join('src', 'domain', 'csv.ts')]);
    const code = readFileSync(join('src', 'domain', 'csv.ts'), 'utf8');
    expect(code).not.toMatch(/\bdownload\b|\bworker\s*:/);
    // One parse call, of the text handed in (a URL string would need `download` to be fetched).
    expect(code.match(/Papa\.parse(?:<[^>]*>)?\(\w+/g)).toEqual(['Papa.parse<string[]>(text']);
  });

  it('names no site but Gmail', () => {
    const urls = filesUnder('src', /\.(ts|tsx|html|css)$/).flatMap((file) => readFileSync(file, 'utf8').match(/\bhttps?:\/\/[^/"'`\s)]*/g) ?? []);
    expect(new Set(urls)).toEqual(new Set(['https://mail.google.com']));
  });

  it.each([
    "await fetch('https://api.example.com')",
    'const x = new XMLHttpRequest()',
    'new WebSocket(url)',
    'new EventSource("/s")',
    'navigator.sendBeacon(u, body)',
    "importScripts('https://cdn.example.com/a.js')",
    "await import('https://cdn.example.com/a.js')",
    'await import(/* @vite-ignore */ url)',
  ])('the check catches %s', (code) => {
    expect(networkCalls('sample.ts', code)).toHaveLength(1);
  });

  it('the check lets relative dynamic imports and unrelated words through', () => {
    expect(networkCalls('sample.ts', "const m = await import('./popup/lazy');\nprefetchRows();\nconst eventSources = [];")).toEqual([]);
  });
});
