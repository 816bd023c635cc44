import { t } from '../platform/i18n';

const KEYS: readonly [string, string][] = [
  ['j / ↓', 'keyNext'],
  ['k / ↑', 'keyPrevious'],
  ['l', 'keyLog'],
  ['s', 'keySnooze'],
  ['o', 'keyOpen'],
  ['/', 'keySearch'],
  ['?', 'keyHelp'],
  ['Esc', 'keyClose'],
];

export function Help({ onClose }: { onClose: () => void }) {
  return (
    <section class="help" role="dialog" aria-labelledby="help-title">
      <h2 id="help-title">{t('helpTitle')}</h2>
      <dl>
        {KEYS.map(([key, text]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(text)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('helpClose')}
      </button>
    </section>
  );
}
