// Driving the Firefox build in real Firefox over WebDriver BiDi (puppeteer-core). The version
// under test is FIREFOX_UNDER_TEST (a binary path, set by `npm test` once per version).
import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import { ensureFirefox, launchFirefoxWithExtension } from '../../scripts/firefox.mjs';
import type { Reply, MessageName, RequestOf, ResponseOf } from '../../src/messaging/protocol';
import { serveDemoMailbox } from '../demo-mailbox/serve.mjs';

export type Launched = Awaited<ReturnType<typeof launchFirefoxWithExtension>>;

/** Launches the version under test (the installed ESR unless FIREFOX_UNDER_TEST names another). */
export function launch(prefs: Record<string, unknown> = {}): Promise<Launched> {
  return launchFirefoxWithExtension({ executablePath: process.env.FIREFOX_UNDER_TEST ?? ensureFirefox('current'), prefs });
}

/**
 * Opens an extension page. Firefox sends no load events for moz-extension documents, so
 * `goto` never settles: it is started, not awaited, and the page's own state is polled instead.
 */
export async function openExtensionPage(browser: Browser, url: string, page?: Page): Promise<Page> {
  const tab = page ?? (await browser.newPage());
  tab.goto(url).catch(() => undefined);
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const state = await tab.evaluate(() => [location.href, document.readyState] as const).catch(() => null);
    if (state && state[0] === url && state[1] === 'complete') return tab;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not finish loading`);
}

/** Polls `probe` in Node until it returns a value other than null/undefined/false. */
export async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeout = 45_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== null && value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Sends one protocol command from an extension page, as the popup would. */
export async function command<K extends MessageName>(page: Page, name: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
  const reply = (await page.evaluate(
    (n, p) => (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ tag: 'touchbase/v1', name: n, payload: p }),
    name,
    payload,
  )) as Reply<ResponseOf<K>>;
  if (!reply.ok) throw new Error(`${name} refused: ${reply.error}`);
  return reply.value;
}

/**
 * Serves the demo mailbox at https://mail.google.com in this tab, with the same routes as the
 * Chromium suite (test/demo-mailbox/serve.mjs): its Playwright-style route handler is given
 * puppeteer's intercepted requests. Any other http(s) request is aborted: nothing leaves the machine.
 */
export async function serveDemoMailboxIn(page: Page, foreignRequests: string[] = []): Promise<void> {
  let handler: ((route: unknown) => Promise<void>) | null = null;
  await serveDemoMailbox({ route: async (_pattern: string, routeHandler: (route: unknown) => Promise<void>) => void (handler = routeHandler) } as never);
  await page.setRequestInterception(true);
  page.on('request', (request: HTTPRequest) => {
    const url = new URL(request.url());
    if (url.host === 'mail.google.com' && handler) {
      void handler({
        request: () => ({ url: () => request.url() }),
        fulfill: ({ status, contentType, body, headers }: { status: number; contentType: string; body: string | Buffer; headers?: Record<string, string> }) =>
          request.respond({ status, contentType, body, headers }),
      });
    } else if (url.protocol === 'http:' || url.protocol === 'https:') {
      foreignRequests.push(request.url());
      void request.abort();
    } else void request.continue();
  });
}

/**
 * Where `text` first shows inside the box of the first element matching `selector`, found the way
 * a reader finds it: Firefox's find in page, which also reads our closed shadow roots (their
 * contents are out of reach of page scripts and of WebDriver BiDi's accessibility locator).
 * Returns the centre of the match in viewport coordinates (for trusted mouse clicks), or null.
 */
export function findText(page: Page, text: string, selector: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    (wanted, within) => {
      const search = window as unknown as { find(text: string, caseSensitive: boolean, backwards: boolean, wrapAround: boolean): boolean };
      const selection = getSelection()!;
      selection.removeAllRanges();
      try {
        for (let matches = 0; matches < 200 && search.find(wanted, true, false, false); matches += 1) {
          const container = document.querySelector(within)?.getBoundingClientRect();
          const match = selection.getRangeAt(0).getBoundingClientRect();
          const x = match.left + match.width / 2;
          const y = match.top + match.height / 2;
          if (container && x >= container.left && x <= container.right && y >= container.top && y <= container.bottom) return { x, y };
        }
        return null;
      } finally {
        selection.removeAllRanges();
      }
    },
    text,
    selector,
  );
}
