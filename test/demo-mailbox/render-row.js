// @ts-check
// One thread's list row(s), with the hooks of the markup contract: tr.zA(.zE|.yO), people as
// span[email][name] (.zF|.yP) under .yW, subject `.y6 span.bog`, snippet `.y2`, and the ids span.
// In the vertical reading pane one thread spans 2–3 rows: tr.zA.apv, then tr.apw rows.
import { el } from './dom.js';
import { icon } from './icons.js';
import { lastMessage } from './mailbox.js';

/**
 * @typedef {import('./data.js').Thread} Thread
 * @typedef {import('./data.js').Person} Person
 * @typedef {'single' | 'head' | 'subject' | 'attachment'} RowPart
 * @typedef {object} RowContext
 * @property {import('./i18n.js').Translator} i18n
 * @property {string} repAddress
 * @property {boolean} showRecipients the Sent view lists who the rep wrote to
 */

/**
 * Which rows a thread needs in a layout.
 * @param {Thread} thread
 * @param {'horizontal' | 'vertical'} layout
 * @returns {RowPart[]}
 */
export function rowParts(thread, layout) {
  if (layout === 'horizontal') return ['single'];
  return attachmentOf(thread) ? ['head', 'subject', 'attachment'] : ['head', 'subject'];
}

/**
 * The className Gmail gives a row; it puts it back on every re-render.
 * @param {Thread} thread
 * @param {RowPart} part
 */
export function baseRowClass(thread, part) {
  if (part === 'subject' || part === 'attachment') return 'apw';
  const state = thread.unread ? 'zA zE' : 'zA yO';
  return part === 'head' ? `${state} apv` : state;
}

/**
 * Makes `row` show `part` of `thread`: replaces its class and cells, keeps the element.
 * @param {HTMLTableRowElement} row
 * @param {Thread} thread
 * @param {RowPart} part
 * @param {RowContext} context
 */
export function fillRow(row, thread, part, context) {
  row.className = baseRowClass(thread, part);
  row.setAttribute('role', 'row');
  // Only a thread's first row takes keyboard focus, as in Gmail.
  if (part === 'single' || part === 'head') row.setAttribute('tabindex', '-1');
  else row.removeAttribute('tabindex');
  if (part === 'single') row.replaceChildren(checkboxCell(context), starCell(thread, context), peopleCell(thread, context), subjectCell(thread, true), dateCell(thread, context));
  else if (part === 'head') row.replaceChildren(checkboxCell(context), peopleCell(thread, context), dateCell(thread, context));
  else if (part === 'subject') row.replaceChildren(starCell(thread, context), el('td', { class: 'xY a4W', colspan: 2 }, subjectBlock(thread, true)));
  else row.replaceChildren(el('td', { class: 'xY' }), el('td', { class: 'xY', colspan: 2 }, attachmentChip(attachmentOf(thread) ?? '', context)));
}

/** @param {RowContext} context */
function checkboxCell(context) {
  const label = context.i18n.t('select');
  return el('td', { class: 'oZ-x3 xY' }, el('div', { class: 'oZ-jc T-Jo J-J5-Ji', role: 'checkbox', 'aria-checked': 'false', 'aria-label': label, 'data-tooltip': label }, icon('checkbox', 18)));
}

/**
 * @param {Thread} thread
 * @param {RowContext} context
 */
function starCell(thread, context) {
  const label = context.i18n.t(thread.starred ? 'isStarred' : 'notStarred');
  return el('td', { class: 'apU xY' }, el('span', { class: thread.starred ? 'T-KT T-KT-Jp' : 'T-KT', role: 'button', 'aria-label': label, title: label }, icon(thread.starred ? 'starFilled' : 'star', 18)));
}

/**
 * Senders in order of first appearance (Gmail's "Lena, me 2"), or, in Sent, the recipients.
 * @param {Thread} thread
 * @param {RowContext} context
 * @returns {Person[]}
 */
function peopleOf(thread, context) {
  const people = context.showRecipients
    ? thread.messages.filter((message) => message.from.email === context.repAddress).flatMap((message) => [...message.to, ...message.cc])
    : thread.messages.map((message) => message.from);
  return people.filter((person, index) => people.findIndex((other) => other.email === person.email) === index);
}

/**
 * @param {Thread} thread
 * @param {RowContext} context
 */
function peopleCell(thread, context) {
  const people = peopleOf(thread, context);
  const names = el('span', { class: 'bA4' });
  people.forEach((person, index) => {
    if (index > 0) names.append(', ');
    const isRep = person.email === context.repAddress;
    const shown = isRep ? context.i18n.t('me') : people.length > 1 ? (person.name.split(' ')[0] ?? person.name) : person.name;
    names.append(el('span', { class: thread.unread ? 'zF' : 'yP', email: person.email, name: person.name, 'data-hovercard-id': person.email }, shown || person.email));
  });
  const count = thread.messages.length > 1 ? el('span', { class: 'bx0' }, String(thread.messages.length)) : null;
  const prefix = context.showRecipients ? el('span', { class: 'bA5' }, `${context.i18n.t('toPrefix')} `) : null;
  return el('td', { class: 'yX xY' }, el('div', { class: 'afn' }), el('div', { class: 'yW' }, prefix, names, count));
}

/**
 * @param {Thread} thread
 * @param {boolean} withSnippet
 */
function subjectCell(thread, withSnippet) {
  return el('td', { class: 'xY a4W' }, subjectBlock(thread, withSnippet));
}

/**
 * The subject with the ids span inside it, then the snippet.
 * @param {Thread} thread
 * @param {boolean} withSnippet
 */
function subjectBlock(thread, withSnippet) {
  const last = [...thread.messages].reverse().find((message) => message.legacyId !== null);
  const ids = el('span', { class: thread.unread ? 'bqe' : null, 'data-thread-id': thread.threadId, 'data-legacy-thread-id': thread.legacyId, 'data-legacy-last-message-id': last?.legacyId }, thread.subject);
  const snippet = withSnippet ? el('span', { class: 'y2' }, el('span', { class: 'Zt' }, '\u00a0-\u00a0'), snippetOf(thread)) : null;
  const chip = withSnippet && attachmentOf(thread) ? el('span', { class: 'brd' }, icon('attach', 14)) : null;
  return el('div', { class: 'xS', role: 'link' }, el('div', { class: 'xT' }, el('div', { class: 'y6' }, el('span', { class: 'bog' }, ids)), snippet, chip));
}

/** @param {Thread} thread */
function snippetOf(thread) {
  const text = lastMessage(thread).body.replace(/\s+/g, ' ').trim();
  return text.length > 140 ? `${text.slice(0, 140)}…` : text;
}

/** @param {Thread} thread */
function attachmentOf(thread) {
  return thread.messages.find((message) => message.attachment)?.attachment ?? null;
}

/**
 * @param {string} name
 * @param {RowContext} context
 */
function attachmentChip(name, context) {
  return el('div', { class: 'brc', role: 'link', 'aria-label': context.i18n.t('attachment', { name }) }, icon('attach', 16), el('span', { class: 'brg' }, name));
}

/**
 * @param {Thread} thread
 * @param {RowContext} context
 */
function dateCell(thread, context) {
  const { sentAt } = lastMessage(thread);
  return el('td', { class: 'xW xY' }, el('span', { title: context.i18n.fullDate(sentAt) }, el('span', {}, context.i18n.listDate(sentAt, Date.now()))));
}
