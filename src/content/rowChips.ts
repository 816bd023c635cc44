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
 * the plural rules of the UI language and the chip stylesheet. Built on the first chip instead,
 * they took the first list's frame.
 */
export function prepareChips(t: Translate, locale: string): void {
  plural(t, 'touchCount', 1, locale);
  shadowHost('span', CHIP, CHIP_CSS);
}

/**
 * Puts one chip on a row of a tracked prospect, or removes ours from a row that no longer shows
 * one. A row keeps at most one chip however often Gmail re-renders or recycles it.
 */
export function annotateRow(row: ThreadRow, prospect: Prospect | null, settings: Settings, now: number, t: Translate, locale: string): void {
  const key = prospect ? `${prospect.id}:${prospect.updatedAt}:${row.threadId ?? ''}:${dayOf(now)}:${settingsStamp(settings)}` : '';
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
  row.chipAnchor.prepend(chip(prospect, settings, now, t, locale));
}

function chip(prospect: Prospect, settings: Settings, now: number, t: Translate, locale: string): HTMLElement {
  const view = statusView(prospect, settings, now, t, locale);
  const { host, root } = shadowHost('span', CHIP, CHIP_CSS);
  host.setAttribute('data-prospect-id', prospect.id);
  // Two elements per chip (the stage dot is a pseudo-element): a list of a thousand rows pays for
  // style and layout of every node we add. The stage has its own so a long name is cut short
  // (CHIP_CSS), never the count or the due state; the label keeps the whole sentence.
  const body = el(
    'span',
    { class: `chip ${view.tone}`, role: 'img', 'aria-label': view.label, title: view.label, style: `--stage:${view.stageColor}` },
    el('span', { class: 'stage' }, view.stageName),
    ` · ${[String(prospect.touchCount), view.due].filter(Boolean).join(' · ')}`,
  );
  root.appendChild(body);
  return host;
}

/** Chips say "today" or "overdue": they are redrawn when the day changes. */
function dayOf(now: number): string {
  return new Date(now).toDateString();
}
