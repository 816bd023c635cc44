import { t, uiLanguage } from '../platform/i18n';

/** Long work the data section runs, one at a time, and how far it has got. */
export type Work =
  | { readonly kind: 'check' | 'write'; readonly name: string; readonly done: number; readonly total: number | null }
  | { readonly kind: 'export'; readonly done: number; readonly total: number | null }
  | { readonly kind: 'delete'; readonly prospects: number; readonly touches: number };

function label(work: Work, count: (n: number) => string): string {
  // Before the first report the total is not known yet.
  const total = (n: number | null) => (n === null ? '…' : count(n));
  switch (work.kind) {
    case 'check':
      return t('progressChecking', [work.name, count(work.done), total(work.total)]);
    case 'write':
      return t('progressWriting', [work.name, count(work.done), total(work.total)]);
    case 'export':
      return t('progressExporting', [count(work.done), total(work.total)]);
    case 'delete':
      return t('progressDeleting', [count(work.prospects), count(work.touches)]);
  }
}

/**
 * A progress bar named by what runs and how far it is (records checked, written or read of how
 * many). Deleting is one step in the store, so its bar has no count to move: it says what goes.
 */
export function WorkProgress({ work }: { readonly work: Work }) {
  const format = new Intl.NumberFormat(uiLanguage());
  const total = work.kind === 'delete' ? null : work.total;
  return (
    <div class="summary">
      {total === null || work.kind === 'delete' ? (
        <progress aria-labelledby="work-label" />
      ) : (
        <progress aria-labelledby="work-label" max={Math.max(total, 1)} value={work.done} />
      )}
      <p id="work-label">{label(work, (n) => format.format(n))}</p>
    </div>
  );
}
