import type { Settings } from '../domain/settings';
import { t, uiLanguage } from '../platform/i18n';

interface Props {
  readonly settings: Settings;
  readonly onChange: (settings: Settings) => void;
}

// Weekday and hour names in the UI language, built once (Sunday = 0: 2026-11-22 was a Sunday).
const WEEKDAYS = Array.from({ length: 7 }, (_, day) => new Intl.DateTimeFormat(uiLanguage(), { weekday: 'long' }).format(new Date(2026, 10, 22 + day)));
const hourFormat = new Intl.DateTimeFormat(uiLanguage(), { hour: 'numeric', minute: '2-digit' });
const HOURS = Array.from({ length: 24 }, (_, hour) => hourFormat.format(new Date(2026, 0, 1, hour)));

/** A whole number field; an empty or partial entry is passed on as NaN for the background to refuse by name. */
function NumberField({ label, value, min, max, onInput }: { label: string; value: number; min: number; max: number; onInput: (value: number) => void }) {
  return (
    <label>
      {label}
      <input type="number" min={min} max={max} step={1} value={Number.isNaN(value) ? '' : value} onInput={(e) => onInput(e.currentTarget.valueAsNumber)} />
    </label>
  );
}

/** Working week, reminder hour, stop rule, pest guard, reply delay, customer cadence, notifications. */
export function RulesForm({ settings, onChange }: Props) {
  const set = (patch: Partial<Settings>) => onChange({ ...settings, ...patch });
  const wonIndex = settings.stages.findIndex((s) => s.kind === 'won');
  const won = settings.stages[wonIndex];
  const setCustomerCadence = (days: number) =>
    onChange({ ...settings, stages: settings.stages.map((s, i) => (i === wonIndex ? { ...s, cadence: { amount: days, unit: 'days' } } : s)) });
  const toggleDay = (day: number, on: boolean) => set({ workingDays: on ? [...settings.workingDays, day].sort((a, b) => a - b) : settings.workingDays.filter((d) => d !== day) });
  return (
    <>
      <fieldset>
        <legend>{t('optionsWorkingDays')}</legend>
        {[1, 2, 3, 4, 5, 6, 0].map((day) => (
          <label key={day}>
            <input type="checkbox" checked={settings.workingDays.includes(day)} onChange={(e) => toggleDay(day, e.currentTarget.checked)} />
            {WEEKDAYS[day]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('optionsReminders')}</legend>
        <label>
          {t('optionsReminderHour')}
          <select value={settings.reminderHour} onChange={(e) => set({ reminderHour: Number(e.currentTarget.value) })}>
            {HOURS.map((name, hour) => <option key={hour} value={hour}>{name}</option>)}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={settings.notificationsEnabled} onChange={(e) => set({ notificationsEnabled: e.currentTarget.checked })} />
          {t('optionsNotifications')}
        </label>
        <NumberField label={t('optionsReplyDelay')} min={0} max={168} value={settings.replyNeededDelayMinutes / 60}
          onInput={(hours) => set({ replyNeededDelayMinutes: Math.round(hours * 60) })} />
      </fieldset>
      <fieldset>
        <legend>{t('optionsStopRule')}</legend>
        <p class="hint">{t('optionsStopRuleHint')}</p>
        <NumberField label={t('optionsStopTouches')} min={1} max={50} value={settings.stopAfterTouches} onInput={(n) => set({ stopAfterTouches: n })} />
        <NumberField label={t('optionsStopDays')} min={1} max={730} value={settings.stopAfterDays} onInput={(n) => set({ stopAfterDays: n })} />
      </fieldset>
      <fieldset>
        <legend>{t('optionsPacing')}</legend>
        <NumberField label={t('optionsPestGap')} min={0} max={30} value={settings.minGapWorkingDays} onInput={(n) => set({ minGapWorkingDays: n })} />
        {won?.cadence && <NumberField label={t('optionsCustomerCadence')} min={1} max={365} value={won.cadence.amount} onInput={setCustomerCadence} />}
      </fieldset>
    </>
  );
}
