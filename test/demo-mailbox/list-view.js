// @ts-check
// The thread list: toolbar, pagination and rows. Besides showing a page it can re-render the
// way Gmail does (fresh rows, reset classNames, rows reused for other threads), which is what
// the extension has to survive; window.__demo exposes those for tests.
import { el, iconButton, onActivate } from './dom.js';
import { icon } from './icons.js';
import { fillRow, rowParts, baseRowClass } from './render-row.js';

/**
 * @typedef {import('./data.js').Thread} Thread
 * @typedef {import('./render-row.js').RowPart} RowPart
 * @typedef {{ threads: Thread[], page: number, lastPage: number, start: number, total: number }} Page
 */

/**
 * @param {object} options
 * @param {import('./i18n.js').Translator} options.i18n
 * @param {string} options.repAddress
 * @param {'horizontal' | 'vertical'} options.layout
 * @param {(thread: Thread) => void} options.onOpen
 * @param {(page: number) => void} options.onPage
 * @param {() => void} options.onRefresh
 */
export function createListView({ i18n, repAddress, layout, onOpen, onPage, onRefresh }) {
  const { t } = i18n;
  const range = el('span', { class: 'Dj' });
  const newer = iconButton('amD', t('newer'), icon('left'));
  const older = iconButton('amJ', t('older'), icon('right'));
  const refresh = iconButton('T-I-ax7', t('refresh'), icon('refresh'));
  const toolbar = el('div', { class: 'G-atb', role: 'toolbar' },
    el('div', { class: 'G-Ni' }, el('div', { class: 'T-Jo', role: 'checkbox', 'aria-checked': 'false', 'aria-label': t('select'), 'data-tooltip': t('select') }, icon('checkbox', 18)), refresh, iconButton('nf', t('more'), icon('moreVert'))),
    el('div', { class: 'ar5' }, range, newer, older));
  const rows = /** @type {HTMLTableSectionElement} */ (el('tbody'));
  const empty = el('div', { class: 'TC', hidden: true });
  const element = el('div', { class: 'AO ae4' }, toolbar, el('div', { class: 'Cp' }, el('table', { class: 'F cf zt', role: 'grid' }, rows)), empty);

  /** What each row element currently shows; rows carry no data attributes of their own. */
  const shownBy = /** @type {WeakMap<Element, { thread: Thread, part: RowPart }>} */ (new WeakMap());
  /** @type {Page} */
  let current = { threads: [], page: 1, lastPage: 1, start: 0, total: 0 };
  let context = { i18n, repAddress, showRecipients: false };

  onActivate(newer, () => current.page > 1 && onPage(current.page - 1));
  onActivate(older, () => current.page < current.lastPage && onPage(current.page + 1));
  onActivate(refresh, onRefresh);
  rows.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    const row = target.closest('tr');
    const shown = row && shownBy.get(row);
    if (!shown) return;
    if (target.closest('.apU')) {
      shown.thread.starred = !shown.thread.starred;
      rerender();
    } else if (!target.closest('.oZ-x3')) onOpen(shown.thread);
  });

  /** @param {Thread[]} threads */
  function specs(threads) {
    return threads.flatMap((thread) => rowParts(thread, layout).map((part) => ({ thread, part })));
  }

  /** Every row as a new element. */
  function rerender() {
    rows.replaceChildren(...specs(current.threads).map((spec) => {
      const row = /** @type {HTMLTableRowElement} */ (document.createElement('tr'));
      fillRow(row, spec.thread, spec.part, context);
      shownBy.set(row, spec);
      return row;
    }));
  }

  return {
    element,
    /**
     * @param {Page} page
     * @param {{ showRecipients: boolean, emptyText: string }} options
     */
    show(page, { showRecipients, emptyText }) {
      current = page;
      context = { i18n, repAddress, showRecipients };
      const to = page.start + page.threads.length;
      range.textContent = page.total === 0 ? '' : t('range', { from: page.start + 1, to, total: page.total });
      newer.setAttribute('aria-disabled', String(page.page <= 1));
      older.setAttribute('aria-disabled', String(page.page >= page.lastPage));
      empty.textContent = emptyText;
      empty.hidden = page.total > 0;
      rerender();
    },
    rerender,
    /** Gmail writes className afresh on re-render, wiping classes other code added. */
    resetRowClasses() {
      for (const row of rows.rows) {
        const shown = shownBy.get(row);
        if (shown) row.className = baseRowClass(shown.thread, shown.part);
      }
    },
    /**
     * Keeps the row elements but shows other threads in them: the order rotates by one, so
     * every row changes thread. Rows are added or dropped at the end when a layout needs more.
     */
    recycleRows() {
      if (current.threads.length < 2) return;
      const last = /** @type {Thread} */ (current.threads.at(-1));
      current = { ...current, threads: [last, ...current.threads.slice(0, -1)] };
      const wanted = specs(current.threads);
      const existing = [...rows.rows];
      wanted.forEach((spec, index) => {
        const row = existing[index] ?? rows.appendChild(/** @type {HTMLTableRowElement} */ (document.createElement('tr')));
        fillRow(row, spec.thread, spec.part, context);
        shownBy.set(row, spec);
      });
      existing.slice(wanted.length).forEach((row) => row.remove());
    },
    /** The threads on screen, in screen order. */
    shownThreads: () => current.threads,
  };
}

/** @typedef {ReturnType<typeof createListView>} ListView */
