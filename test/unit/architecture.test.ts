import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** The import zones of eslint.config.js, proven on code that breaks them. */
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message.split('. ')[1] ?? m.message}`);
}

describe('architecture boundaries', () => {
  // Loading the TypeScript parser and the config takes seconds on a busy machine: done once, here.
  beforeAll(() => eslint.lintText('', { filePath: 'src/domain/example.ts' }), 120_000);

  it('keeps the domain free of browser APIs and storage', async () => {
    const errors = await ruleIds('src/domain/example.ts', "import browser from 'webextension-polyfill';\nimport { openTouchbaseDB } from '../store/db';\nexport const x = [browser, openTouchbaseDB, chrome];\n");
    expect(errors).toEqual([
      'no-restricted-imports: this layer must not depend on webextension-polyfill',
      'no-restricted-imports: this layer must not import src/store',
      'no-restricted-globals: this layer must not use chrome',
    ]);
  });

  it('keeps content, popup and background from importing each other', async () => {
    expect(await ruleIds('src/popup/example.ts', "import { handlers } from '../background/commands';\nexport const x = handlers;\n")).toEqual([
      'no-restricted-imports: this layer must not import src/background',
    ]);
    expect(await ruleIds('src/content/example.ts', "import { readSettings } from '../store/settings';\nexport const x = readSettings;\n")).toEqual([
      'no-restricted-imports: this layer must not import src/store',
    ]);
    expect(await ruleIds('src/background/example.ts', "import { x } from '../content/thing';\nexport const y = x;\n")).toEqual([
      'no-restricted-imports: this layer must not import src/content',
    ]);
  });

  it('forbids markup sinks everywhere', async () => {
    const errors = await ruleIds('src/content/example.ts', 'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n');
    expect(errors).toEqual(['no-restricted-properties: build DOM nodes; never assign markup']);
  });

  it('accepts code that respects the zones', async () => {
    expect(await ruleIds('src/background/example.ts', "import { computeDue } from '../domain/due';\nexport const x = computeDue;\n")).toEqual([]);
  });
});

const SRC = resolve(import.meta.dirname, '../../src');

/** Every module under src/ and the src/ modules it imports (relative imports, types included). */
function importGraph(): Map<string, string[]> {
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.endsWith('.d.ts'));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const code = readFileSync(join(SRC, file), 'utf8');
    const targets = [...code.matchAll(/(?:from|import)\s+'(\.{1,2}\/[^']+)'/g)].map((match) => {
      const base = resolve(SRC, dirname(file), match[1]!);
      const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
      return found ? relative(SRC, found) : null;
    });
    graph.set(file, targets.filter((target): target is string => target !== null));
  }
  return graph;
}

/** Each cycle found by a depth-first walk, as the chain of files that closes it. */
function cyclesIn(graph: Map<string, string[]>): string[] {
  const done = new Set<string>();
  const path: string[] = [];
  const cycles: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at >= 0) return void cycles.push([...path.slice(at), file].join(' → '));
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of graph.keys()) visit(file);
  return cycles;
}

describe('module graph', () => {
  it('has no import cycles: each module can be read, and tested, without the ones that use it', () => {
    const graph = importGraph();
    expect(graph.get('background/router.ts')).toContain('background/commands.ts');
    expect(cyclesIn(graph)).toEqual([]);
  });

  it('control: the walk does report a cycle', () => {
    expect(cyclesIn(new Map([['a.ts', ['b.ts']], ['b.ts', ['a.ts']]]))).toEqual(['a.ts → b.ts → a.ts']);
  });
});
