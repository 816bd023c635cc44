/**
 * Only the rep may act through the thread card. The card lives in Gmail's page, whose scripts can
 * dispatch events, and some ways of driving a control produce trusted events: `form.requestSubmit()`
 * and a script's `button.click()` both end in a trusted `submit`, however the rep's own input
 * happened just before. So no action runs on `submit`; each runs on the rep's own trusted event on
 * the very control it belongs to: a click on its button (a mouse press, or Enter/Space on the
 * focused button), Enter in its field, a choice in its list.
 */

/** Runs `action` when the rep activates `button` (never on a script's `click()` or a synthetic event). */
export function onActivate(button: HTMLElement, action: () => void): void {
  button.addEventListener('click', (event) => {
    if (event.isTrusted && event.currentTarget === button) action();
  });
}

/** Runs `action` when the rep presses Enter in `field`; the browser's own implicit submit is held back. */
export function onEnter(field: HTMLElement, action: () => void): void {
  field.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.isComposing || event.target !== field) return;
    event.preventDefault();
    if (event.isTrusted) action();
  });
}

/** Runs `action` when the rep picks another entry of `list`. */
export function onPick(list: HTMLSelectElement, action: () => void): void {
  list.addEventListener('change', (event) => {
    if (event.isTrusted && event.target === list) action();
  });
}

/** A form of the card never submits: its actions run from the handlers above. */
export function holdSubmit(form: HTMLFormElement): void {
  form.addEventListener('submit', (event) => event.preventDefault());
}
