/**
 * Only the rep may act through the thread card. The card lives in Gmail's page, whose scripts can
 * dispatch events on it: synthetic events are not `isTrusted`, but `form.requestSubmit()` and a
 * script's `button.click()` produce a trusted `submit`. So a form acts only within a second of a
 * real press, key or click inside that same form.
 */
const lastInput = new WeakMap<Element, number>();
const INPUT_WINDOW_MS = 1_000;

/** Notes real input inside `root` (call once per card root). */
export function watchInput(root: ShadowRoot): void {
  const note = (event: Event) => {
    const form = event.isTrusted && event.target instanceof Element ? event.target.closest('form') : null;
    if (form) lastInput.set(form, event.timeStamp);
  };
  for (const type of ['pointerdown', 'keydown', 'click']) root.addEventListener(type, note, { capture: true });
}

/** true when `event` comes from the person at the keyboard, not from a page script. */
export function byUser(event: Event): boolean {
  if (!event.isTrusted) return false;
  if (event.type !== 'submit') return true;
  const at = event.currentTarget instanceof Element ? lastInput.get(event.currentTarget) : undefined;
  return at !== undefined && event.timeStamp - at < INPUT_WINDOW_MS;
}
