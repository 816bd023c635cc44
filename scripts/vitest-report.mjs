// What `npm test` reads from one vitest JSON report: how many tests passed, failed and did not run
// (skipped or todo), and the names of those that did not run, so the summary can show them.

/**
 * @param {string} label the run the report belongs to, e.g. "unit tests (TZ=Asia/Bangkok)"
 * @param {{ numPassedTests: number, numFailedTests: number, numPendingTests: number, numTodoTests: number,
 *   testResults: { assertionResults: { fullName: string, status: string }[] }[] }} report
 */
export function countReport(label, report) {
  const notRun = [];
  for (const file of report.testResults) {
    for (const test of file.assertionResults) {
      if (test.status !== 'passed' && test.status !== 'failed') notRun.push(`${label} › ${test.fullName} (${test.status})`);
    }
  }
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    notRun,
  };
}

/** The last line of `npm test`. */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

/** Under CI a test that did not run fails the run: a skip there hides a check nobody will see. */
export function skipsFail(skipped, env) {
  return skipped > 0 && env.CI === 'true';
}
