// @ts-check
// The demo mailbox page: wires the sample data, the frame, the list and the thread view to the
// URL hash, like Gmail's single-page app. Options come from the URL: `?hl=en|ru|th|zh` for the
// language, `?layout=vertical` for the vertical reading pane, `?confirmMs=N` for how long a
// sent reply keeps its temporary id (Gmail's server can take seconds) and `?sendingMs=N` for how
// long "Sending…" shows before the sent notice.
import { addIncoming, addReply, newThread } from './actions.js';
import { openCompose } from './compose.js';
import { POP_OUT_CHANNEL } from './popout-channel.js';
import { buildThreads, REP } from './data.js';
import { installDemoApi } from './demo-api.js';
import { el } from './dom.js';
import { createTranslator, languageFrom } from './i18n.js';
import { createListView } from './list-view.js';
import { createMailbox } from './mailbox.js';
import { listHash, parseHash, threadHash } from './router.js';
import { createShell } from './shell.js';
import { createThreadView } from './thread-view.js';

/** @typedef {import('./router.js').ListView} ListView */

// serve.mjs writes Node's clock anchor here, so the page builds the same ids as the tests.
const anchor = Number(document.documentElement.dataset.demoNow) || Date.now();
const language = languageFrom(location.search);
const layout = new URLSearchParams(location.search).get('layout') === 'vertical' ? 'vertical' : 'horizontal';
const confirmDelay = Number(new URLSearchParams(location.search).get('confirmMs')) || undefined;
const sendingMs = Number(new URLSearchParams(location.search).get('sendingMs')) || undefined;
const i18n = createTranslator(language);
const { t } = i18n;
document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;

const mailbox = createMailbox(buildThreads(anchor), REP.email);
/** @param {import('./compose.js').ComposeDraft} [draft] what to reopen with */
const compose = (draft) => openCompose({ i18n, onSend: sendNewThread, draft, onPopOut: popOut });
const shell = createShell({ i18n, rep: REP, labels: ['Clients'], navigate, onCompose: () => compose() });
const list = createListView({
  i18n,
  repAddress: REP.email,
  layout,
  onOpen: (thread) => navigate(threadHash(route.base, thread.legacyId)),
  onPage: (page) => navigate(listHash(route.base, page)),
  onRefresh: () => showList(),
});
const threadView = createThreadView({ i18n, repAddress: REP.email, onSend: sendReply });
const readingPane = el('div', { class: 'Nu S3 aZ6' }, threadView.element);
shell.main.classList.toggle('vertical', layout === 'vertical');

let route = parseHash(location.hash);
/** @type {string | null} */
let renderedHash = null;

/** @param {ListView} view */
function viewName(view) {
  if (view.kind === 'label') return view.label;
  if (view.kind === 'search') return t('searchResults');
  return t(view.kind);
}

function showList() {
  const page = mailbox.page(route.view, route.page);
  const emptyText = route.view.kind === 'search' ? t('noResults') : t('emptyView', { view: viewName(route.view) });
  list.show(page, { showRecipients: route.view.kind === 'sent', emptyText });
}

function updateTitle() {
  const open = route.threadId ? mailbox.find(route.threadId) : null;
  const unread = mailbox.unreadInInbox();
  shell.setUnread(unread);
  document.title = open
    ? t('titlePlain', { subject: open.subject, address: REP.email })
    : route.view.kind === 'inbox' && unread > 0
      ? t('titleList', { view: t('inbox'), count: unread, address: REP.email })
      : t('titlePlain', { subject: viewName(route.view), address: REP.email });
}

