// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { composeWindows } from '../../../../src/content/webmail/gmail/compose';
import { COMPOSE_WINDOW, INLINE_REPLY } from '../../../../src/content/webmail/gmail/selectors';
import { loadFixture, missRecorder } from './helpers';

describe('Gmail compose windows and inline replies', () => {
  it('reads a compose window once (not again for its inner form) with both recipient chips', () => {
    const { miss, misses } = missRecorder();
    const composes = composeWindows(loadFixture('compose.html'), miss);
    expect(composes).toHaveLength(1);
    expect(composes[0]?.element.matches(COMPOSE_WINDOW)).toBe(true);
    expect(composes[0]?.recipients).toEqual([
      { email: 'ops@acme.io', name: 'Acme Ops' },
      // Only a hovercard id, upper-case, and the address as its text: lower-cased, no name.
      { email: 'grace@wayne.co', name: '' },
    ]);
    expect(misses).toEqual([]);
  });

  it('reads the inline reply box under an open thread', () => {
    const composes = composeWindows(loadFixture('thread.html'), missRecorder().miss);
    expect(composes).toHaveLength(1);
    expect(composes[0]?.element.matches(INLINE_REPLY)).toBe(true);
    expect(composes[0]?.recipients).toEqual([
      { email: 'anna@acme.io', name: 'Anna Schmidt' },
      { email: 'ben@globex.com', name: 'Ben Ortiz' },
    ]);
  });

  it('finds none on a plain list view', () => {
    expect(composeWindows(loadFixture('inbox.html'), missRecorder().miss)).toEqual([]);
  });
});
