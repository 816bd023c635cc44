import { it } from 'vitest';
import { bundleSizes } from '../../scripts/bundle-sizes.mjs';
import { kb, table, writeSection } from './report';

it('bundle sizes', () => {
  const sizes = bundleSizes('dist/chrome');
  const rows = (['content', 'background', 'popup'] as const).map((part) => [
    { content: 'content script (injected into every Gmail tab)', background: 'background service worker', popup: 'popup' }[part],
    kb(sizes[part].raw),
    kb(sizes[part].gzip),
    sizes[part].files.length,
  ]);
  writeSection('1-bundles', 'Bundle sizes (dist/chrome, minified)', table(['part', 'raw', 'gzip', 'files'], rows));
});