/** Shows whatever the hash asks for. */
function render() {
  renderedHash = location.hash;
  route = parseHash(location.hash);
  shell.setActive(route.base);
  const open = route.threadId ? mailbox.find(route.threadId) : null;
  if (open) open.unread = false;
  const threadOptions = {
    backLabel: viewName(route.view),
    onBack: layout === 'horizontal' ? () => navigate(listHash(route.base, 1)) : null,
    emptyText: route.threadId ? t('notFound') : t('noneSelected'),
  };
  if (layout === 'vertical') {
    shell.main.replaceChildren(list.element, readingPane);
    showList();
    threadView.show(open, threadOptions);
  } else if (route.threadId) {
    shell.main.replaceChildren(threadView.element);
    threadView.show(open, threadOptions);
  } else {
    shell.main.replaceChildren(list.element);
    showList();
  }
  updateTitle();
}

/** After the mailbox changed: refresh the list if it is on screen, and the counts. */
function refreshList() {
  if (list.element.isConnected) showList();
  updateTitle();
}

/** @param {string} hash */
function navigate(hash) {
  if (location.hash !== hash) location.hash = hash;
  render();
}

/**
 * @param {import('./data.js').Thread} thread
 * @param {{ recipients: import('./data.js').Person[], body: string }} draft
 */
function sendReply(thread, draft) {
  const message = addReply(thread, REP, draft, (confirmed) => {
    threadView.refreshIds(confirmed);
    refreshList();
  }, confirmDelay);
  threadView.append(thread, message);
  shell.sent({
    // Undo takes the reply back out of the thread, as if it had never gone.
    onUndo: () => {
      thread.messages.splice(thread.messages.indexOf(message), 1);
      render();
    },
    onView: () => navigate(threadHash(route.base, thread.legacyId)),
    sendingMs,
  });
  refreshList();
}

/**
 * Sends a new message: a new thread on top of Inbox and Sent, and (unless the pop-out window it
 * came from shows its own) the sent notice here.
 * @param {import('./compose.js').ComposeDraft} draft
 * @param {boolean} [noticeHere]
 * @returns {() => void} takes the message back (the pop-out's own Undo)
 */
function sendNewThread(draft, noticeHere = true) {
  const thread = newThread(REP, draft);
  mailbox.addThread(thread);
  const takeBack = () => {
    mailbox.removeThread(thread);
    refreshList();
  };
  if (noticeHere) {
    shell.sent({
      // Undo takes the message back and reopens its draft, as Gmail does.
      onUndo: () => {
        takeBack();
        compose(draft);
      },
      onView: () => navigate(threadHash('sent', thread.legacyId)),
      sendingMs,
    });
  }
  refreshList();
  return takeBack;
}

/** @type {import('./compose.js').ComposeDraft | null} */
let poppedOut = null;

/**
 * Gmail's pop-out: the draft moves into a window of its own (`/mail/u/<n>/popout`), which hands it
 * back here to send (popout.js).
 * @param {import('./compose.js').ComposeDraft} draft
 */
function popOut(draft) {
  poppedOut = draft;
  window.open(`${location.pathname.replace(/\/?$/, '/popout')}?ver=demo${location.search.replace(/^\?/, '&')}#cmid%253D1`, '', 'popup,width=640,height=600');
}

// A pop-out window opened on its own (no opener) hands its draft over here (popout.js).
new BroadcastChannel(POP_OUT_CHANNEL).addEventListener('message', (event) => void sendNewThread(event.data.draft, event.data.noticeInOpener));

window.addEventListener('hashchange', () => {
  // navigate() already rendered this hash; the event comes after it.
  if (location.hash !== renderedHash) render();
});

render();
installDemoApi({
  list,
  navigate,
  receive(legacyThreadId, incoming) {
    const thread = mailbox.find(legacyThreadId);
    if (!thread) throw new Error(`no thread ${legacyThreadId} in the demo mailbox`);
    const message = addIncoming(thread, REP, incoming);
    threadView.append(thread, message);
    refreshList();
    return /** @type {string} */ (message.legacyId);
  },
  threads: () => mailbox.list({ kind: 'inbox' }),
  takePoppedOutDraft() {
    const draft = poppedOut;
    poppedOut = null;
    return draft;
  },
  sendFromPopOut: sendNewThread,
});
