import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../domain/settings';
import { t } from '../platform/i18n';
import { onChange, send } from '../platform/messages';
import { openTouchbaseDB } from '../store/db';
import { readSettings } from '../store/settings';
import { DataSection } from './DataSection';
import { RulesForm } from './RulesForm';
import { StagesEditor } from './StagesEditor';
import { SyncSection } from './SyncSection';

const database = openTouchbaseDB();

/**
 * The options page: a draft of the settings the rep edits freely, saved in one command (the
 * background validates it, recomputes every due time and re-arms reminders), and the data tools.
 */
export function Options() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Settings | null>(null);
  const [status, setStatus] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const [unavailable, setUnavailable] = useState<string | null>(null);

  useEffect(() => {
    const stop = new AbortController();
    const load = () =>
      void database.then(readSettings).then(
        (settings) => {
          setSaved(settings);
          setDraft(settings);
        },
        // The store could not open (a newer version elsewhere, storage cleared or broken): say so
        // instead of showing "Loading…" for ever.
        (error: unknown) => setUnavailable(error instanceof Error ? error.message : String(error)),
      );
    load();
    onChange((event) => event.settingsChanged && load(), stop.signal);
    return () => stop.abort();
  }, []);

  if (unavailable !== null) {
    return (
      <div role="alert">
        <p>{t('optionsStoreUnavailable')}</p>
        <p lang="en">
          <code>{unavailable}</code>
        </p>
      </div>
    );
  }
  if (!draft || !saved) return <p aria-busy="true">{t('optionsLoading')}</p>;
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      setSaved(await send('settings.update', { settings: draft }));
      setStatus({ error: false, text: t('optionsSaved') });
    } catch (error) {
      setStatus({ error: true, text: t('optionsNotSaved', error instanceof Error ? error.message : String(error)) });
    }
  };

  return (
    <>
      <h1>{t('optionsTitle')}</h1>
      <form onSubmit={save} aria-labelledby="settings-title">
        <h2 id="settings-title">{t('optionsPipeline')}</h2>
        <StagesEditor settings={draft} onChange={setDraft} />
        <h2>{t('optionsRules')}</h2>
        <RulesForm settings={draft} onChange={setDraft} />
        <div class="row">
          <button type="submit" class="primary" disabled={!dirty}>{t('optionsSave')}</button>
          <button type="button" disabled={!dirty} onClick={() => setDraft(saved)}>{t('optionsDiscard')}</button>
        </div>
        <p role={status.error ? 'alert' : 'status'}>{status.text}</p>
      </form>
      <SyncSection />
      <DataSection database={database} settings={saved} />
    </>
  );
}
