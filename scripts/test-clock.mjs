// `npm run test:clock`: the whole `npm test` with the machine's clock moved to moments that break
// date rules which only hold on an ordinary weekday: a Saturday late evening, a Monday just before
// the reminder hour, and the night the clocks spring forward. Debian's `faketime` (libfaketime)
// moves the clock of the test run and of everything it starts (node, vitest, Chromium).
//
// The clock is moved by an offset, not pinned: it keeps ticking from the chosen moment, and every
// process sees the same time whenever it starts (a start-at time would restart the clock in each
// new process, so Chromium would run minutes behind the test that drives it).
//
//   node scripts/test-clock.mjs                      all moments, `npm test` under each
//   node scripts/test-clock.mjs --at 2026-11-01T01:30:00-04:00
//   node scripts/test-clock.mjs -- npx vitest run --project unit   another command under each
import { spawnSync } from 'node:child_process';

/** Moments in America/New_York, the zone the run uses (the unit step sets its own zones too). */
const ZONE = 'America/New_York';
const MOMENTS = [
  { label: 'Saturday 23:30', at: '2026-11-28T23:30:00-05:00' },
  { label: 'Monday 08:59', at: '2026-11-30T08:59:00-05:00' },
  { label: 'spring forward: Sunday 01:55, five minutes before 02:00 becomes 03:00', at: '2026-03-08T01:55:00-05:00' },
];

function parseArgs(argv) {
  const split = argv.indexOf('--');
  const own = split === -1 ? argv : argv.slice(0, split);
  const command = split === -1 ? ['node', 'scripts/test.mjs'] : argv.slice(split + 1);
  const chosen = [];
  for (let i = 0; i < own.length; i += 1) {
    if (own[i] !== '--at' || !own[i + 1]) throw new Error(`Unknown argument ${own[i]}: use --at <ISO time with offset> and/or -- <command>`);
    chosen.push({ label: own[i + 1], at: own[i + 1] });
    i += 1;
  }
  if (command.length === 0) throw new Error('Nothing to run after --');
  return { moments: chosen.length ? chosen : MOMENTS, command };
}

function requireFaketime() {
  if (spawnSync('faketime', ['-f', '+0', 'true']).status === 0) return;
  throw new Error("faketime is missing: install it with 'sudo apt-get install -y faketime'.");
}

const { moments, command } = parseArgs(process.argv.slice(2));
requireFaketime();
const outcomes = [];
for (const moment of moments) {
  const target = Date.parse(moment.at);
  if (Number.isNaN(target)) throw new Error(`Not a time: ${moment.at}`);
  const offsetSeconds = Math.round((target - Date.now()) / 1000);
  const shown = new Date(target).toLocaleString('en-US', { timeZone: ZONE, weekday: 'long', hourCycle: 'h23', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
  console.log(`\n════ ${moment.label}: the clock starts at ${shown} (${ZONE}) ════`);
  // -m: the multi-threaded libfaketime, needed by node and Chromium.
  const child = spawnSync('faketime', ['-m', '-f', `${offsetSeconds >= 0 ? '+' : ''}${offsetSeconds}s`, ...command], {
    stdio: 'inherit',
    env: { ...process.env, TZ: ZONE },
  });
  outcomes.push({ label: moment.label, ok: child.status === 0 });
}

console.log('\nClock runs:');
for (const { label, ok } of outcomes) console.log(`  ${ok ? '✔' : '✘'} ${label}`);
process.exitCode = outcomes.every((o) => o.ok) ? 0 : 1;
