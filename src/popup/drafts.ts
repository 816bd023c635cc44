import { useEffect, useState } from 'preact/hooks';

export type Panel = 'none' | 'log' | 'snooze' | 'stage';

/** What the rep has open and typed on one item of the list. */
export interface Draft {
  readonly panel: Panel;
  readonly note: string;
  readonly date: string;
  /** The panel field that had the focus last, given back when the item is drawn anew. */
  readonly focus: 'note' | 'date' | null;
}

const EMPTY: Draft = { panel: 'none', note: '', date: '', focus: null };

/**
 * Drafts per prospect, for the life of the popup. An item that moves to another section (its
 * prospect was changed in Gmail, in another window or by an email) is drawn anew there, and must
 * come back as the rep left it: the panel open, the note typed so far.
 */
const drafts = new Map<string, Draft>();

/** The items on screen, to close their panel when another item opens one. */
const shown = new Map<string, (draft: Draft) => void>();

/** One panel open in the whole list: opening one closes any other (what was typed stays). */
function closeOtherPanels(prospectId: string): void {
  for (const [id, draft] of drafts) {
    if (id === prospectId || draft.panel === 'none') continue;
    const closed = { ...draft, panel: 'none' as const, focus: null };
    drafts.set(id, closed);
    shown.get(id)?.(closed);
  }
}

export function useDraft(prospectId: string): [Draft, (patch: Partial<Draft>) => void] {
  const [draft, setDraft] = useState(() => drafts.get(prospectId) ?? EMPTY);
  useEffect(() => {
    shown.set(prospectId, setDraft);
    return () => {
      if (shown.get(prospectId) === setDraft) shown.delete(prospectId);
    };
  }, [prospectId]);
  const update = (patch: Partial<Draft>) => {
    if (patch.panel && patch.panel !== 'none') closeOtherPanels(prospectId);
    const next = { ...(drafts.get(prospectId) ?? EMPTY), ...patch };
    drafts.set(prospectId, next);
    setDraft(next);
  };
  return [draft, update];
}
