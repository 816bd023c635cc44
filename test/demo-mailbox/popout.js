// @ts-check
// Gmail's pop-out window: the draft the rep popped out of the main window, filling a window of
// its own. As in Gmail, the window that opened it does the sending: Send hands the draft back to
// it (which shows the "sent" notice there) and this window closes.
import { openCompose } from './compose.js';
import { createTranslator, languageFrom } from './i18n.js';

/** @typedef {import('./compose.js').ComposeDraft} ComposeDraft */

const i18n = createTranslator(languageFrom(location.search));
const opener = /** @type {{ __demo?: import('./demo-api.js').DemoApi } | null} */ (window.opener);
const demo = opener?.__demo;
if (!demo) throw new Error('the pop-out window opens from the demo mailbox (Shift+click on a draft\'s pop-out button)');

openCompose({
  i18n,
  draft: demo.takePoppedOutDraft() ?? undefined,
  onSend: (draft) => {
    demo.sendFromPopOut(draft);
    window.close();
  },
});
