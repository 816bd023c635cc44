// @ts-check
// The page's live mailbox: the sample threads plus whatever the visitor sends or a test makes
// arrive. Views are computed on demand, newest activity first, like Gmail's lists.

/**
 * @typedef {import('./data.js').Thread} Thread
 * @typedef {import('./data.js').Message} Message
 * @typedef {import('./router.js').ListView} ListView
 */

export const PAGE_SIZE = 50;

/** @param {Thread} thread */
export function lastMessage(thread) {
  const last = thread.messages.at(-1);
  if (!last) throw new Error(`thread ${thread.legacyId} has no message`);
  return last;
}

/**
 * @param {Thread[]} threads
 * @param {string} repAddress
 */
export function createMailbox(threads, repAddress) {
  /** @param {Thread} thread */
  const repSentLast = (thread) => lastMessage(thread).from.email === repAddress;

  /**
   * @param {Thread} thread
   * @param {ListView} view
   */
  function belongs(thread, view) {
    switch (view.kind) {
      case 'inbox':
        return thread.labels.includes('inbox');
      case 'starred':
        return thread.starred;
      case 'sent':
        return repSentLast(thread);
      case 'label':
        return thread.labels.some((label) => label.toLowerCase() === view.label.toLowerCase());
      case 'search':
        return view.query.trim() !== '' && thread.subject.toLowerCase().includes(view.query.trim().toLowerCase());
      default:
        return false;
    }
  }

  return {
    /** @param {string} legacyId */
    find: (legacyId) => threads.find((thread) => thread.legacyId === legacyId) ?? null,

    /**
     * Every thread of a view, newest activity first.
     * @param {ListView} view
     */
    list(view) {
      return threads.filter((thread) => belongs(thread, view)).sort((a, b) => lastMessage(b).sentAt - lastMessage(a).sentAt);
    },

    /**
     * One page of a view.
     * @param {ListView} view
     * @param {number} page 1-based
     */
    page(view, page) {
      const all = this.list(view);
      const lastPage = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      const current = Math.min(Math.max(1, page), lastPage);
      const start = (current - 1) * PAGE_SIZE;
      return { threads: all.slice(start, start + PAGE_SIZE), page: current, lastPage, start, total: all.length };
    },

    unreadInInbox: () => threads.filter((thread) => thread.unread && thread.labels.includes('inbox')).length,

    /** @param {Thread} thread */
    addThread(thread) {
      threads.push(thread);
    },

    /** @param {Thread} thread a thread whose only send was undone */
    removeThread(thread) {
      const index = threads.indexOf(thread);
      if (index >= 0) threads.splice(index, 1);
    },
  };
}

/** @typedef {ReturnType<typeof createMailbox>} Mailbox */
