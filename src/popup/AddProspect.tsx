import { useState } from 'preact/hooks';
import type { Settings } from '../domain/settings';
import { CHANNELS } from '../domain/types';
import { createRequestFromForm } from './addProspectForm';
import { StageOptions } from './StageOptions';
import { t } from '../platform/i18n';
import { send } from '../platform/messages';

interface Props {
  readonly settings: Settings;
  readonly announce: (work: Promise<string>) => void;
  readonly onDone: () => void;
}

/**
 * A lead from a call or an event, added by hand. The background validates (address syntax,
 * duplicates, ranges) and its refusal is shown as it is: it names the field.
 */
export function AddProspect({ settings, announce, onDone }: Props) {
  const [error, setError] = useState('');
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const work = send('prospect.create', createRequestFromForm(new FormData(event.currentTarget as HTMLFormElement))).then(
      (created) => {
        setError('');
        onDone();
        return t('addedProspect', created.name || created.email);
      },
      (failure: unknown) => {
        const message = failure instanceof Error ? failure.message : String(failure);
        setError(message);
        return message;
      },
    );
    announce(work);
  };

  return (
    <form class="add" onSubmit={onSubmit} aria-labelledby="add-title" noValidate>
      <h2 id="add-title">{t('addTitle')}</h2>
      <label>
        {t('fieldEmail')}
        <input name="email" type="email" required autoComplete="off" aria-invalid={error ? 'true' : undefined} aria-describedby={error ? 'add-error' : undefined} />
      </label>
      <label>
        {t('fieldName')}
        <input name="name" type="text" maxLength={200} />
      </label>
      <label>
        {t('fieldCompany')}
        <input name="company" type="text" maxLength={200} />
      </label>
      <label>
        {t('cardStage')}
        <select name="stage">
          <StageOptions settings={settings} />
        </select>
      </label>
      <label>
        {t('cardValue')}
        <input name="value" type="number" min={0} step="any" />
      </label>
      <label>
        {t('cardCadenceDays')}
        <input name="cadence" type="number" min={1} max={365} step={1} />
      </label>
      <label>
        {t('cardChannel')}
        <select name="channel">
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel_${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('cardNote')}
        <textarea name="notes" rows={2} maxLength={5000} />
      </label>
      {error && (
        <p id="add-error" class="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit">{t('addSubmit')}</button>
    </form>
  );
}
