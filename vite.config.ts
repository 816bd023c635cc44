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
  },
  server: { port: 5173, strictPort: true },
});
