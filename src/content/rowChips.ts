import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';
import { statusView } from '../ui/status';
import { MARKER, el, shadowHost } from './dom';
import { settingsStamp } from './settingsStamp';
import { CHIP_CSS } from './styles';
import { plural, type Translate } from '../ui/plural';
import type { ThreadRow } from './webmail/types';

const CHIP = 'chip';
/** On the row: the key the chip was drawn for, so a recycled row is redrawn and an unchanged one is not. */
const ROW_KEY = `${MARKER}-key`;

/** Takes our marks off Gmail's rows (the chips themselves go with every other node of ours). */
export function removeRowMarks(root: ParentNode): void {
  for (const row of root.querySelectorAll(`[${ROW_KEY}]`)) row.removeAttribute(ROW_KEY);
}

/**
 * Pays a Gmail tab's first-time costs before any row needs a chip (call when the page is idle):
 * the plural rules of the UI language, the chip stylesheet, and what the page pays the first time
 * it lays a chip out (the chip font, the sheet's rules, the shapes of its digits and words). Paid
 * on the first list instead, they took that list's frame. The sample chip is laid out once, unseen,
 * and removed; it is not a row's chip, so nothing counting chips ever sees it.
 */
export function prepareChips(doc: Document, t: Translate, locale: string): void {
  const sample = plural(t, 'touchCount', 1, locale);
  const { host, root } = shadowHost('span', 'chip-sample', CHIP_CSS);
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = 'position:fixed;top:0;left:0;visibility:hidden;pointer-events:none';
  root.appendChild(chipBody('none', sample, '#888', sample, ` · 0123456789 · ${t('dueToday')}`));
  const laidOut = new ResizeObserver(() => {
    laidOut.disconnect();
    host.remove();
  });
  doc.body.appendChild(host);
  laidOut.observe(host);
}

/** What every chip of one draw shares, worked out once per draw rather than once per row. */
export interface ChipContext {
  readonly settings: Settings;
  readonly now: number;
  readonly t: Translate;
  readonly locale: string;
  /** The part of each row's key that is the same for the whole draw: the day and the settings. */
  readonly drawnFor: string;
}

/** Chips say "today" or "overdue", and show the rep's stage names and colours: a new day or new settings redraw them. */
export function chipContext(settings: Settings, now: number, t: Translate, locale: string): ChipContext {
  return { settings, now, t, locale, drawnFor: `${new Date(now).toDateString()}:${settingsStamp(settings)}` };
}

/**
 * Puts one chip on a row of a tracked prospect, or removes ours from a row that no longer shows
 * one. A row keeps at most one chip however often Gmail re-renders or recycles it.
 */
export function annotateRow(row: ThreadRow, prospect: Prospect | null, context: ChipContext): void {
  const key = prospect ? `${prospect.id}:${prospect.updatedAt}:${row.threadId ?? ''}:${context.drawnFor}` : '';
  const drawnKey = row.element.getAttribute(ROW_KEY);
  // A row we never marked holds no chip of ours (a copy of a marked row carries the mark too):
  // a fresh list of a hundred rows is not searched a hundred times.
  if (drawnKey === null && !prospect) return;
  const existing = drawnKey === null ? [] : row.element.querySelectorAll(`[${MARKER}="${CHIP}"]`);
  const current = existing[0];
  const inPlace = current && current.parentElement === row.chipAnchor;
  if (key && existing.length === 1 && inPlace && drawnKey === key) return;
  for (const node of existing) node.remove();
  if (!prospect) {
    row.element.removeAttribute(ROW_KEY);
    return;
  }
  row.element.setAttribute(ROW_KEY, key);
  row.chipAnchor.prepend(chip(prospect, context));
}

/**
 * A chip's inside: two elements (the stage dot is a pseudo-element), since a list of a thousand
 * rows pays for style and layout of every node we add. The stage has its own so a long name is cut
 * short (CHIP_CSS), never the count or the due state; the label keeps the whole sentence.
 */
function chipBody(tone: string, label: string, stageColor: string, stageName: string, facts: string): HTMLElement {
  return el('span', { class: `chip ${tone}`, role: 'img', 'aria-label': label, title: label, style: `--stage:${stageColor}` }, el('span', { class: 'stage' }, stageName), facts);
}

function chip(prospect: Prospect, { settings, now, t, locale }: ChipContext): HTMLElement {
  const view = statusView(prospect, settings, now, t, locale);
  const { host, root } = shadowHost('span', CHIP, CHIP_CSS);
  host.setAttribute('data-prospect-id', prospect.id);
  root.appendChild(chipBody(view.tone, view.label, view.stageColor, view.stageName, ` · ${[String(prospect.touchCount), view.due].filter(Boolean).join(' · ')}`));
  return host;
}
