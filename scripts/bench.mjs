// `npm run bench`: builds, runs the benches in real Chromium (test/bench, vitest project "bench"),
// prints their tables and writes them, with the machine they ran on, to docs/benchmarks.md.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { ensureChromium } from './chromium.mjs';

/** Section order in docs/benchmarks.md (by heading). */
const ORDER = ['## Bundle sizes (dist/chrome, minified)', '## Gmail annotation', '## Reminders', '## Popup and due queries', '## Popup in Chromium and Firefox', '## Sync'];

execFileSync('node', ['scripts/build.mjs'], { stdio: 'inherit' });
const chromium = ensureChromium();
rmSync('artifacts/bench', { recursive: true, force: true });
const only = process.argv.slice(2);
const run = spawnSync('npx', ['vitest', 'run', '--project', 'bench', ...only], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });

mkdirSync('docs', { recursive: true });
mkdirSync('artifacts/bench', { recursive: true });
// A partial run (`npm run bench -- test/bench/x.bench.ts`) replaces its own sections and keeps the rest.
const previous = existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8').split(/^(?=## )/m).slice(1) : [];
const fresh = readdirSync('artifacts/bench').sort().map((file) => readFileSync(`artifacts/bench/${file}`, 'utf8'));
const titleOf = (section) => section.split('\n', 1)[0];
const freshTitles = new Set(fresh.map(titleOf));
const sections = [...previous.filter((section) => !freshTitles.has(titleOf(section))), ...fresh]
  .map((section) => section.trimEnd() + '\n')
  .sort((a, b) => ORDER.indexOf(titleOf(a)) - ORDER.indexOf(titleOf(b)));
const version = execFileSync(chromium, ['--version']).toString().trim();
const machine = `${new Date().toISOString().slice(0, 10)}: ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${version} (headless), Node ${process.version}`;
// A partial run keeps the header of the whole run and names what it measured again, and when.
const previousHeader = existsSync('docs/benchmarks.md') ? readFileSync('docs/benchmarks.md', 'utf8').split(/^(?=## )/m)[0].trimEnd() : '';
const header = only.length && previousHeader
  ? `${previousHeader.split('\nRe-measured')[0].trimEnd()}\nRe-measured on ${machine}: ${fresh.map((section) => `*${titleOf(section).slice(3)}*`).join(', ')}.\n`
  : `# Benchmarks

Measured by \`npm run bench\` on ${machine}.
Figures vary from run to run; the tests never assert them (they check behaviour and byte budgets).
`;
writeFileSync('docs/benchmarks.md', [header, ...sections].join('\n'));
console.log('\nwrote docs/benchmarks.md');
process.exitCode = run.status ?? 1;
