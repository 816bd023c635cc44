import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * One source, two builds: `TOUCHBASE_TARGET=chrome` (MV3 service worker) or `firefox`
 * (background scripts, gecko id, data-collection declaration). scripts/build.mjs runs both.
 */
type Target = 'chrome' | 'firefox';
const target: Target = process.env.TOUCHBASE_TARGET === 'firefox' ? 'firefox' : 'chrome';

/** Stable add-on id: Firefox keys the extension's storage (and so the rep's data) on it. */
export const GECKO_ID = 'touchbase@touchbase.app';

function manifestFor(browser: Target): ManifestV3Export {
  if (browser === 'chrome') return baseManifest as ManifestV3Export;
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = baseManifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: background.type },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        // Firefox 140 is the first to understand data_collection_permissions.
        strict_min_version: '140.0',
        data_collection_permissions: { required: ['none'] },
      },
      // Firefox for Android learnt data_collection_permissions in 142 (addons-linter warns otherwise).
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

const CONTENT_ENTRY = '/src/content/index.ts';

/** What the bundler tells of a module, as far as the chunking below reads it. */
interface ModuleGraph {
  getModuleInfo(id: string): { isEntry: boolean; importers: readonly string[]; dynamicImporters: readonly string[] } | null;
}

/**
 * Code a Gmail tab shares with the popup or the background goes into ONE chunk. Left to itself,
 * the bundler cuts a chunk per set of entries that share a module: six small files for the content
 * script to fetch at every Gmail load, each gzipped apart (the content-script byte budget counts
 * each file). Everything else keeps the bundler's own chunking.
 */
const sharedWithGmailTab = (id: string, { getModuleInfo }: ModuleGraph): string | undefined => {
  // The entries a module is reached from, following its importers up.
  const entriesOf = (start: string): Set<string> => {
    const entries = new Set<string>();
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length > 0) {
      const current = queue.pop()!;
      if (seen.has(current)) continue;
      seen.add(current);
      const info = getModuleInfo(current);
      if (!info) continue;
      if (info.isEntry) entries.add(current);
      queue.push(...info.importers, ...info.dynamicImporters);
    }
    return entries;
  };
  const entries = [...entriesOf(id)];
  const inContent = entries.some((entry) => entry.endsWith(CONTENT_ENTRY));
  return inContent && entries.some((entry) => !entry.endsWith(CONTENT_ENTRY)) ? 'shared' : undefined;
};

export default defineConfig({
  plugins: [crx({ manifest: manifestFor(target), browser: target })],
  build: {
    // TOUCHBASE_OUT builds elsewhere (a private copy for a test run while dist/ is rebuilt).
    outDir: process.env.TOUCHBASE_OUT ?? `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    // Readable stack traces for reps' bug reports cost nothing at runtime.
    sourcemap: false,
    modulePreload: false,
    // Terser's two passes pack the content script (loaded by every Gmail tab, within a 15 KB gzip
    // budget) about 3% tighter than the default minifier.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, module: true },
    rollupOptions: {
      output: { manualChunks: sharedWithGmailTab },
      // Terser runs as a JavaScript plugin: the bundler's note that plugins took most of the build
      // time says only that.
      checks: { pluginTimings: false },
    },
  },
  server: { port: 5173, strictPort: true },
});
