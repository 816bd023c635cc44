// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const CSS = '.chip { border-radius: 8px; }';
type Dom = typeof import('../../../src/content/dom');

/** A fresh copy of the content modules: the refusal is remembered per page, like in a real tab. */
async function freshDom(): Promise<Dom> {
  vi.resetModules();
  return import('../../../src/content/dom');
}

const styleTexts = (root: ShadowRoot) => [...root.querySelectorAll('style')].map((style) => style.textContent);

describe('shadow root styles', () => {
  const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')!;
  let assignments = 0;

  beforeEach(() => {
    assignments = 0;
  });
  afterEach(() => {
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor);
  });

  it('share one constructed sheet where the browser accepts it, with no <style> element', async () => {
    const { shadowHost } = await freshDom();
    const first = shadowHost('span', 'chip', CSS).root;
    const second = shadowHost('span', 'chip', CSS).root;
    expect(first.adoptedStyleSheets).toHaveLength(1);
    expect(second.adoptedStyleSheets[0]).toBe(first.adoptedStyleSheets[0]);
    expect(styleTexts(first)).toEqual([]);
  });

  it('fall back to a <style> element in every root when the browser refuses the constructed sheet (Firefox 140 Xray), asking once', async () => {
    Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', {
      configurable: true,
      get: descriptor.get,
      set() {
        assignments += 1;
        throw new Error('Accessing from Xray wrapper is not supported.');
      },
    });
    const { shadowHost } = await freshDom();
    const roots = [shadowHost('span', 'chip', CSS).root, shadowHost('span', 'chip', CSS).root, shadowHost('div', 'card', CSS).root];
    for (const root of roots) expect(styleTexts(root)).toEqual([CSS]);
    expect(assignments).toBe(1);
  });
});
