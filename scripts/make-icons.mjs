// Renders icons/icon.svg to the PNG sizes the extension manifest references
// (icons/icon-16.png, -32, -48, -128), with a transparent background.
//
// Why this exists: browsers want raster toolbar/store icons, and the PNGs are
// committed so a normal build needs no browser. The SVG is the source of
// truth: after editing icons/icon.svg, rerun `node scripts/make-icons.mjs`
// and commit the regenerated PNGs alongside it.
//
// Uses playwright-core (a dev dependency) driving a system Chromium:
// /usr/lib/chromium/chromium by default, or set CHROMIUM_PATH.

import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const iconsDir = join(root, 'icons');
const sizes = [16, 32, 48, 128];

const defaultChromium = '/usr/lib/chromium/chromium';
const executablePath = existsSync(defaultChromium)
  ? defaultChromium
  : process.env.CHROMIUM_PATH;
if (!executablePath || !existsSync(executablePath)) {
  console.error(
    `make-icons: no Chromium found at ${defaultChromium}; set CHROMIUM_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

const svg = await readFile(join(iconsDir, 'icon.svg'), 'utf8');
const svgDataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

try {
  for (const n of sizes) {
    const context = await browser.newContext({
      viewport: { width: n, height: n },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html><head><style>
        html, body { margin: 0; padding: 0; background: transparent; overflow: hidden; }
        img { display: block; width: ${n}px; height: ${n}px; }
      </style></head><body><img alt="" src="${svgDataUrl}"></body></html>`,
    );
    await page.waitForFunction(() => {
      const img = document.querySelector('img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const out = join(iconsDir, `icon-${n}.png`);
    await page.screenshot({
      path: out,
      omitBackground: true,
      clip: { x: 0, y: 0, width: n, height: n },
    });
    await context.close();
    console.log(`make-icons: wrote ${out}`);
  }
} finally {
  await browser.close();
}
