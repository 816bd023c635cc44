import type { CDPSession, Page } from 'playwright-core';

/**
 * Our cards and chips keep their content in closed shadow roots: the page's scripts (and so
 * `page.evaluate` and Playwright's locators) cannot see into them. Tests read them from the
 * content script's isolated world, where `chrome.dom.openOrClosedShadowRoot` opens them, and act
 * on them only with trusted input (page.mouse, page.keyboard), as the rep does.
 */

/** Opens one of our hosts (null for anything else, or for no element). */
export type Open = (host: Element | null | undefined) => ShadowRoot | null;

class IsolatedWorld {
  private readonly contexts = new Set<number>();

  constructor(readonly cdp: CDPSession) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) this.contexts.add(context.id);
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => this.contexts.clear());
  }

  /** The newest content-script context of the page, or undefined before the content script ran. */
  get newest(): number | undefined {
    return [...this.contexts].at(-1);
  }
}

const worlds = new WeakMap<Page, Promise<IsolatedWorld>>();

function worldOf(page: Page): Promise<IsolatedWorld> {
  let world = worlds.get(page);
  if (!world) {
    world = (async () => {
      const isolated = new IsolatedWorld(await page.context().newCDPSession(page));
      await isolated.cdp.send('Runtime.enable');
      return isolated;
    })();
    worlds.set(page, world);
  }
  return world;
}

const OPEN = '(host) => (host ? chrome.dom.openOrClosedShadowRoot(host) ?? null : null)';

/** Evaluates `expression` in the content script's world of `page`; rejects before the content script ran. */
async function evaluate<R>(page: Page, expression: string): Promise<R> {
  const world = await worldOf(page);
  const contextId = world.newest;
  if (contextId === undefined) throw new Error('the content script has not run in this page yet');
  const { result, exceptionDetails } = await world.cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
  return result.value as R;
}

/** Runs `fn(open, arg)` in the content script's world of `page` and returns its (JSON) result. */
export function inContent<A, R>(page: Page, fn: (open: Open, arg: A) => R, arg: A): Promise<R> {
  return evaluate(page, `(${fn.toString()})(${OPEN}, ${JSON.stringify(arg) ?? 'undefined'})`);
}

/** The card's text, or null while the thread shows no card (or the content script has not run). */
export async function cardText(page: Page): Promise<string | null> {
  return inContent(page, (open) => open(document.querySelector('[data-touchbase="card"]'))?.textContent ?? null, undefined).catch(() => null);
}

/** Runs `fn(root, arg)` on the card's shadow root (rejects while there is no card). */
export function inCard<A, R>(page: Page, fn: (root: ShadowRoot, arg: A) => R, arg: A): Promise<R> {
  return evaluate(
    page,
    `(() => {
      const root = (${OPEN})(document.querySelector('[data-touchbase="card"]'));
      if (!root) throw new Error('no card in the thread');
      return (${fn.toString()})(root, ${JSON.stringify(arg) ?? 'undefined'});
    })()`,
  );
}

/** Where the card's element matching `selector` is on screen, scrolled into view first. */
async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  return inCard(
    page,
    (root, sel) => {
      const element = root.querySelector(sel);
      if (!element) throw new Error(`no ${sel} in the card`);
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
  );
}

/**
 * Where the card's element is, once the card has drawn it: a thread just opened shows its card a
 * moment later (after the content script's lookup), so callers act when it is there.
 */
async function centreWhenDrawn(page: Page, selector: string, timeout = 15_000): Promise<{ x: number; y: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await centreOf(page, selector);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A real (trusted) mouse click on the card's element matching `selector`. */
export async function clickInCard(page: Page, selector: string): Promise<void> {
  const { x, y } = await centreWhenDrawn(page, selector);
  await page.mouse.click(x, y);
}

/** Moves the mouse onto the card's element and presses the button, without releasing it. */
export async function pressInCard(page: Page, selector: string): Promise<void> {
  const { x, y } = await centreWhenDrawn(page, selector);
  await page.mouse.move(x, y);
  await page.mouse.down();
}

/** Gives the card's element the keyboard focus (focus alone acts on nothing), for page.keyboard to type into. */
export function focusInCard(page: Page, selector: string): Promise<void> {
  return inCard(
    page,
    (root, sel) => {
      const element = root.querySelector<HTMLElement>(sel);
      if (!element) throw new Error(`no ${sel} in the card`);
      element.focus();
    },
    selector,
  );
}

/** The card's status line. */
export function cardStatus(page: Page): Promise<string> {
  return inCard(page, (root) => root.querySelector('[role=status]')?.textContent ?? '', undefined);
}

/**
 * Hands the card's closed root to the page's own scripts as `window[name]`, through the DevTools
 * protocol: it stands for any way a page might get hold of our controls, so a test can show that
 * holding them is still not enough to act for the rep.
 */
export async function exposeCardToPage(page: Page, name: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    type Node = { backendNodeId: number; attributes?: string[]; children?: Node[]; shadowRoots?: Node[] };
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: Node };
    const find = (node: Node): Node | undefined => {
      const attributes = node.attributes ?? [];
      const index = attributes.indexOf('data-touchbase');
      if (index >= 0 && index % 2 === 0 && attributes[index + 1] === 'card') return node.shadowRoots?.[0];
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? [])]) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const shadow = find(root);
    if (!shadow) throw new Error('no card in the page');
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
    await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId!, functionDeclaration: 'function (name) { window[name] = this; }', arguments: [{ value: name }] });
  } finally {
    await cdp.detach();
  }
}
