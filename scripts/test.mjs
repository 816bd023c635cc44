// `npm test`: every check the project has, in order, with one summary line at the end.
// Steps: typecheck, npm audit of the shipped dependencies, lint, build (Chrome + Firefox), addons-linter on the Firefox build, unit tests
// under two time zones (date rules must hold in both), then end-to-end tests in real Chromium, then in
// real Firefox (ESR 140 and the current ESR).
// Each vitest test counts once per run; every other step counts as one check. Skipped and todo
// tests are counted and named: a test that did not run proved nothing, so under CI (CI=true) any of
// them fails the run.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './chromium.mjs';
import { ensureFirefox, firefoxMajor, FIREFOX_VERSIONS } from './firefox.mjs';
import { countReport, skipsFail, summaryLine } from './vitest-report.mjs';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const notRun = [];
/** "run label › test name (skipped|todo)" for every vitest test that did not run. */
const skippedTests = [];

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const child = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = child.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  results[ok ? 'passed' : 'failed'] += 1;
  if (!ok) failures.push(label);
  return ok;
}

/** Runs one vitest project and adds its per-test counts (from the JSON report) to the totals. */
function vitest(label, project, env = {}) {
  mkdirSync('artifacts', { recursive: true });
  const report = `artifacts/vitest-${label.replace(/\W+/g, '-')}.json`;
  rmSync(report, { force: true });
  const ok = run(label, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], env);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const counts = countReport(label, json);
    results.passed += counts.passed;
    results.failed += counts.failed;
    results.skipped += counts.skipped;
    skippedTests.push(...counts.notRun);
    if (counts.failed > 0 || !ok) failures.push(label);
    // A run that crashed before reporting its failures still counts as one failure.
    if (!ok && counts.failed === 0) results.failed += 1;
  } catch {
    results.failed += 1;
    failures.push(`${label} (no report)`);
  }
}

check('typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
// What ships to reps (runtime dependencies) must carry no high or critical advisory. Exit 2: the
// advisory service was unreachable, so the check is reported as not run (neither passed nor failed).
{
  const label = 'npm audit (shipped dependencies, high and critical)';
  const child = spawnSync('node', ['scripts/audit.mjs'], { stdio: 'inherit' });
  if (child.status === 2) notRun.push(`${label} (needs the network)`);
  else {
    results[child.status === 0 ? 'passed' : 'failed'] += 1;
    if (child.status !== 0) failures.push(label);
  }
}
check('lint (incl. import boundaries)', 'npx', ['eslint', '.']);
const built = check('build chrome + firefox', 'node', ['scripts/build.mjs']);
if (built) check('addons-linter on the Firefox build', 'node', ['scripts/lint-firefox.mjs']);
vitest('unit tests (TZ=America/New_York)', 'unit', { TZ: 'America/New_York' });
vitest('unit tests (TZ=Asia/Bangkok)', 'unit', { TZ: 'Asia/Bangkok' });
if (built) {
  let chromium = null;
  try {
    chromium = ensureChromium();
  } catch (error) {
    console.error(`\n${error.message}`);
    results.failed += 1;
    failures.push('end-to-end tests (no Chromium)');
  }
  if (chromium) vitest('end-to-end tests in Chromium', 'e2e', { CHROMIUM_PATH: chromium });
}
// The Firefox build in real Firefox: the oldest version the manifest accepts (ESR 140), then the current ESR.
// Under `npm run test:clock` the run is inside libfaketime, which Firefox cannot start under (ESR 140
// segfaults at start, ESR 153 hangs; libfaketime 0.9.10): those steps are reported as not run, and
// Firefox's own tests keep their dates far from any day or hour boundary instead (see their files).
const underFaketime = (process.env.LD_PRELOAD ?? '').includes('faketime');
if (built && underFaketime) {
  for (const version of FIREFOX_VERSIONS) notRun.push(`end-to-end tests in Firefox ${version} (Firefox does not start under faketime)`);
} else if (built) {
  for (const version of FIREFOX_VERSIONS) {
    let firefox = null;
    let major = version;
    // A browser that is missing or will not even report its version is one failed check, never a
    // runner that stops before its summary line.
    try {
      firefox = ensureFirefox(version);
      major = firefoxMajor(firefox);
    } catch (error) {
      console.error(`\n${error.message}`);
      results.failed += 1;
      failures.push(`end-to-end tests in Firefox ${version} (${firefox ? 'does not start' : 'no Firefox'})`);
      firefox = null;
    }
    if (firefox) vitest(`end-to-end tests in Firefox ${major}`, 'e2e-firefox', { FIREFOX_UNDER_TEST: firefox });
  }
}

if (skippedTests.length) {
  console.log(`\nSkipped or todo:\n  ${skippedTests.join('\n  ')}`);
  if (skipsFail(results.skipped, process.env)) {
    results.failed += 1;
    failures.push('skipped or todo tests under CI (CI=true)');
  }
}
if (notRun.length) console.log(`\nNot run: ${notRun.join('; ')}`);
if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${summaryLine(results)}`);
process.exitCode = results.failed === 0 ? 0 : 1;
