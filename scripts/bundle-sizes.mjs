// Bytes each part of a build costs, raw and gzipped, following imports from each entry. Used by
// the bench tables and by the byte-budget test.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files a JS file pulls in: static and dynamic relative imports, and runtime.getURL'd chunks. */
function importsOf(file, dist) {
  const code = readFileSync(file, 'utf8');
  const found = new Set();
  const patterns = [/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g, /getURL\(\s*["']([^"']+\.js)["']\s*\)/g];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const target = match[1].startsWith('.') ? join(dirname(file), match[1]) : join(dist, match[1]);
      if (existsSync(target)) found.add(normalize(target));
    }
  }
  return [...found];
}

function closure(entries, dist) {
  const seen = new Set();
  const queue = entries.map((entry) => normalize(join(dist, entry)));
  while (queue.length) {
    const file = queue.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) queue.push(...importsOf(file, dist));
  }
  return [...seen];
}

function measure(files, dist) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.map((file) => relative(dist, file)).sort() };
}

/** Sizes of the content script (what Gmail tabs load), the background, and the popup. */
export function bundleSizes(dist = 'dist/chrome') {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const content = (manifest.content_scripts ?? []).flatMap((script) => [...(script.js ?? []), ...(script.css ?? [])]);
  const background = manifest.background?.service_worker ? [manifest.background.service_worker] : (manifest.background?.scripts ?? []);
  const popupHtml = manifest.action?.default_popup;
  const popup = popupHtml ? [popupHtml, ...htmlAssets(join(dist, popupHtml), dist)] : [];
  return {
    content: measure(closure(content, dist), dist),
    background: measure(closure(background, dist), dist),
    popup: measure(closure(popup, dist), dist),
  };
}

function htmlAssets(htmlFile, dist) {
  const html = readFileSync(htmlFile, 'utf8');
  // Vite writes root-absolute asset paths ("/assets/x.js"): resolve those against the build root.
  return [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) =>
    m[1].startsWith('/') ? m[1].slice(1) : relative(dist, join(dirname(htmlFile), m[1])),
  );
}
