// @ts-check
// Serves the demo mailbox at https://mail.google.com/ inside a Playwright browser context, by
// request interception: nothing leaves the machine and no Gmail account is needed. Used by
// `npm start` and the end-to-end tests.
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_NOW } from './data.js';

export { DEMO_NOW, DEMO_PROSPECTS, buildProspects, buildThreads, threads } from './data.js';

/** Where the demo inbox opens. */
export const DEMO_MAILBOX_URL = 'https://mail.google.com/mail/u/0/';
/** The signed-in rep of the demo mailbox (it is in document.title, as in Gmail). */
export const DEMO_REP = 'rep@example.com';

const FOLDER = dirname(fileURLToPath(import.meta.url));
/** Only the page's own kinds of files are served (so not serve.mjs itself). */
const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
});

/**
 * Routes every https://mail.google.com request of `context` to the demo mailbox:
 * `/mail/u/<n>/…` is the page (`/mail/u/<n>/popout`, or the older `?view=btop`, a pop-out window),
 * `/demo-mailbox/<file>` its files, anything else 404.
 * @param {import('playwright-core').BrowserContext} context
 * @param {{ now?: number }} [options] clock anchor of the sample times; defaults to DEMO_NOW, the
 *   anchor of the exported `threads`, so their ids are the ones the page shows
 */
export async function serveDemoMailbox(context, options = {}) {
  const now = Math.floor(options.now ?? DEMO_NOW);
  await context.route('https://mail.google.com/**', async (route) => {
    const { pathname, searchParams } = new URL(route.request().url());
    if (/^\/mail\/u\/\d+(\/|$)/.test(pathname)) {
      const popOut = pathname.endsWith('/popout') || searchParams.get('view') === 'btop';
      const page = await readFile(join(FOLDER, popOut ? 'popout.html' : 'index.html'), 'utf8');
      return route.fulfill({ status: 200, contentType: CONTENT_TYPES['.html'], body: page.replace('data-demo-now=""', `data-demo-now="${now}"`) });
    }
    const file = /^\/demo-mailbox\/([\w.-]+)$/.exec(pathname)?.[1];
    const contentType = file ? CONTENT_TYPES[extname(file)] : undefined;
    if (file && contentType) {
      const body = await readFile(join(FOLDER, file)).catch(() => null);
      if (body) return route.fulfill({ status: 200, contentType, body, headers: { 'cache-control': 'no-store' } });
    }
    return route.fulfill({ status: 404, contentType: 'text/plain; charset=utf-8', body: 'Not found in the demo mailbox' });
  });
}
