/**
 * Building our DOM inside Gmail. Every node is made with createElement and text is set with
 * textContent, so names and subjects from the page can never become markup. Every host element
 * carries `data-touchbase` (Gmail rewrites class names, not our data attributes) and keeps its
 * content in a shadow root, so Gmail's CSS and ours never mix.
 */
import { adoptSheet } from './styles';

export const MARKER = 'data-touchbase';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | number | boolean | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

const sheets = new Map<string, CSSStyleSheet | null>();

/**
 * One parsed stylesheet per kind of host, shared by every shadow root (a hundred chips parse
 * their CSS once). Where constructable sheets are not available, each root gets a <style>.
 */
function sharedSheet(css: string): CSSStyleSheet | null {
  if (!sheets.has(css)) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      sheets.set(css, sheet);
    } catch {
      sheets.set(css, null);
    }
  }
  return sheets.get(css) ?? null;
}

/**
 * Our hosts' shadow roots, reachable only from this script. The roots are closed: a script of the
 * page gets `null` from `host.shadowRoot`, so it can neither read the rep's notes, values and touches
 * out of a card or chip, nor get hold of a control to drive.
 */
const roots = new WeakMap<Element, ShadowRoot>();

/** The shadow root of one of our hosts (null for any other element). */
export function shadowOf(host: Element | null | undefined): ShadowRoot | null {
  return (host && roots.get(host)) ?? null;
}

/** A host element of ours with a closed shadow root styled with `css`. */
export function shadowHost(tag: 'span' | 'div', kind: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  host.setAttribute(MARKER, kind);
  const root = host.attachShadow({ mode: 'closed' });
  roots.set(host, root);
  const sheet = sharedSheet(css);
  if (!sheet || !adoptSheet(root, sheet)) {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  return { host, root };
}

/**
 * Makes `target` show what `source` shows, changing only what differs: text the rep has selected
 * in an unchanged part stays selected. For nodes without listeners or form state (the card's
 * read-only part); `source` is a fresh build of the same part.
 */
export function morph(target: Element, source: Element): void {
  for (const { name } of [...target.attributes]) if (!source.hasAttribute(name)) target.removeAttribute(name);
  for (const { name, value } of source.attributes) if (target.getAttribute(name) !== value) target.setAttribute(name, value);
  const wanted = [...source.childNodes];
  wanted.forEach((next, index) => {
    const current = target.childNodes[index];
    if (current instanceof Element && next instanceof Element && current.tagName === next.tagName) morph(current, next);
    else if (current instanceof Text && next instanceof Text) {
      if (current.data !== next.data) current.data = next.data;
    } else if (current) target.replaceChild(next, current);
    else target.appendChild(next);
  });
  while (target.childNodes.length > wanted.length) target.lastChild!.remove();
}

/** Removes every node Touchbase ever added to the page. */
export function removeAllOurNodes(doc: Document): void {
  for (const node of doc.querySelectorAll(`[${MARKER}]`)) {
    if (node instanceof HTMLElement && node.getAttribute(MARKER) === 'row') node.removeAttribute(MARKER);
    else node.remove();
  }
}
