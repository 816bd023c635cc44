// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as selectors from '../../../../src/content/webmail/gmail/selectors';
import { FIXTURE_NAMES, loadFixture, SOURCE_DIR } from './helpers';

/**
 * Every Gmail hook the adapter names is proven by a fixture, and lives in selectors.ts only.
 * (What each hook yields is proven in the tests of rows, thread and localized pages.)
 */

const hooks = Object.entries(selectors);
const attributes = hooks.filter(([name]) => name.endsWith('_ATTR'));
const cssSelectors = hooks.filter(([name]) => !name.endsWith('_ATTR'));
const english = FIXTURE_NAMES.filter((name) => !name.includes('-ru') && !name.includes('-th') && name !== 'malformed.html').map(loadFixture);

describe('Gmail selectors', () => {
  it('are all strings', () => {
    expect(hooks.length).toBeGreaterThanOrEqual(20);
    for (const [name, value] of hooks) expect(typeof value, name).toBe('string');
  });

  it.each(cssSelectors)('%s matches an element of a well-formed fixture', (_name, selector) => {
    expect(english.some((doc) => doc.querySelector(selector) !== null)).toBe(true);
  });

  it.each(attributes)('%s is an attribute of a well-formed fixture', (_name, attribute) => {
    expect(english.some((doc) => doc.querySelector(`[${attribute}]`) !== null)).toBe(true);
  });

  it('are spelled nowhere else in the adapter', () => {
    const others = readdirSync(SOURCE_DIR).filter((file) => file.endsWith('.ts') && file !== 'selectors.ts');
    expect(others.length).toBeGreaterThan(5);
    for (const file of others) {
      const source = readFileSync(join(SOURCE_DIR, file), 'utf8');
      for (const [name, value] of hooks) {
        expect(source.includes(`'${value}'`) || source.includes(`"${value}"`), `${file} spells ${name}`).toBe(false);
      }
    }
  });
});
