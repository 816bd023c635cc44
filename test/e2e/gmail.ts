import type { Page } from 'playwright-core';
import type { Prospect } from '../../src/domain/types';
import { mostUrgent } from '../../src/domain/urgency';
import { inContent } from './closedRoots';

/** A thread row as the test sees it: its ids, its people, and the chips of ours inside it. */
export interface RowState {
  legacyId: string | null;
  emails: string[];
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
        chips: all('[data-touchbase="chip"]').map((host) => {
          const chip = open(host)?.querySelector('.chip');
          return { prospectId: host.getAttribute('data-prospect-id'), label: chip?.getAttribute('aria-label') ?? null, text: chip?.textContent ?? '' };
        }),
      };
    }),
  undefined);
}

/** The prospect a row should show: by linked thread first, then by address (as the content script does). */
export function expectedProspect(row: RowState, prospects: readonly Prospect[]): string | null {
  const linked = row.legacyId ? prospects.filter((p) => p.threadIds.includes(row.legacyId!)) : [];
  return mostUrgent(linked.length > 0 ? linked : prospects.filter((p) => row.emails.includes(p.email)))?.id ?? null;
}

export { cardText } from './closedRoots';
