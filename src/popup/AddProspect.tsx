import { useState } from 'preact/hooks';
import type { Settings } from '../domain/settings';
import { CHANNELS } from '../domain/types';
import { createRequestFromForm } from './addProspectForm';
import { StageOptions } from './StageOptions';
import { problemInLanguage } from '../domain/problemInLanguage';
import { t } from '../platform/i18n';
import { CommandError, send } from '../platform/messages';

interface Props {
  readonly settings: Settings;
  /** The pipeline's main currency ('' before any value has one): the currency field starts on it. */
  readonly mainCurrency: string;
  readonly announce: (work: Promise<string>) => void;
  readonly onDone: () => void;
}

/** The request's field (the refusal's path) → the form control and the label the rep sees. */
const FIELDS = {
  email: 'fieldEmail',
  name: 'fieldName',
  company: 'fieldCompany',
  stageId: 'cardStage',
  value: 'cardValue',
  currency: 'fieldCurrency',
  cadenceDays: 'cardCadenceDays',
  channel: 'cardChannel',
  notes: 'cardNote',
} as const;
type Field = keyof typeof FIELDS;

/** ISO 4217 codes this browser knows, offered as the rep types; any three capitals are accepted. */
const CURRENCY_CODES: readonly string[] = Intl.supportedValuesOf('currency');

interface Refusal {
  /** The field the refusal names, or null when it is about the whole prospect. */
  readonly field: Field | null;
  readonly message: string;
}

/**
 * A refusal the background gave, worded for the form: a field's problem reads with the field's
 * label ("Email: …"), never with the request's internal key.
 */
function refusalFor(failure: unknown): Refusal {
  const fallback = failure instanceof Error ? failure.message : String(failure);
  const problem = failure instanceof CommandError ? failure.problem : undefined;
  const field = problem && problem.path in FIELDS ? (problem.path as Field) : null;
  if (!problem || !field) return { field: null, message: fallback };
  const reason = problemInLanguage({ ...problem, path: '' }, t, fallback);
  return { field, message: `${t(FIELDS[field])}: ${reason}` };
}

/**
 * A lead from a call or an event, added by hand. The background validates (address syntax,
 * duplicates, ranges); its refusal is shown once, next to the field it names, which is marked
 * invalid. The status line stays for what succeeded, so an error never shows in its colour.
 */
export function AddProspect({ settings, mainCurrency, announce, onDone }: Props) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  // Follows the main currency (read after the form first shows) until the rep types their own.
  const [currency, setCurrency] = useState<string | null>(null);
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const work = send('prospect.create', createRequestFromForm(new FormData(event.currentTarget as HTMLFormElement))).then(
      (created) => {
        setRefusal(null);
        onDone();
        return t('addedProspect', created.name || created.email);
      },
      (failure: unknown) => {
        setRefusal(refusalFor(failure));
        return '';
      },
    );
    announce(work);
  };
  /** Marks a control invalid and ties the message to it when the refusal names its field. */
  const invalid = (field: Field) =>
    refusal?.field === field ? { 'aria-invalid': 'true' as const, 'aria-describedby': 'add-error' } : {};
  const errorNextTo = (field: Field | null) =>
    refusal && refusal.field === field ? (
      <p id="add-error" class="error" role="alert">
        {refusal.message}
      </p>
    ) : null;

  return (
    <form class="add" onSubmit={onSubmit} aria-labelledby="add-title" noValidate>
      <h2 id="add-title">{t('addTitle')}</h2>
      <label>
        {t('fieldEmail')}
        <input name="email" type="email" required autoComplete="off" {...invalid('email')} />
      </label>
      {errorNextTo('email')}
      <label>
        {t('fieldName')}
        <input name="name" type="text" maxLength={200} {...invalid('name')} />
      </label>
      {errorNextTo('name')}
      <label>
        {t('fieldCompany')}
        <input name="company" type="text" maxLength={200} {...invalid('company')} />
      </label>
      {errorNextTo('company')}
      <label>
        {t('cardStage')}
        <select name="stage" {...invalid('stageId')}>
          <StageOptions settings={settings} />
        </select>
      </label>
      {errorNextTo('stageId')}
      <label>
        {t('cardValue')}
        <input name="value" type="number" min={0} step="any" {...invalid('value')} />
      </label>
      {errorNextTo('value')}
      <label>
        {t('fieldCurrency')}
        <input name="currency" type="text" list="currency-codes" autoComplete="off" autoCapitalize="characters" spellcheck={false}
          value={currency ?? mainCurrency} onInput={(e) => setCurrency((e.currentTarget as HTMLInputElement).value)} {...invalid('currency')} />
      </label>
      <datalist id="currency-codes">
        {CURRENCY_CODES.map((code) => (
          <option key={code} value={code} />
        ))}
      </datalist>
      {errorNextTo('currency')}
      <label>
        {t('cardCadenceDays')}
        <input name="cadence" type="number" min={1} max={365} step={1} {...invalid('cadenceDays')} />
      </label>
      {errorNextTo('cadenceDays')}
      <label>
        {t('cardChannel')}
        <select name="channel" {...invalid('channel')}>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel_${channel}`)}
            </option>
          ))}
        </select>
      </label>
      {errorNextTo('channel')}
      <label>
        {t('cardNote')}
        <textarea name="notes" rows={2} maxLength={5000} {...invalid('notes')} />
      </label>
      {errorNextTo('notes')}
      {errorNextTo(null)}
      <button type="submit">{t('addSubmit')}</button>
    </form>
  );
}
