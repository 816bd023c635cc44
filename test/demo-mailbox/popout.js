// @ts-check
// Gmail's pop-out window: the draft the rep popped out of the main window, filling a window of
// its own. As in Gmail, the window that opened it does the sending: Send hands the draft back to
// it (which shows the "sent" notice there) and this window closes. Opened on its own, without an
// opener (a test driving a browser whose new windows it cannot serve from the start), the window
// starts empty, hands its draft to the open demo mailbox tabs over a BroadcastChannel instead, and
// stays open.
import { openCompose } from './compose.js';
import { createTranslator, languageFrom } from './i18n.js';
import { POP_OUT_CHANNEL } from './popout-channel.js';

/** @typedef {import('./compose.js').ComposeDraft} ComposeDraft */

const i18n = createTranslator(languageFrom(location.search));
const opener = /** @type {{ __demo?: import('./demo-api.js').DemoApi } | null} */ (window.opener);
const demo = opener?.__demo;

openCompose({
  i18n,
  draft: demo?.takePoppedOutDraft() ?? undefined,
  onSend: (draft) => {
    if (!demo) return new BroadcastChannel(POP_OUT_CHANNEL).postMessage(draft); // the test closes this tab
    demo.sendFromPopOut(draft);
    window.close();
  },
});
