import { mkdirSync, writeFileSync } from 'node:fs';

/**
 * Benches print their tables and leave them in artifacts/bench/<name>.md; scripts/bench.mjs
 * joins the sections into docs/benchmarks.md.
 */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export function writeSection(name: string, title: string, body: string): void {
  mkdirSync('artifacts/bench', { recursive: true });
  const text = `## ${title}\n\n${body.trim()}\n`;
  writeFileSync(`artifacts/bench/${name}.md`, text);
  console.log(`\n${text}`);
}

export function stats(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), p95: at(0.95), worst: sorted.at(-1) ?? NaN, best: sorted[0] ?? NaN };
}

export const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
