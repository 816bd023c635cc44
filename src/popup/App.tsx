import { useState } from 'preact/hooks';
import { classifyDue, type DueSection } from '../domain/classify';
import type { Prospect } from '../domain/types';
import { t } from '../platform/i18n';
import { DueItem } from './DueItem';
import { useDueList } from './useDueList';

/** Sections in the order a rep works them: answer people first, then decide, then chase. */
const SECTIONS: readonly DueSection[] = ['replyNeeded', 'decision', 'overdue', 'today', 'upcoming'];

export function App() {
  const state = useDueList();
  const [announcement, announce] = useState('');
  if (state.status === 'loading') return <p aria-busy="true" />;
  if (state.status === 'error') return <p role="alert">{t('loadError', state.error)}</p>;

  const { prospects, settings, now } = state;
  const bySection = new Map<DueSection, Prospect[]>();
  for (const prospect of prospects) {
    if (prospect.dueAt === undefined || prospect.dueKind === undefined) continue;
    const { section } = classifyDue({ at: prospect.dueAt, kind: prospect.dueKind }, now);
    bySection.set(section, [...(bySection.get(section) ?? []), prospect]);
  }
  const visible = SECTIONS.filter((section) => bySection.has(section));

  return (
    <>
      <h1>{t('popupTitle')}</h1>
      {visible.length === 0 && (
        <section class="empty">
          <h2>{t('emptyTitle')}</h2>
          <p>{t('emptyHint')}</p>
        </section>
      )}
      {visible.map((section) => (
        <section key={section} aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>{t(`section_${section}`)}</h2>
          <ul>
            {(bySection.get(section) ?? []).map((prospect) => (
              <DueItem
                key={prospect.id}
                prospect={prospect}
                status={classifyDue({ at: prospect.dueAt ?? now, kind: prospect.dueKind ?? 'followUp' }, now)}
                settings={settings}
                now={now}
                announce={announce}
              />
            ))}
          </ul>
        </section>
      ))}
      <p class="status" role="status">
        {announcement}
      </p>
    </>
  );
}
