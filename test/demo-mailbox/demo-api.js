// @ts-check
// window.__demo: handles for tests and demos to make the page behave like Gmail at its most
// awkward (rows rebuilt, classes wiped, rows reused, mail arriving) on demand.

/**
 * @typedef {import('./data.js').Person} Person
 * @typedef {object} DemoApi
 * @property {() => void} rerender rebuilds every list row as new elements
 * @property {() => void} resetRowClasses sets every row's className back to Gmail's, wiping added classes
 * @property {() => void} recycleRows keeps the row elements but moves other threads' content and ids into them
 * @property {(threadLegacyId: string, message: { from: Person, body: string }) => string} receive
 *   a message arrives: shown in the thread if open, the row turns unread and moves to the top;
 *   returns the new message's legacy id
 * @property {(hash: string) => void} navigate goes to a hash ("#inbox/p2") and renders it at once
 * @property {() => Array<{ legacyId: string, subject: string, unread: boolean }>} threads the inbox, newest first
 * @property {() => import('./compose.js').ComposeDraft | null} takePoppedOutDraft the draft a pop-out
 *   window opens with (once)
 * @property {(draft: import('./compose.js').ComposeDraft, noticeHere?: boolean) => () => void} sendFromPopOut
 *   sends a pop-out window's draft from this window, which shows the notice unless told not to;
 *   returns what takes the message back
 */

/**
 * @param {object} parts
 * @param {import('./list-view.js').ListView} parts.list
 * @param {(hash: string) => void} parts.navigate
 * @param {DemoApi['receive']} parts.receive
 * @param {() => import('./data.js').Thread[]} parts.threads
 * @param {DemoApi['takePoppedOutDraft']} parts.takePoppedOutDraft
 * @param {DemoApi['sendFromPopOut']} parts.sendFromPopOut
 */
export function installDemoApi({ list, navigate, receive, threads, takePoppedOutDraft, sendFromPopOut }) {
  /** @type {DemoApi} */
  const api = {
    rerender: () => list.rerender(),
    resetRowClasses: () => list.resetRowClasses(),
    recycleRows: () => list.recycleRows(),
    receive,
    navigate,
    threads: () => threads().map((thread) => ({ legacyId: thread.legacyId, subject: thread.subject, unread: thread.unread })),
    takePoppedOutDraft,
    sendFromPopOut,
  };
  Object.assign(window, { __demo: Object.freeze(api) });
}
