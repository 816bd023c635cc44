import { CHANNELS } from '../domain/types';
import { t } from '../platform/i18n';

/** Every key the popup handles: App's list keys, the row's keys (DueItem) and its panels' keys. */
const KEYS: readonly [string, string][] = [
  ['j / ↓', 'keyNext'],
  ['k / ↑', 'keyPrevious'],
  ['l', 'keyLog'],
  ['s', 'keySnooze'],
  ['o', 'keyOpen'],
  [`1 – ${CHANNELS.length}`, 'keyChannel'],
  ['/', 'keySearch'],
  ['?', 'keyHelp'],
  ['Esc', 'keyEscape'],
];

/** "1 Email, 2 Phone, …": the digit that logs each channel in the log panel. */
function channelDigits(): string {
  return CHANNELS.map((channel, index) => `${index + 1} ${t(`channel_${channel}`)}`).join(', ');
}

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
            <dd>{text === 'keyChannel' ? t(text, channelDigits()) : t(text)}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={onClose}>
        {t('helpClose')}
      </button>
    </section>
  );
}
