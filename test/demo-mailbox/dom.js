// @ts-check
// The one way this page builds DOM: createElement plus setAttribute plus text nodes. Sample data
// (and everything else) only ever becomes text or attribute values, never markup.

/** @typedef {Node | string | null | undefined | false} Child */

/**
 * @param {string} tag
 * @param {Record<string, string | number | boolean | null | undefined>} [attributes]
 *   `class` included; null, undefined and false are left out, true sets an empty attribute
 * @param {...Child} children strings become text nodes
 * @returns {HTMLElement}
 */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  setAttributes(element, attributes);
  append(element, children);
  return element;
}

/**
 * @param {Element} element
 * @param {Record<string, string | number | boolean | null | undefined>} attributes
 */
export function setAttributes(element, attributes) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

/**
 * @param {Element} parent
 * @param {Child[]} children
 */
export function append(parent, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

let lastGeneratedId = 0x40;

/** A Gmail-looking generated element id (":1a", ":1b"…), different on every render. */
export function generatedId() {
  lastGeneratedId += 1;
  return `:${lastGeneratedId.toString(36)}`;
}

/**
 * A clickable div with a localized name, like Gmail's toolbar buttons.
 * @param {string} className
 * @param {string} label localized; used for aria-label and data-tooltip
 * @param {...Child} children
 */
export function iconButton(className, label, ...children) {
  return el('div', { class: `T-I J-J5-Ji ${className}`, role: 'button', tabindex: 0, 'aria-label': label, 'data-tooltip': label }, ...children);
}

/**
 * Runs `action` on click and on Enter/Space, as a role=button element should.
 * @param {Element} element
 * @param {(event: Event) => void} action
 */
export function onActivate(element, action) {
  element.addEventListener('click', action);
  element.addEventListener('keydown', (event) => {
    const key = /** @type {KeyboardEvent} */ (event).key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      action(event);
    }
  });
}
