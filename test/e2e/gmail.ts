import type { Page } from 'playwright-core';
import type { Prospect } from '../../src/domain/types';
import { inContent } from './closedRoots';

/** A thread row as the test sees it: its ids, its people, and the chips of ours inside it. */
export interface RowState {
  legacyId: string | null;
  emails: string[];
  /** Gmail shows the row unread (`tr.zE`): Touchbase reads a reply into it without the thread opened. */
  unread: boolean;
  chips: { prospectId: string | null; label: string | null; text: string }[];
}

/** Reads every list row with Gmail's hooks and our chips (their closed roots opened from the content script's world). */
export function rowStates(page: Page): Promise<RowState[]> {
  return inContent(page, (open) =>
    [...document.querySelectorAll('div[role=main] tr.zA')].map((row) => {
      // Vertical reading pane: a thread spans this row and the next non-.zA rows.
      const parts = [row];
      for (let next = row.nextElementSibling; next && !next.matches('tr.zA') && parts.length < 3; next = next.nextElementSibling) parts.push(next);
      const all = (selector: string) => parts.flatMap((part) => [...part.querySelectorAll(selector)]);
      return {
        legacyId: all('[data-legacy-thread-id]')[0]?.getAttribute('data-legacy-thread-id') ?? null,
        emails: all('.yW span[email]').map((span) => (span.getAttribute('email') ?? '').toLowerCase()),
        unread: row.matches('.zE'),
        chips: all('[data-touchbase="chip"]').map((host) => {
          const chip = open(host)?.querySelector('.chip');
          return { prospectId: host.getAttribute('data-prospect-id'), label: chip?.getAttribute('aria-label') ?? null, text: chip?.textContent ?? '' };
        }),
      };
    }),
  undefined);
}

/**
 * The prospect a row should show, by the rule the README states: of everyone tracked on the row
 * (linked to its thread, or among its people), the most urgent: the earliest due time first,
 * people who are never due after everyone who is, and on a tie the address first in code-point
 * order.
 */
export function expectedProspect(row: RowState, prospects: readonly Prospect[]): string | null {
  const tracked = prospects.filter((p) => (row.legacyId !== null && p.threadIds.includes(row.legacyId)) || row.emails.includes(p.email));
  const neverDue = (p: Prospect) => (p.dueAt === undefined ? 1 : 0);
  const byUrgency = (a: Prospect, b: Prospect) =>
    neverDue(a) - neverDue(b) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.email < b.email ? -1 : a.email > b.email ? 1 : 0);
  return tracked.sort(byUrgency)[0]?.id ?? null;
}

export { cardText } from './closedRoots';
