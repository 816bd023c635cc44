import type { Settings } from './settings';
import { STAGE_KINDS, type Stage } from './types';
import { arrayOf, bool, nullable, num, object, oneOf, recordOf, refuse, str, type Check, type Result } from './validate';

/** Tag-like markup (`<b`, `</`, `<!`, `<?`): never a stage name, a person or a company. */
export const MARKUP = /<[a-z!/?]/i;

/** Text a person typed for a label: trimmed, no markup. */
export function plainText(opts: { min?: number; max: number }): Check<string> {
  const text = str(opts);
  return (value, path) => {
    const result = text(value, path);
    if (result.ok && MARKUP.test(result.value)) return refuse(path, 'markup');
    return result;
  };
}

const cadence = nullable(object({ amount: num({ min: 1, max: 365, integer: true }), unit: oneOf(['workingDays', 'days'] as const) }));

const stage: Check<Stage> = object({
  id: str({ min: 1, max: 40, pattern: /^[a-z0-9][a-z0-9_-]*$/ }),
  name: plainText({ min: 1, max: 40 }),
  color: str({ min: 7, max: 7, pattern: /^#[0-9a-fA-F]{6}$/ }),
  kind: oneOf(STAGE_KINDS),
  cadence,
});

const workingDays: Check<number[]> = (value, path) => {
  const days = arrayOf(num({ min: 0, max: 6, integer: true }), { max: 7 })(value, path);
  if (!days.ok) return days;
  if (days.value.length === 0) return refuse(path, 'noWorkingDay');
  if (new Set(days.value).size !== days.value.length) return refuse(path, 'dayTwice');
  return { ok: true, value: [...days.value].sort((a, b) => a - b) };
};

/** The shape and ranges of a settings record (the options page and backups both pass here). */
export const settingsShape: Check<Settings> = object({
  stages: arrayOf(stage, { max: 30 }),
  workingDays,
  reminderHour: num({ min: 0, max: 23, integer: true }),
  stopAfterTouches: num({ min: 1, max: 50, integer: true }),
  stopAfterDays: num({ min: 1, max: 730, integer: true }),
  minGapWorkingDays: num({ min: 0, max: 30, integer: true }),
  replyNeededDelayMinutes: num({ min: 0, max: 7 * 24 * 60, integer: true }),
  notificationsEnabled: bool,
  csvStageNames: recordOf(str({ min: 1, max: 200 }), str({ min: 1, max: 40, pattern: /^[a-z0-9][a-z0-9_-]*$/ }), { max: 1000 }),
  cardOpen: bool,
}, ['csvStageNames', 'cardOpen']);

/**
 * A change of settings from the options page. Stages may be renamed, recoloured, reordered and
 * given other cadences, but not added, removed or given another meaning: prospects store stage
 * ids, and the rules (won, nurture, lost, meeting) follow each stage's kind.
 */
export function checkSettingsChange(previous: Settings, input: unknown): Result<Settings> {
  const parsed = settingsShape(input, 'settings');
  if (!parsed.ok) return parsed;
  const next = parsed.value;
  const before = new Map(previous.stages.map((s) => [s.id, s]));
  const ids = next.stages.map((s) => s.id);
  if (new Set(ids).size !== ids.length) return refuse('settings.stages', 'stageTwice');
  if (ids.length !== before.size || ids.some((id) => !before.has(id))) {
    return refuse('settings.stages', 'stagesFixed');
  }
  for (const [index, s] of next.stages.entries()) {
    const old = before.get(s.id);
    if (old && old.kind !== s.kind) return refuse(`settings.stages[${index}].kind`, 'stageKeepsKind', s.name, old.kind);
    if (s.kind === 'lost' && s.cadence !== null) return refuse(`settings.stages[${index}].cadence`, 'lostNoCadence');
  }
  const names = next.stages.map((s) => s.name.toLocaleLowerCase());
  const twice = names.find((name, i) => names.indexOf(name) !== i);
  if (twice !== undefined) return refuse('settings.stages', 'stageNameTwice', twice);
  return { ok: true, value: keepCardOpen(next, previous) };
}

/**
 * The card's open or compact state is the card's to change (settings.cardOpen): a settings page
 * drawn before the rep opened a card must not close it again when it saves.
 */
function keepCardOpen(next: Settings, previous: Settings): Settings {
  const { cardOpen: _fromPage, ...rest } = next;
  return previous.cardOpen === undefined ? rest : { ...rest, cardOpen: previous.cardOpen };
}
