// @ts-check
// Gmail's frame around the content: top bar with search, left navigation with Compose, the
// `div[role=main]` where lists and threads render, and the "Message sent" toast.
import { el, iconButton, onActivate } from './dom.js';
import { icon } from './icons.js';
import { createNotice } from './notice.js';
import { searchHash } from './router.js';


/**
 * @param {object} options
 * @param {import('./i18n.js').Translator} options.i18n
 * @param {import('./data.js').Person} options.rep
 * @param {string[]} options.labels user labels shown in the navigation
 * @param {() => void} options.onCompose
 * @param {(hash: string) => void} options.navigate
 */
export function createShell({ i18n, rep, labels, onCompose, navigate }) {
  const { t } = i18n;
  const query = /** @type {HTMLInputElement} */ (el('input', { class: 'gb_je', type: 'text', name: 'q', autocomplete: 'off', placeholder: t('searchMail'), 'aria-label': t('searchMail') }));
  const searchButton = el('button', { class: 'gb_Ee', type: 'submit', 'aria-label': t('search'), title: t('search') }, icon('search'));
  const search = el('form', { class: 'gb_ue', role: 'search' }, searchButton, query);
  search.addEventListener('submit', (event) => {
    event.preventDefault();
    if (query.value.trim()) navigate(searchHash(query.value));
  });
  const account = el('div', { class: 'gb_A', role: 'button', tabindex: 0, 'aria-label': t('account', { name: rep.name, address: rep.email }), title: t('account', { name: rep.name, address: rep.email }) }, rep.name.charAt(0));
  const topBar = el('header', { class: 'gb_la', role: 'banner' },
    el('div', { class: 'gb_Ic' }, iconButton('gb_Kc', t('mainMenu'), icon('menu', 24)), el('a', { class: 'gb_logo', href: '#inbox', title: 'Gmail' }, icon('gmail', 30), el('span', { class: 'gb_logo-text' }, 'Gmail'))),
    search,
    el('div', { class: 'gb_Ld' }, iconButton('gb_help', t('support'), icon('help')), iconButton('gb_set', t('settings'), icon('settings')), iconButton('gb_apps', t('apps'), icon('apps')), account));

  const compose = el('div', { class: 'T-I T-I-KE L3', role: 'button', tabindex: 0, 'aria-label': t('compose'), 'data-tooltip': t('compose') }, icon('pencil'), el('span', {}, t('compose')));
  onActivate(compose, onCompose);
  const unread = el('span', { class: 'bsU' });
  /** @type {Array<[base: string, item: HTMLElement]>} */
  const items = [
    ['inbox', navItem('#inbox', icon('inbox'), t('inbox'), unread)],
    ['starred', navItem('#starred', icon('star'), t('starred'))],
    ['snoozed', navItem('#snoozed', icon('clock'), t('snoozed'))],
    ['sent', navItem('#sent', icon('send'), t('sent'))],
    ['drafts', navItem('#drafts', icon('draft'), t('drafts'))],
    ...labels.map((label) => /** @type {[string, HTMLElement]} */ ([`label/${label}`, navItem(`#label/${encodeURIComponent(label)}`, icon('label'), label)])),
  ];
  const nav = el('div', { class: 'aeN', role: 'navigation' }, el('div', { class: 'aic' }, compose),
    el('div', { class: 'aim-list' }, ...items.slice(0, 5).map(([, item]) => item)),
    el('div', { class: 'aAv' }, el('h2', { class: 'aAu' }, t('labels'))),
    el('div', { class: 'aim-list' }, ...items.slice(5).map(([, item]) => item)));

  const main = el('div', { class: 'nH aeF', role: 'main' });
  const notice = createNotice(i18n);
  document.body.replaceChildren(el('div', { class: 'nH w-asV' }, topBar, el('div', { class: 'nH bkK' }, nav, main)), notice.element);

  return {
    main,
    /** @param {string} base the list part of the hash, e.g. "inbox" or "label/Clients" */
    setActive(base) {
      for (const [itemBase, item] of items) item.classList.toggle('nZ', itemBase.toLowerCase() === base.toLowerCase());
    },
    /** @param {number} count */
    setUnread(count) {
      unread.textContent = count > 0 ? String(count) : '';
    },
    /** @param {string} text */
    toast: (text) => notice.show(text),
    /**
     * Gmail's send notice (notice.js).
     * @param {{ onUndo: () => void, onView: () => void, sendingMs?: number }} actions
     */
    sent: (actions) => notice.sent(actions),
  };
}

/**
 * @param {string} href
 * @param {SVGElement} symbol
 * @param {string} label localized
 * @param {HTMLElement} [count]
 */
function navItem(href, symbol, label, count) {
  return el('div', { class: 'aim' }, el('div', { class: 'TO' }, el('a', { class: 'J-Ke n0', href, title: label }, symbol, el('span', { class: 'nU' }, label), count)));
}
