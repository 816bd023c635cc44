import { useState } from 'preact/hooks';
import { classifyDue, type DueSection } from '../domain/classify';
import type { Settings } from '../domain/settings';
import { countDue } from '../domain/dueCounts';
import { itemsToShow, SECTIONS_WITH_PAST_ITEMS } from '../domain/firstPage';
import { rankDueList } from '../domain/ranking';
import type { Prospect } from '../domain/types';
import { t } from '../platform/i18n';
import { DueItem } from './DueItem';

/** Items shown per section before "Show more": years of data must not slow the popup's first paint. */
const PAGE = 8;

/**
 * Items in the popup's first frame. A 600 px popup shows about six (ten reach past its bottom
 * even zoomed out to 67 %; test/e2e/popup-long-list.test.ts checks they pass 600 px). Building
 * and laying out the rest of the first page would double the time to that frame, so the rest is
 * added right after it, out of sight, where nothing visible moves.
 */
const FIRST_FRAME_ITEMS = 10;

interface Props {
  readonly due: readonly Prospect[];
  /** false while only the head of the overdue list has been read (see domain/firstPage.ts). */
  readonly complete: boolean;
  /** true for the popup's first render only. */
  readonly firstFrame: boolean;
  readonly now: number;
  readonly settings: Settings;
  readonly announce: (work: Promise<string>) => void;
  /** Search results: matches no section holds, shown last under "Not due"; no first-steps page. */
  readonly notDue?: readonly Prospect[];
}

/** The due list: one section per kind of work, ranked, a page of each, "Show more" for the rest. */
export function DueSections({ due, complete, firstFrame, now, settings, announce, notDue }: Props) {
  const sections = rankDueList(due, now);
  const counts = countDue(due, now).bySection;
  const [shown, setShown] = useState<Partial<Record<DueSection, number>>>({});
  const limits = itemsToShow(sections, (section) => shown[section] ?? PAGE, firstFrame ? FIRST_FRAME_ITEMS : Infinity);
  // Before the full read lands, sections holding past-due items show no count and no "Show more".
  const known = (section: DueSection) => complete || !SECTIONS_WITH_PAST_ITEMS.has(section);
  if (sections.length === 0 && complete && !notDue) {
    return (
      <section class="empty" aria-labelledby="empty-title">
        <h2 id="empty-title">{t('emptyTitle')}</h2>
        <ol>
          <li>{t('emptyStep1')}</li>
          <li>{t('emptyStep2')}</li>
          <li>{t('emptyStep3')}</li>
        </ol>
      </section>
    );
  }
  return (
    <>
      {sections.map(({ section, prospects }, index) => {
        const limit = limits[index] ?? 0;
        if (limit === 0) return null;
        const page = shown[section] ?? PAGE;
        return (
          <section key={section} aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`}>
              {t(`section_${section}`)} {known(section) && <span class="count">{counts[section]}</span>}
            </h2>
            <ul>
              {prospects.slice(0, limit).map((prospect) => (
                <DueItem key={prospect.id} prospect={prospect} settings={settings} now={now} announce={announce}
                  status={classifyDue({ at: prospect.dueAt ?? now, kind: prospect.dueKind ?? 'followUp' }, now)} />
              ))}
            </ul>
            {known(section) && limit === page && prospects.length > page && <ShowMore hidden={prospects.length - page} onClick={() => setShown({ ...shown, [section]: page + PAGE * 4 })} />}
          </section>
        );
      })}
      {notDue && (sections.length === 0 || notDue.length > 0) && <NotDue prospects={notDue} settings={settings} now={now} announce={announce} />}
    </>
  );
}

function ShowMore({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  return (
    <button type="button" class="more" onClick={onClick}>
      {t('showMore', String(hidden))}
    </button>
  );
}

/** Matches that are not due soon, soonest first, never-due (Lost) last; paged like the sections. */
function NotDue({ prospects, settings, now, announce }: { prospects: readonly Prospect[]; settings: Settings; now: number; announce: Props['announce'] }) {
  const [page, setPage] = useState(PAGE);
  const ordered = [...prospects].sort((a, b) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity) || (a.name || a.email).localeCompare(b.name || b.email));
  return (
    <section aria-labelledby="section-notDue">
      <h2 id="section-notDue">
        {t('section_notDue')} <span class="count">{prospects.length}</span>
      </h2>
      <ul>
        {ordered.slice(0, page).map((prospect) => (
          <DueItem key={prospect.id} prospect={prospect} settings={settings} now={now} announce={announce}
            status={prospect.dueAt !== undefined && prospect.dueKind ? classifyDue({ at: prospect.dueAt, kind: prospect.dueKind }, now) : null} />
        ))}
      </ul>
      {prospects.length > page && <ShowMore hidden={prospects.length - page} onClick={() => setPage(page + PAGE * 4)} />}
    </section>
  );
}
