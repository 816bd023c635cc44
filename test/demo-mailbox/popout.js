// @ts-check
// Gmail's pop-out window: the draft the rep popped out of the main window, filling a window of
// its own. The window that opened it does the sending. Where Gmail shows that send's notice is not
// settled, so the demo does either: by default the pop-out shows the notice itself and stays open
// (Undo there takes the message back and reopens the draft); with `?popOutNotice=opener` on the
// mailbox's address, the opening window shows it and the pop-out closes. Opened on its own,
// without an opener (a test driving a browser whose new windows it cannot serve from the start),
// the window starts empty, hands its draft to the open demo mailbox tabs over a BroadcastChannel
// and stays open (its Undo then only hides the notice).
import { openCompose } from './compose.js';
import { createTranslator, languageFrom } from './i18n.js';
import { createNotice } from './notice.js';
import { POP_OUT_CHANNEL } from './popout-channel.js';

/** @typedef {import('./compose.js').ComposeDraft} ComposeDraft */

const i18n = createTranslator(languageFrom(location.search));
const opener = /** @type {{ __demo?: import('./demo-api.js').DemoApi } | null} */ (window.opener);
const demo = opener?.__demo;
const noticeInOpener = new URLSearchParams(location.search).get('popOutNotice') === 'opener';
const notice = createNotice(i18n);
document.body.append(notice.element);

/** @param {ComposeDraft} [draft] */
function write(draft) {
  openCompose({ i18n, draft, onSend: send });
}

/** @param {ComposeDraft} draft */
function send(draft) {
  if (!demo) {
    new BroadcastChannel(POP_OUT_CHANNEL).postMessage({ draft, noticeInOpener });
    if (!noticeInOpener) notice.sent({ onUndo: () => undefined, onView: () => undefined });
    return;
  }
  if (noticeInOpener) {
    demo.sendFromPopOut(draft);
    window.close();
    return;
  }
  const takeBack = demo.sendFromPopOut(draft, false);
  notice.sent({
    onUndo: () => {
      takeBack();
      write(draft);
    },
    onView: () => undefined,
  });
}

write(demo?.takePoppedOutDraft() ?? undefined);
