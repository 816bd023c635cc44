// Finds Firefox ESR (the current one and the oldest the manifest accepts, 140) and launches it with
// the Firefox build installed as a temporary add-on, over WebDriver BiDi (puppeteer-core, no
// browser download). Used by the Firefox end-to-end tests and `npm test`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

/** The versions the suite runs against: the manifest's strict_min_version and Debian's current ESR. */
export const FIREFOX_VERSIONS = /** @type {const} */ (['140', 'current']);
/** Debian bookworm's build of ESR 140, unpacked beside the installed ESR (they share its libraries). */
const ESR_140_PACKAGE = 'firefox-esr=140.12.0esr-1~deb12u1';
const ESR_140_FOLDER = fileURLToPath(new URL('../.cache/firefox-esr-140', import.meta.url));
const ESR_140_BINARY = join(ESR_140_FOLDER, 'usr/lib/firefox-esr/firefox-esr');
const CURRENT_CANDIDATES = ['/usr/lib/firefox-esr/firefox-esr', '/usr/lib/firefox/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];

/** The add-on id in the manifest and the internal UUID pinned for it, so tests know its page URLs. */
export const ADDON_ID = 'touchbase@touchbase.app';
export const ADDON_UUID = '0f1e2d3c-4b5a-4697-8877-665544332211';
export const extensionUrl = (path) => `moz-extension://${ADDON_UUID}/${path}`;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The major version a Firefox binary reports ("Mozilla Firefox 153.8.0esr" → 153). */
export function firefoxMajor(binary) {
  const text = execFileSync(binary, ['--version'], { encoding: 'utf8' });
  const major = /Firefox (\d+)\./.exec(text)?.[1];
  if (!major) throw new Error(`${binary} --version did not name a Firefox version: ${text.trim()}`);
  return Number(major);
}

/** FIREFOX_PATH or the installed Firefox ESR; null when there is none. */
function findCurrent() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return CURRENT_CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** FIREFOX_140_PATH or the copy unpacked in .cache; null when there is none. */
function find140() {
  const fromEnv = process.env.FIREFOX_140_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  return existsSync(ESR_140_BINARY) ? ESR_140_BINARY : null;
}

function ensureCurrent() {
  const found = findCurrent();
  if (found) return found;
  if (isRoot() && existsSync('/usr/bin/apt-get')) {
    console.log('Firefox ESR not found: installing Debian package "firefox-esr" (about 30 s)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findCurrent();
    if (installed) return installed;
  }
  throw new Error(
    'Firefox ESR was not found. Install it with `sudo apt-get install -y firefox-esr` (Debian/Ubuntu), ' +
      'or point FIREFOX_PATH at a Firefox binary.',
  );
}

/** Downloads Debian's ESR 140 package (no root needed) and unpacks it into .cache, beside the installed ESR. */
function ensure140() {
  const found = find140();
  if (found) return found;
  if (!process.env.FIREFOX_140_PATH && existsSync('/usr/bin/apt-get') && existsSync('/usr/bin/dpkg')) {
    // Its shared libraries come with the installed ESR package.
    ensureCurrent();
    console.log(`Firefox ESR 140 not found: unpacking Debian package ${ESR_140_PACKAGE} into ${ESR_140_FOLDER} (about 10 s)…`);
    const download = mkdtempSync(join(tmpdir(), 'touchbase-firefox-140-'));
    try {
      if (isRoot()) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      execFileSync('apt-get', ['download', '-qq', ESR_140_PACKAGE], { cwd: download, stdio: 'inherit' });
      const deb = readdirSync(download).find((name) => name.endsWith('.deb'));
      if (!deb) throw new Error(`apt-get download ${ESR_140_PACKAGE} produced no package`);
      rmSync(ESR_140_FOLDER, { recursive: true, force: true });
      mkdirSync(ESR_140_FOLDER, { recursive: true });
      execFileSync('dpkg', ['-x', join(download, deb), ESR_140_FOLDER], { stdio: 'inherit' });
    } finally {
      rmSync(download, { recursive: true, force: true });
    }
    const unpacked = find140();
    if (unpacked) return unpacked;
  }
  throw new Error(
    `Firefox ESR 140 was not found. On Debian bookworm run \`apt-get download ${ESR_140_PACKAGE}\` and ` +
      `\`dpkg -x firefox-esr_*.deb ${ESR_140_FOLDER}\`, or point FIREFOX_140_PATH at a Firefox 140 binary.`,
  );
}

/**
 * Returns the binary for `version` ('140' or 'current'), installing it when missing where that can
 * be done; otherwise stops with the command to run.
 * @param {'140' | 'current'} version
 */
export function ensureFirefox(version) {
  return version === '140' ? ensure140() : ensureCurrent();
}

/**
 * Launches Firefox with a fresh profile and the Firefox build installed as a temporary add-on.
 * `archive` installs a packaged zip (what the store receives) instead of the build folder.
 * `onOutput` receives everything Firefox prints from the moment it starts (with the prefs
 * `devtools.console.stdout.*` that includes its console), so the install is heard too.
 * @param {{ executablePath?: string, dist?: string, archive?: string, onOutput?: (text: string) => void, prefs?: Record<string, unknown> }} [options]
 */
export async function launchFirefoxWithExtension(options = {}) {
  const dist = resolve(options.dist ?? process.env.TOUCHBASE_FIREFOX_DIST ?? 'dist/firefox');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} has no build: run \`npm run build\` first`);
  const manifestId = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')).browser_specific_settings?.gecko?.id;
  if (manifestId !== ADDON_ID) throw new Error(`${dist}/manifest.json names add-on id ${manifestId}, expected ${ADDON_ID}`);
  const executablePath = options.executablePath ?? process.env.FIREFOX_UNDER_TEST ?? ensureFirefox('current');
  const major = firefoxMajor(executablePath);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    // Since Firefox 141 the remote agent may open extension pages only with system access.
    args: major >= 141 ? ['--remote-allow-system-access'] : [],
    defaultViewport: { width: 1280, height: 800 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
      // In-browser alerts: notifications.getAll() lists them and onShown fires, with no desktop daemon.
      'alerts.useSystemBackend': false,
      ...options.prefs,
    },
  });
  const child = browser.process();
  if (options.onOutput && child) for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => options.onOutput?.(String(chunk)));
  try {
    const id = options.archive
      ? /** @type {{ result: { extension: string } }} */ (await browser.connection.send('webExtension.install', { extensionData: { type: 'archivePath', path: resolve(options.archive) } })).result.extension
      : await browser.installExtension(dist);
    if (id !== ADDON_ID) throw new Error(`installed add-on ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, major, executablePath, extensionUrl, close: () => browser.close() };
}
