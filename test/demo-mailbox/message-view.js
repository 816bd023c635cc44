// @ts-check
// One expanded message of the open thread: `.h7 > … > div.adn[data-message-id]` with the sender
// as span.gD, the recipients as span.g2 and the body as plain text in `.a3s`.
import { el } from './dom.js';
import { icon } from './icons.js';

/**
 * @typedef {import('./data.js').Message} Message
 * @typedef {import('./data.js').Person} Person
 * @typedef {{ i18n: import('./i18n.js').Translator, repAddress: string }} MessageContext
 */

const AVATAR_COLORS = ['#1a73e8', '#e8710a', '#188038', '#a142f4', '#d93025', '#12b5cb', '#f29900'];

/**
 * @param {Message} message
 * @param {MessageContext} context
 * @returns {{ container: HTMLElement, message: HTMLElement }} the `.h7` and its `div.adn`
 */
export function renderMessage(message, context) {
  const { i18n } = context;
  const adn = el('div', { class: 'adn ads' },
    avatar(message.from),
    el('div', { class: 'gs' },
      el('div', { class: 'gE iv gt' },
        el('table', { class: 'cf gJ' }, el('tbody', {}, el('tr', {},
          el('td', { class: 'gF gK' }, el('h3', { class: 'iw' },
            el('span', { class: 'gD', email: message.from.email, name: message.from.name, 'data-hovercard-id': message.from.email }, message.from.name || message.from.email),
            el('span', { class: 'go' }, ` <${message.from.email}>`))),
          el('td', { class: 'gH' }, el('span', { class: 'g3', title: i18n.fullDate(message.sentAt), role: 'gridcell' }, i18n.fullDate(message.sentAt)))))),
        recipientsLine(message, context)),
      el('div', { class: 'ii gt' }, el('div', { class: 'a3s aiL' }, message.body)),
      message.attachment ? el('div', { class: 'aQH' }, el('span', { class: 'aZo', role: 'link', 'aria-label': i18n.t('attachment', { name: message.attachment }) }, icon('attach', 18), el('span', { class: 'aV3' }, message.attachment))) : null));
  applyMessageIds(adn, message);
  return { container: el('div', { class: 'h7' }, el('div', { class: 'Bk' }, el('div', { class: 'G3 G2' }, adn))), message: adn };
}

/**
 * Writes a message's ids on its element: a pending reply has only `#msg-a:`, no legacy id.
 * @param {Element} adn
 * @param {Message} message
 */
export function applyMessageIds(adn, message) {
  adn.setAttribute('data-message-id', message.messageId);
  if (message.legacyId) adn.setAttribute('data-legacy-message-id', message.legacyId);
  else adn.removeAttribute('data-legacy-message-id');
}

/**
 * "to me, Chiamaka": one span.g2 per recipient, the rep shown as "me".
 * @param {Message} message
 * @param {MessageContext} context
 */
function recipientsLine(message, context) {
  const line = el('div', { class: 'iw ajw' }, el('span', { class: 'hb' }, `${context.i18n.t('toLower')} `));
  [...message.to, ...message.cc].forEach((person, index) => {
    if (index > 0) line.append(', ');
    const shown = person.email === context.repAddress ? context.i18n.t('me') : person.name || person.email;
    line.append(el('span', { class: 'g2', email: person.email, name: person.name, 'data-hovercard-id': person.email }, shown));
  });
  return line;
}

/** @param {Person} person */
function avatar(person) {
  const seed = [...person.email].reduce((sum, char) => sum + char.charCodeAt(0), 0);
  const initial = (person.name || person.email).trim().charAt(0).toUpperCase();
  const circle = el('div', { class: 'aCi', 'aria-hidden': 'true' }, initial);
  circle.style.backgroundColor = AVATAR_COLORS[seed % AVATAR_COLORS.length] ?? '#1a73e8';
  return el('div', { class: 'aju' }, circle);
}
