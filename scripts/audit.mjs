// `npm audit` of what ships to reps (runtime dependencies), failing on high or critical advisories.
// The advisory service is a network call; when it cannot be reached (offline, or a proxy that
// refuses its POST) this says so and exits 2, which `npm test` reports as "not run" rather than
// as a pass it could not verify.
import { spawnSync } from 'node:child_process';

const audit = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(audit.stdout);
} catch {
  report = null;
}
const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason = String(report?.message ?? report?.error?.summary ?? 'no report').trim();
  console.log(`npm audit could not reach the advisory service: ${reason}`);
  process.exit(2);
}
console.log(`npm audit (runtime dependencies): ${Object.entries(counts).map(([level, n]) => `${level} ${n}`).join(', ')}`);
process.exit(counts.high + counts.critical > 0 ? 1 : 0);
