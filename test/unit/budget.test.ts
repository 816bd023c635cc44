import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';

/**
 * Byte budgets: they do not flake, unlike timings. The content script runs inside every Gmail tab,
 * so what it costs is watched here (docs/architecture.md#quality-bars: ≤ 15 KB gzip in all).
 */
const CONTENT_GZIP_BUDGET = 15 * 1024;

beforeAll(() => {
  if (!existsSync('dist/chrome/manifest.json')) execFileSync('node', ['scripts/build.mjs', 'chrome'], { stdio: 'inherit' });
}, 120_000);

describe('bundle budgets', () => {
  it('keeps everything injected into Gmail within 15 KB gzip', () => {
    const { content } = bundleSizes('dist/chrome');
    expect(content.files.length).toBeGreaterThan(1);
    expect(content.gzip).toBeLessThanOrEqual(CONTENT_GZIP_BUDGET);
  });

  it('injects no storage code into Gmail: content scripts ask the background', () => {
    const { content } = bundleSizes('dist/chrome');
    const code = content.files.map((file: string) => readFileSync(`dist/chrome/${file}`, 'utf8')).join('\n');
    expect(code).not.toMatch(/indexedDB/);
  });
});
