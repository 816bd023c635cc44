/** Moves focus to the next (1) or previous (-1) prospect in the list, wrapping at neither end. */
export function moveFocus(doc: Document, step: 1 | -1): void {
  const items = [...doc.querySelectorAll<HTMLElement>('li[data-prospect-id]')];
  if (items.length === 0) return;
  const current = items.findIndex((item) => item.contains(doc.activeElement));
  const next = current === -1 ? (step === 1 ? 0 : items.length - 1) : Math.min(items.length - 1, Math.max(0, current + step));
  items[next]?.focus();
}
