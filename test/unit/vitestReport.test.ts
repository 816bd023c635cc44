import { describe, expect, it } from 'vitest';
import { countReport, skipsFail, summaryLine } from '../../scripts/vitest-report.mjs';

/** A vitest JSON report as `--reporter=json` writes it (fields `npm test` reads), two files. */
const report = {
  numPassedTests: 3,
  numFailedTests: 1,
  numPendingTests: 2,
  numTodoTests: 1,
  testResults: [
    {
      assertionResults: [
        { fullName: 'due rules from a Saturday', status: 'passed' },
        { fullName: 'due rules on a DST day', status: 'skipped' },
        { fullName: 'snooze lands on Monday', status: 'failed' },
      ],
    },
    {
      assertionResults: [
        { fullName: 'popup opens', status: 'passed' },
        { fullName: 'popup closes', status: 'passed' },
        { fullName: 'backup in the built extension', status: 'skipped' },
        { fullName: 'restore from a v1 file', status: 'todo' },
      ],
    },
  ],
};

describe('npm test summary', () => {
  it('counts skipped and todo tests and names each one with its run', () => {
    const counts = countReport('unit tests (TZ=Asia/Bangkok)', report);
    expect(counts).toMatchObject({ passed: 3, failed: 1, skipped: 3 });
    expect(counts.notRun).toEqual([
      'unit tests (TZ=Asia/Bangkok) › due rules on a DST day (skipped)',
      'unit tests (TZ=Asia/Bangkok) › backup in the built extension (skipped)',
      'unit tests (TZ=Asia/Bangkok) › restore from a v1 file (todo)',
    ]);
  });

  it('ends with passed, failed and skipped', () => {
    expect(summaryLine({ passed: 412, failed: 0, skipped: 2 })).toBe('412 passed, 0 failed, 2 skipped');
  });

  it('fails a run with skips under CI only', () => {
    expect(skipsFail(1, { CI: 'true' })).toBe(true);
    expect(skipsFail(0, { CI: 'true' })).toBe(false);
    expect(skipsFail(1, {})).toBe(false);
  });
});
