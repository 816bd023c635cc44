import { useEffect, useRef, useState } from 'preact/hooks';
import { notDue } from '../domain/dueCounts';
import { pipelineCurrency } from '../domain/pipeline';
import { matchesSearch } from '../domain/ranking';
import { t } from '../platform/i18n';
import { openOptionsPage } from '../platform/pages';
import { AddProspect } from './AddProspect';
import { DueSections } from './DueSections';
import { Help } from './Help';
import { moveFocus } from './keyboard';
import { Pipeline } from './Pipeline';
import { StageOptions } from './StageOptions';
import { SyncHint } from './SyncHint';
import { useStore, type StoreState } from './useStore';
import type { Settings } from '../domain/settings';
import type { Prospect } from '../domain/types';

type View = 'due' | 'pipeline' | 'add';

export function App({ initial }: { initial: StoreState }) {
  const [view, setView] = useState<View>('due');
  const [query, setQuery] = useState('');
  const [stageFilter, setStageFilter] = useState('');
  const [help, setHelp] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // Effects run once the first frame is painted; then the whole first page is rendered.
  const [firstFrame, setFirstFrame] = useState(true);
  useEffect(() => setFirstFrame(false), []);
  const searching = query.trim() !== '' || stageFilter !== '';
  const state = useStore(searching || view !== 'due', initial);
  const search = useRef<HTMLInputElement>(null);
  const announce = (work: Promise<string>) => void work.then(setAnnouncement);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement || event.target instanceof HTMLSelectElement;
      if (event.key === 'Escape') return setHelp(false);
      if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '/') {
        event.preventDefault();
        setView('due');
        search.current?.focus();
      } else if (event.key === '?') setHelp((open) => !open);
      else if (['j', 'k', 'ArrowDown', 'ArrowUp'].includes(event.key)) {
        event.preventDefault();
        moveFocus(document, event.key === 'j' || event.key === 'ArrowDown' ? 1 : -1);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  if (state.status === 'error') return <p role="alert">{t('loadError', state.error)}</p>;
  const { due, complete, settings, now, all } = state.snapshot;

  return (
    <>
      <header>
        <h1>{t('popupTitle')}</h1>
        <nav aria-label={t('views')}>
          {(['due', 'pipeline', 'add'] as const).map((name) => (
            <button key={name} type="button" aria-pressed={view === name} onClick={() => setView(name)}>
              {t(`view_${name}`)}
            </button>
          ))}
          <button type="button" aria-label={t('helpOpen')} aria-expanded={help} onClick={() => setHelp(!help)}>
            ?
          </button>
          <button type="button" aria-label={t('openOptions')} title={t('openOptions')} onClick={() => void openOptionsPage()}>
            ⚙
          </button>
        </nav>
      </header>
      {help && <Help onClose={() => setHelp(false)} />}
      <SyncHint now={now} />
      {view === 'due' && (
        <>
          <div class="search" role="search">
            <input ref={search} type="search" value={query} placeholder={t('searchPlaceholder')} aria-label={t('searchLabel')} onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)} />
            <select aria-label={t('stageFilter')} value={stageFilter} onChange={(e) => setStageFilter((e.currentTarget as HTMLSelectElement).value)}>
              <option value="">{t('allStages')}</option>
              <StageOptions settings={settings} />
            </select>
          </div>
          {searching ? (
            // Nothing until every prospect is read: a count of 0 would be a lie meanwhile.
            all && <SearchResults matches={all.filter((p) => matchesSearch(p, query, stageFilter))} now={now} settings={settings} announce={announce} />
          ) : (
            <DueSections due={due} complete={complete} firstFrame={firstFrame} now={now} settings={settings} announce={announce} />
          )}
        </>
      )}
      {view === 'pipeline' && <Pipeline prospects={all ?? []} settings={settings} now={now} />}
      {view === 'add' && <AddProspect settings={settings} mainCurrency={pipelineCurrency(all ?? [], settings)} announce={announce} onDone={() => setView('due')} />}
      <p class="status" role="status">
        {announcement}
      </p>
    </>
  );
}

/**
 * Search and the stage filter keep the due list's shape: the matches in their due sections, with
 * counts of matches, and the rest of the matches under "Not due".
 */
function SearchResults({ matches, now, settings, announce }: { matches: readonly Prospect[]; now: number; settings: Settings; announce: (work: Promise<string>) => void }) {
  return <DueSections due={matches} notDue={notDue(matches, now)} complete firstFrame={false} now={now} settings={settings} announce={announce} />;
}
