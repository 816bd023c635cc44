import { extensionApi as browser } from '../platform/extensionApi';
import { onChange, send } from '../platform/messages';
import { paneWatcher } from './batcher';
import { watchMailbox } from './mailboxWatcher';
import { ProspectCache } from './prospectCache';
import { prepareChips } from './rowChips';
import { t, uiLanguage } from '../platform/i18n';
import { watchSends } from './sendWatcher';
import { Session } from './session';
import { removeAllTraces } from './teardown';
import { gmailAdapter } from './webmail/gmail';
import { gmailSendHooks } from './webmail/gmail/sends';
import type { MissLogger } from './webmail/types';

/**
 * The Gmail content script: wires the adapter, the cache, the observer and the session, and tears
 * everything down — observer, listeners and every node we added — when the extension goes away
 * under the running page (reloaded, updated or removed).
 */
const adapter = gmailAdapter;
const stop = new AbortController();
const reported = new Set<string>();
// Markup that does not match is logged once per kind and skipped, never thrown.
const miss: MissLogger = (what, detail) => {
  if (reported.has(what)) return;
  reported.add(what);
  console.debug(`[touchbase] ${adapter.name}: ${what}${detail ? ` (${detail})` : ''}`);
};

function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

function teardown(): void {
  stop.abort();
  removeAllTraces(document);
}

const cache = new ProspectCache({ lookup: (request) => send('lookup', request), mailbox: (mailbox) => send('lookup.mailbox', { mailbox }) });
const session = new Session(adapter, cache, miss);
// A pop-out window has no list for the session to open with: its title names the mailbox.
watchSends(document, gmailSendHooks, cache, () => session.openedMailbox ?? adapter.mailbox(document), miss, stop.signal);
let followingUp = false;
let again = false;

/**
 * Chips are drawn on every batch; the follow-up (sends and the card) runs one at a time, and a
 * batch that comes while one runs is followed up once it ends, from the page as it is then.
 */
async function pass(): Promise<void> {
  if (!extensionAlive()) return teardown();
  try {
    const view = await session.draw(document, adapter.observationRoot(document) ?? document);
    if (!view) return;
    if (followingUp) {
      again = true;
      return;
    }
    followingUp = true;
    try {
      await session.followUp(view);
    } finally {
      followingUp = false;
      if (again && !stop.signal.aborted) {
        again = false;
        void pass();
      }
    }
  } catch (error) {
    if (!extensionAlive()) return teardown();
    miss('pass', String(error));
  }
}

/** Watches the main pane; Gmail swaps panes on navigation, so the scope is re-taken then. */
const watch = paneWatcher(() => adapter.observationRoot(document), document.body, adapter.watchedAttributes, () => void pass(), stop.signal);

removeAllTraces(document); // leftovers of a previous instance of this script
// Held, the tab keeps drawing what it knew until the changed prospects are read again.
onChange((event) => void cache.changed(event.prospectIds).then(pass), stop.signal);
window.addEventListener('hashchange', watch, { signal: stop.signal });
watchMailbox(document, adapter.mailbox, () => void pass(), stop.signal);
watch();
requestIdleCallback(() => prepareChips(document, t, uiLanguage()));
// The main pane appears after Gmail boots: until then the body is watched, then the pane.
if (!adapter.observationRoot(document)) {
  const untilPane = setInterval(() => {
    if (stop.signal.aborted || !adapter.observationRoot(document)) return stop.signal.aborted && clearInterval(untilPane);
    clearInterval(untilPane);
    watch();
  }, 500);
}
// A running page learns that the extension was reloaded only by asking: check now and then.
const alive = setInterval(() => (extensionAlive() ? undefined : (clearInterval(alive), teardown())), 2_000);
stop.signal.addEventListener('abort', () => clearInterval(alive), { once: true });
