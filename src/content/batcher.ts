/**
 * How long a batch waits for a frame before it runs anyway. A Gmail tab in the background gets no
 * frames (Chrome) or, in Firefox 140, ever rarer ones the longer it stays hidden, yet Gmail keeps
 * adding the mail that arrives there: its touches must be logged without the rep looking at the
 * tab. (Browsers hold a hidden tab's timers to about one a second, which is soon enough.)
 */
export const FRAMELESS_DELAY_MS = 200;

/**
 * One MutationObserver, scoped to Gmail's main pane, whose records are coalesced into one batch
 * per animation frame (or per FRAMELESS_DELAY_MS when no frame comes): a burst of Gmail re-renders
 * costs one pass, not one per mutation.
 */
export function observeInBatches(root: Node, attributes: readonly string[], onBatch: () => void, signal: AbortSignal): void {
  let scheduled = false;
  const schedule = () => {
    if (scheduled || signal.aborted) return;
    scheduled = true;
    // Whichever comes first runs the batch and cancels the other.
    const run = () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      scheduled = false;
      if (!signal.aborted) onBatch();
    };
    const frame = requestAnimationFrame(run);
    const timer = setTimeout(run, FRAMELESS_DELAY_MS);
  };
  const observer = new MutationObserver((records) => {
    // Our own shadow hosts changing must not wake us again.
    if (records.every(isOurs)) return;
    schedule();
  });
  observer.observe(root, { childList: true, subtree: true, attributes: attributes.length > 0, ...(attributes.length ? { attributeFilter: [...attributes] } : {}) });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  schedule();
}

function isOurs(record: MutationRecord): boolean {
  if (record.addedNodes.length + record.removedNodes.length === 0) return false;
  return allOurs(record.addedNodes) && allOurs(record.removedNodes);
}

/** Read in place: a list of a hundred new rows is not copied into an array to be looked at. */
function allOurs(nodes: NodeList): boolean {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    if (!(node instanceof Element && node.hasAttribute('data-touchbase'))) return false;
  }
  return true;
}

/**
 * Keeps one observer on the main pane: `rewatch()` (on navigation, or once the pane appears)
 * drops the previous observer and scopes a new one. Stopping `stop` ends the current one; it is
 * listened to once, however often the pane is re-taken over a long Gmail day.
 */
export function paneWatcher(findRoot: () => HTMLElement | null, fallback: Node, attributes: readonly string[], onBatch: () => void, stop: AbortSignal): () => void {
  let scope: AbortController | null = null;
  stop.addEventListener('abort', () => scope?.abort(), { once: true });
  return () => {
    scope?.abort();
    if (stop.aborted) return;
    scope = new AbortController();
    const root = findRoot();
    observeInBatches(root ?? fallback, root ? attributes : [], onBatch, scope.signal);
  };
}
