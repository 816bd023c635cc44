// @ts-check
// The "To" field of compose and reply: typed addresses become chips,
// span[role=option][data-hovercard-id][email], which is how the extension reads who a draft is for.
import { el, onActivate } from './dom.js';
import { icon } from './icons.js';

/** @typedef {import('./data.js').Person} Person */

/**
 * "Lena Fischer <lena@x.example>" or a bare address.
 * @param {string} text
 * @returns {Person | null}
 */
export function parseRecipient(text) {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const named = /^(.*?)\s*<([^<>]+)>$/.exec(trimmed);
  return named ? { name: (named[1] ?? '').replace(/^"|"$/g, ''), email: (named[2] ?? '').trim() } : { name: '', email: trimmed };
}

/**
 * @param {import('./i18n.js').Translator} i18n
 * @param {Person[]} initial
 */
export function createRecipientField(i18n, initial) {
  const { t } = i18n;
  /** @type {Person[]} */
  const people = [];
  const chips = el('div', { class: 'aH9' });
  const input = /** @type {HTMLInputElement} */ (el('input', { class: 'agP aFw', type: 'text', autocomplete: 'off', 'aria-label': t('recipients'), placeholder: t('recipients') }));
  const element = el('div', { class: 'aoD az6' }, el('span', { class: 'aB' }, t('toLower')), chips, input);

  /** @param {Person} person */
  function addChip(person) {
    if (people.some((existing) => existing.email === person.email)) return;
    people.push(person);
    const remove = el('div', { class: 'afX', role: 'button', tabindex: 0, 'aria-label': t('removeRecipient', { address: person.email }) }, icon('close', 14));
    const chip = el('span', { class: 'afV', role: 'option', 'data-hovercard-id': person.email, 'data-name': person.name || person.email, email: person.email, name: person.name || null }, el('span', { class: 'akl' }, person.name || person.email), remove);
    onActivate(remove, () => {
      people.splice(people.indexOf(person), 1);
      chip.remove();
    });
    chips.append(chip);
  }

  /** Turns whatever is typed into chips (several at once when pasted with commas). */
  function commitTyped() {
    for (const part of input.value.split(/[,;]/)) {
      const person = parseRecipient(part);
      if (person) addChip(person);
    }
    input.value = '';
  }

  input.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ',' || event.key === ';' || event.key === 'Tab') && input.value.trim()) {
      if (event.key !== 'Tab') event.preventDefault();
      commitTyped();
    } else if (event.key === 'Backspace' && !input.value && people.length > 0) {
      chips.lastElementChild?.remove();
      people.pop();
    }
  });
  input.addEventListener('blur', commitTyped);
  initial.forEach(addChip);

  return {
    element,
    /** The chips, after committing anything still typed. */
    recipients() {
      commitTyped();
      return [...people];
    },
    focus: () => input.focus(),
  };
}
