import { defineConfig } from 'vitest/config';

/**
 * Projects: `unit` (Node, fake-indexeddb, no browser) and `e2e` (the built extension in real
 * Chromium through playwright-core), run by `npm test`; `bench` (measurements, never pass/fail on
 * timings), run by `npm run bench`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // expect.poll's default (1 s) is shorter than one busy moment on a shared two-core
          // machine; a poll still ends the moment its condition holds.
          expect: { poll: { timeout: 15_000, interval: 50 } },
          // One browser at a time: the machine has two cores and each test owns a profile.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          // The Firefox build in real Firefox (puppeteer-core over WebDriver BiDi); `npm test` runs
          // it once per version with FIREFOX_UNDER_TEST set.
          name: 'e2e-firefox',
          include: ['test/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'bench',
          include: ['test/bench/**/*.bench.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
