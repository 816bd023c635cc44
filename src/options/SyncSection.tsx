import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { problemInLanguage } from '../domain/problemInLanguage';
import { problemText } from '../domain/problems';
import { readSyncTarget } from '../domain/syncTarget';
import type { SyncStatus } from '../messaging/protocol';
import { t, uiLanguage } from '../platform/i18n';
import { onChange, send } from '../platform/messages';
import { refusedDocumentsLine } from './refusedDocuments';

type Form = { serverUrl: string; database: string; user: string; password: string };
const EMPTY: Form = { serverUrl: '', database: '', user: '', password: '' };
const FIELDS = ['serverUrl', 'database', 'user', 'password'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = { serverUrl: 'syncServer', database: 'syncDatabase', user: 'syncUser', password: 'syncPassword' };

/**
 * Options → Sync: connect this profile to the rep's own CouchDB, see how sync is doing, and
 * disconnect. Connecting asks the browser for the one origin typed here, from the click itself
 * (the browser grants optional permissions only in answer to the rep's gesture); the background
 * then checks the server with the credentials before anything is stored.
 */
export function SyncSection() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [message, setMessage] = useState<{ error: boolean; text: string }>({ error: false, text: '' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const stop = new AbortController();
    const load = () => void send('sync.status', {}).then(setStatus, () => undefined);
    load();
    // A pull announces what it changed: the waiting count and last sync time move with it.
    onChange(load, stop.signal);
    return () => stop.abort();
  }, []);

  const act = (work: () => Promise<SyncStatus | string>) => {
    setBusy(true);
    setMessage({ error: false, text: '' });
    void work()
      .then(
        (outcome) => (typeof outcome === 'string' ? setMessage({ error: true, text: outcome }) : setStatus(outcome)),
        (error: unknown) => setMessage({ error: true, text: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => setBusy(false));
  };

  const connect = (event: Event) => {
    event.preventDefault();
    const target = readSyncTarget(form);
    if (!target.ok) {
      const field = FIELDS.find((name) => name === target.problem.path);
      const refusal = problemInLanguage(target.problem, t, problemText(target.problem));
      setMessage({ error: true, text: field === undefined ? refusal : `${t(LABELS[field])}: ${refusal}` });
      return;
    }
    // Asked before any other await: the browser only asks the rep while the click is being handled.
    const granted = browser.permissions.request({ origins: [target.value.permissionPattern] });
    act(async () => {
      if (!(await granted)) return t('syncPermissionDeclined');
      const connected = await send('sync.connect', form);
      setForm(EMPTY);
      return connected;
    });
  };

  if (status === null) return null;
  return (
    <section aria-labelledby="sync-title">
      <h2 id="sync-title">{t('syncTitle')}</h2>
      <p>{t('syncIntro')}</p>
      {status.connected ? (
        <>
          <p data-sync="connected">{t('syncConnectedTo', [status.serverUrl ?? '', status.database ?? '', status.user ?? ''])}</p>
          <ul data-sync="state">
            <li>{status.lastSyncAt === null ? t('syncNever') : t('syncLast', new Date(status.lastSyncAt).toLocaleString(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }))}</li>
            <li>{t('syncWaiting', String(status.waiting))}</li>
            {status.lastError !== null && <li role="alert">{problemInLanguage(status.lastError, t, problemText(status.lastError))}</li>}
            {status.refused.length > 0 && <li data-sync="refused">{refusedDocumentsLine(status.refused, t)}</li>}
          </ul>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => act(() => send('sync.now', {}))}>{t('syncNow')}</button>
            <button type="button" disabled={busy} onClick={() => act(() => send('sync.disconnect', {}))}>{t('syncDisconnect')}</button>
          </div>
        </>
      ) : (
        <form onSubmit={connect} aria-labelledby="sync-title">
          {FIELDS.map((name) => (
            <label key={name}>
              {t(LABELS[name])}
              <input
                name={name}
                type={name === 'password' ? 'password' : name === 'serverUrl' ? 'url' : 'text'}
                autocomplete={name === 'password' ? 'current-password' : 'off'}
                value={form[name]}
                onInput={(e) => setForm({ ...form, [name]: (e.currentTarget as HTMLInputElement).value })}
              />
            </label>
          ))}
          <div class="row">
            <button type="submit" class="primary" disabled={busy}>{t('syncConnect')}</button>
          </div>
        </form>
      )}
      <p role={message.error ? 'alert' : 'status'}>{message.text}</p>
    </section>
  );
}
