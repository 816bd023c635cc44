// Finds Chromium and launches it with a built Touchbase extension loaded. Shared by `npm start`,
// the end-to-end tests and the benches, so all three run the extension the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const CANDIDATES = [
  '/usr/lib/chromium/chromium', // Debian's real binary (/usr/bin/chromium is a wrapper script)
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** CHROMIUM_PATH, Debian's Chromium, or an installed Chrome; null when there is none. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/**
 * Returns a Chromium path, installing Debian's package when it is missing and we are root with
 * apt; otherwise stops with the command to run.
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Chromium not found: installing Debian package "chromium" (about 40 s)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(
    'Chromium was not found. Install it with `sudo apt-get install -y chromium` (Debian/Ubuntu), ' +
      'or point CHROMIUM_PATH at a Chrome or Chromium binary.',
  );
}

/** Flags for a quiet, offline, reproducible browser (no sync, no updates, no QUIC). */
export function chromiumArgs(dist, { headless = true } = {}) {
  return [
    ...(headless ? ['--headless=new'] : []),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    `--disable-extensions-except=${dist}`,
    `--load-extension=${dist}`,
  ];
}

/**
 * Launches a persistent profile with the extension and waits for its service worker.
 * @param {{ dist?: string, profile?: string, headless?: boolean, viewport?: {width:number,height:number} | null, lang?: string }} [options]
 */
export async function launchWithExtension(options = {}) {
  // TOUCHBASE_DIST points the tests at another build (e.g. a copy kept stable during a rebuild).
  const dist = resolve(options.dist ?? process.env.TOUCHBASE_DIST ?? 'dist/chrome');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run \`npm run build\` first`);
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'touchbase-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    // Playwright's own headless switch is off: --headless=new in args is the mode that runs extensions.
    headless: false,
    // --lang picks the _locales file chrome.i18n answers from (the rep's browser language).
    args: [...chromiumArgs(dist, { headless: options.headless ?? true }), ...(options.lang ? [`--lang=${options.lang}`] : [])],
    viewport: options.viewport === undefined ? { width: 1280, height: 800 } : options.viewport,
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    profile,
    extensionId,
    extensionUrl: (path) => `chrome-extension://${extensionId}/${path}`,
    close: () => context.close(),
  };
}
