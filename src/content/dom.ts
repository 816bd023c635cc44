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

/** A host element of ours with an open shadow root styled with `css`. */
export function shadowHost(tag: 'span' | 'div', kind: string, css: string): { host: HTMLElement; root: ShadowRoot } {
  const host = document.createElement(tag);
  host.setAttribute(MARKER, kind);
  const root = host.attachShadow({ mode: 'open' });
  const sheet = sharedSheet(css);
  if (!sheet || !adoptSheet(root, sheet)) {
    const style = document.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  return { host, root };
}

/** Removes every node Touchbase ever added to the page. */
export function removeAllOurNodes(doc: Document): void {
  for (const node of doc.querySelectorAll(`[${MARKER}]`)) {
    if (node instanceof HTMLElement && node.getAttribute(MARKER) === 'row') node.removeAttribute(MARKER);
    else node.remove();
  }
}
