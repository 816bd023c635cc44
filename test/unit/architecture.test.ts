import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import zones of eslint.config.js, proven on code that breaks them. */
const eslint = new ESLint();

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message.split('. ')[1] ?? m.message}`);
}

describe('architecture boundaries', () => {
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
