/** Styles live inside our shadow roots: Gmail's CSS cannot reach them and ours cannot leak. */

let adoptionRefused = false;

/**
 * Gives `root` the shared constructed sheet; false when the browser refuses it. Firefox 140 does:
 * a sheet constructed in the content script's world cannot be assigned to the page's shadow root
 * through its Xray wrapper ("Accessing from Xray wrapper is not supported"). After one refusal
 * every root gets a <style> element instead (the caller's fallback), without trying again.
 */
export function adoptSheet(root: ShadowRoot, sheet: CSSStyleSheet): boolean {
  if (adoptionRefused) return false;
  try {
    root.adoptedStyleSheets = [sheet];
    return true;
  } catch {
    adoptionRefused = true;
    return false;
  }
}

export const CHIP_CSS = `
:host { display: inline-flex; vertical-align: middle; margin: 0 6px 0 0; contain: layout style; }
.chip { display: inline-flex; align-items: center; gap: 4px; font: 500 11px/16px system-ui, sans-serif; border-radius: 8px; padding: 0 6px; white-space: nowrap; background: #eef3f2; color: #1f1f1f; border: 1px solid #d5e0de; }
.chip::before { content: ''; flex: none; width: 8px; height: 8px; border-radius: 50%; background: var(--stage); }
.stage { max-width: 90px; overflow: hidden; text-overflow: ellipsis; }
.overdue { color: #c5221f; } .today { color: #b06000; } .reply { color: #0b57d0; } .decision { color: #8430ce; }
@media (prefers-color-scheme: dark) { .chip { background: #2d3a39; color: #e8eaed; border-color: #3c4b49; } .overdue { color: #f28b82; } .today { color: #fdd663; } .reply { color: #8ab4f8; } .decision { color: #d7aefb; } }
`;

/**
 * The card: one line (.bar: who, stage and facts in .line, the quick actions in .quick) and the
 * rest under More (.more). The line shrinks before the actions wrap under it: the name gives way
 * first, then the facts; open, they wrap instead (the card is tall anyway). The stage's colour is the rep's pick, so a dot carries it and the stage's
 * name keeps the text's contrast.
 */
export const CARD_CSS = `
:host { display: block; margin: 8px 0 12px; }
.card { font: 13px/1.45 system-ui, sans-serif; color: #1f1f1f; background: #f6f9f9; border: 1px solid #d5e0de; border-radius: 8px; padding: 6px 12px; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; }
.line { display: flex; align-items: center; gap: 8px; flex: 1 1 0; min-width: 14em; }
h2, .facts { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; min-width: 3em; }
.open h2, .open .facts { white-space: normal; }
h2 { font-size: 14px; flex: 0 3 auto; } .facts { color: #3c4043; flex: 0 1 auto; }
.quick { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
.quick select { field-sizing: content; max-width: 9em; }
.card:not(.open) [name=note] { display: none; }
.toggle::after { content: ' ▾'; } .open .toggle::after { content: ' ▴'; }
.stage { flex: none; display: inline-flex; align-items: center; gap: 4px; border: 1px solid #c4ccd0; border-radius: 8px; padding: 0 6px; font: 500 11px/16px system-ui, sans-serif; }
.stage::before { content: ''; width: 8px; height: 8px; border-radius: 50%; background: var(--stage); }
.more { border-top: 1px solid #d5e0de; margin-top: 6px; padding-top: 2px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
dt { color: #5f6368; } dd { margin: 0; }
ol { margin: 4px 0; padding-left: 18px; color: #3c4043; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; align-items: center; }
form { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin-top: 6px; }
.quick form, .actions form { margin: 0; }
[role=status] { margin: 0; } [role=status]:not(:empty) { margin-top: 4px; }
button, select, input { font: inherit; border: 1px solid #c4ccd0; border-radius: 4px; background: #fff; color: inherit; padding: 2px 8px; }
button { cursor: pointer; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #0b7a75; outline-offset: 1px; }
.warning { color: #b06000; } .error { color: #c5221f; } .note { white-space: pre-wrap; }
@media (prefers-color-scheme: dark) {
  .card { color: #e8eaed; background: #263130; border-color: #3c4b49; } dt, ol, .facts { color: #9aa0a6; } .more { border-color: #3c4b49; }
  button, select, input { background: #202124; border-color: #5f6368; } .warning { color: #fdd663; } .error { color: #f28b82; }
}
`;
