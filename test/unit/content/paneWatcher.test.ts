// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { FRAMELESS_DELAY_MS, observeInBatches, paneWatcher } from '../../../src/content/batcher';

describe('the pane watcher over a long Gmail day', () => {
  it('listens to the stop signal once however often it re-scopes, and stops the current observer', async () => {
    const stop = new AbortController();
    const listen = vi.spyOn(stop.signal, 'addEventListener');
    const pane = document.createElement('div');
    document.body.append(pane);
    let batches = 0;
    const rewatch = paneWatcher(() => pane, document.body, [], () => (batches += 1), stop.signal);
    for (let navigation = 0; navigation < 200; navigation += 1) rewatch();
    expect(listen.mock.calls.filter(([type]) => type === 'abort')).toHaveLength(1);

    // The observer of the last scope works: a change in the pane makes a batch.
    await vi.waitFor(() => expect(batches).toBeGreaterThan(0));
    const seen = batches;
    pane.append(document.createElement('span'));
    await vi.waitFor(() => expect(batches).toBe(seen + 1));

    // After stop, the page changes and we are not woken: a second observer, started after the
    // stop, sees that change first, so the frame has run when the count is read.
    stop.abort();
    let witnessed = 0;
    observeInBatches(pane, [], () => (witnessed += 1), new AbortController().signal);
    await vi.waitFor(() => expect(witnessed).toBe(1));
    pane.append(document.createElement('span'));
    await vi.waitFor(() => expect(witnessed).toBe(2));
    expect(batches).toBe(seen + 1);
  });
});

describe('batches in a tab that gets no frames', () => {
  it('still run, once per burst, when the browser never paints the tab (Gmail in the background)', async () => {
    // A hidden tab: frames are asked for and never come.
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation(() => 1);
    try {
      const pane = document.createElement('div');
      document.body.append(pane);
      const stop = new AbortController();
      let batches = 0;
      observeInBatches(pane, [], () => (batches += 1), stop.signal);
      await vi.waitFor(() => expect(batches).toBe(1));
      // A message arrives while the tab is hidden: three mutations, one batch.
      for (let node = 0; node < 3; node += 1) pane.append(document.createElement('div'));
      await vi.waitFor(() => expect(batches).toBe(2));
      await new Promise((resolve) => setTimeout(resolve, FRAMELESS_DELAY_MS * 2));
      expect(batches).toBe(2);
      stop.abort();
    } finally {
      frames.mockRestore();
    }
  });

  it('run once when the frame comes first: the timer is cancelled', async () => {
    const pane = document.createElement('div');
    document.body.append(pane);
    const stop = new AbortController();
    let batches = 0;
    observeInBatches(pane, [], () => (batches += 1), stop.signal);
    await vi.waitFor(() => expect(batches).toBe(1));
    pane.append(document.createElement('div'));
    await vi.waitFor(() => expect(batches).toBe(2));
    await new Promise((resolve) => setTimeout(resolve, FRAMELESS_DELAY_MS * 2));
    expect(batches).toBe(2);
    stop.abort();
  });
});
