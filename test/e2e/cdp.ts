import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';

type Version = { runningStatus: string; status: string };

/**
 * Stops and watches the extension's service worker through CDP, as Chrome does when it reclaims
 * an idle or busy worker. A stopped worker never answers `worker.evaluate` (the call hangs), so
 * every evaluation in the worker goes through `worker()`, which wakes it and waits until it runs.
 */
export class WorkerControl {
  private status = 'running';
  private readonly waiters: { want: string; resolve: () => void }[] = [];
  /** How many times the worker was stopped. */
  kills = 0;

  private constructor(
    private readonly context: BrowserContext,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }: { versions: Version[] }) => {
      // The active version is the extension's worker; older ones are redundant leftovers.
      const active = versions.find((v) => v.status === 'activated') ?? versions.at(-1);
      if (!active) return;
      this.status = active.runningStatus;
      for (const waiter of this.waiters.filter((w) => w.want === this.status)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  }

  /** Attaches to `page` (any page of the context will do; the popup is used in the tests). */
  static async attach(context: BrowserContext, page: Page): Promise<WorkerControl> {
    const cdp = await context.newCDPSession(page);
    const control = new WorkerControl(context, cdp);
    await cdp.send('ServiceWorker.enable');
    return control;
  }

  get running(): boolean {
    return this.status === 'running';
  }

  /** Stops the worker and resolves once Chrome reports it stopped. */
  async stop(): Promise<void> {
    if (this.status !== 'stopped') this.kills += 1;
    const stopped = this.until('stopped');
    await this.cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
  }

  /** The running worker: `wake` sends it something (a message) when it is stopped. */
  async worker(wake: () => Promise<unknown>): Promise<Worker> {
    if (!this.running) {
      const running = this.until('running');
      await wake();
      await running;
    }
    const worker = this.context.serviceWorkers()[0];
    if (!worker) throw new Error('the extension has no service worker');
    return worker;
  }

  private until(want: string, timeoutMs = 15_000): Promise<void> {
    if (this.status === want) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the worker did not become ${want} in ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({ want, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  detach(): Promise<void> {
    return this.cdp.detach();
  }
}

/**
 * Our content script's isolated world in a Gmail page: code evaluated here runs with the content
 * script's `chrome.runtime`, so the background sees the message coming from the Gmail tab.
 */
export class ContentWorld {
  private readonly contexts = new Set<number>();

  private constructor(
    private readonly cdp: CDPSession,
    extensionOrigin: string,
  ) {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin === extensionOrigin && context.auxData?.type === 'isolated') this.contexts.add(context.id);
    });
    cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => this.contexts.delete(executionContextId));
    cdp.on('Runtime.executionContextsCleared', () => this.contexts.clear());
  }

  static async attach(context: BrowserContext, page: Page, extensionId: string): Promise<ContentWorld> {
    const world = new ContentWorld(await context.newCDPSession(page), `chrome-extension://${extensionId}`);
    await world.cdp.send('Runtime.enable');
    return world;
  }

  /** Evaluates `expression` (awaiting a returned promise) in the newest content-script context. */
  async evaluate<T>(expression: string): Promise<T> {
    const contextId = [...this.contexts].at(-1);
    if (contextId === undefined) throw new Error('the content script has not run in this page');
    const { result, exceptionDetails } = await this.cdp.send('Runtime.evaluate', { contextId, expression, awaitPromise: true, returnByValue: true });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as T;
  }
}
