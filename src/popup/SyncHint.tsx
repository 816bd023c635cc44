import { useEffect, useState } from 'preact/hooks';
import { t } from '../platform/i18n';
import { send } from '../platform/messages';
import { openOptionsPage } from '../platform/pages';

const DAY = 24 * 60 * 60 * 1000;

/**
 * One line in the popup when sync has been failing for more than a day: changes are safe on this
 * computer, but the other computers do not see them. Nothing is shown otherwise (sync off, or fine).
 */
export function SyncHint({ now }: { readonly now: number }) {
  const [failingSince, setFailingSince] = useState<number | null>(null);
  useEffect(() => {
    send('sync.status', {}).then(
      (status) => setFailingSince(status.connected ? status.failingSince : null),
      () => undefined, // no hint is the right fallback: the popup's own work goes on
    );
  }, []);
  if (failingSince === null || now - failingSince <= DAY) return null;
  return (
    <p class="sync-hint" role="alert">
      {t('syncFailingHint')}{' '}
      <button type="button" onClick={() => void openOptionsPage()}>{t('openOptions')}</button>
    </p>
  );
}
