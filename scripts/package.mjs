// Zips dist/chrome and dist/firefox into artifacts/ for store upload (builds first if needed).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

if (!existsSync('dist/chrome/manifest.json') || !existsSync('dist/firefox/manifest.json')) {
  execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
}
mkdirSync('artifacts', { recursive: true });
for (const target of ['chrome', 'firefox']) {
  const dir = `dist/${target}`;
  // Stores want manifest.json at the zip root; a fixed mtime keeps the zip reproducible.
  const entries = Object.fromEntries(
    filesUnder(dir).map((path) => [relative(dir, path).split('\\').join('/'), [readFileSync(path), { mtime: new Date('2026-01-01T00:00:00Z') }]]),
  );
  const out = `artifacts/touchbase-${version}-${target}.zip`;
  writeFileSync(out, zipSync(entries, { level: 9 }));
  console.log(`${out}  ${(statSync(out).size / 1024).toFixed(1)} KiB`);
}
