/**
 * Why an input was refused, as data: a message key, the values to put in it, and where (a field
 * path such as `prospects[12].email`, and for CSV files the row). The pages show it in the rep's
 * language (`problem_<key>` in _locales); logs, tests and replies carry the English text built
 * here. test/unit/locales.test.ts keeps the English messages equal to this table.
 */
export const PROBLEMS = {
  mustBeText: 'must be text',
  required: 'is required',
  tooShort: 'needs at least $COUNT$ characters',
  tooLong: 'is longer than $COUNT$ characters',
  badFormat: 'has an invalid format',
  mustBeNumber: 'must be a number',
  mustBeWhole: 'must be a whole number',
  outOfRange: 'must be between $MIN$ and $MAX$',
  mustBeYesNo: 'must be true or false',
  mustBeOneOf: 'must be one of $CHOICES$',
  mustBeList: 'must be a list',
  tooManyItems: 'has more than $COUNT$ items',
  mustBeObject: 'must be an object',
  notAllowed: 'is not allowed',
  unknownField: 'is not a known field',
  badEmail: '"$TEXT$" is not a valid email address',
  badDate: 'must be a date like 2026-03-31',
  unrealDate: '$DATE$ is not a real date',
  markup: 'must not contain markup like "<…>"',
  noWorkingDay: 'pick at least one working day',
  dayTwice: 'lists a day twice',
  stageTwice: 'a stage appears twice',
  stagesFixed: 'stages can be renamed and reordered, not added or removed',
  stageKeepsKind: '"$NAME$" keeps its meaning ($KIND$)',
  lostNoCadence: 'lost prospects get no follow-ups',
  stageNameTwice: 'two stages are named "$NAME$"',
  fileTooLarge: 'the file is larger than $SIZE$ MB',
  notJson: 'the file is not valid JSON ($DETAIL$)',
  notBackup: 'this is not a Touchbase backup',
  newerBackup: 'this backup was made by a newer Touchbase (format version $VERSION$); update Touchbase to read it',
  unknownVersion: 'format version $VERSION$ is not known',
  appearsTwice: '$VALUE$ appears twice',
  noSuchStage: 'stage "$STAGE$" does not exist',
  noProspectInBackup: 'no prospect $ID$ in this backup',
  csvUnreadable: 'the file cannot be read as CSV ($DETAIL$)',
  csvEmpty: 'the file is empty',
  csvNoEmail: 'no Email column (found: $COLUMNS$)',
  csvTooManyCells: 'has $CELLS$ cells but the header has $COLUMNS$',
  csvDuplicate: '$EMAIL$ is already on row $ROW$',
  csvAmountAmbiguous: '"$AMOUNT$" can be read two ways: nothing else in the file shows whether "." or "," marks the decimals',
  csvAmountMixed: '"$AMOUNT$" uses "$SEPARATOR$" for decimals, but row $ROW$ uses the other mark',
  csvDateAmbiguous: '"$DATE$" can be read as month/day or day/month: no date in the file shows which comes first',
  csvDateMixed: '"$DATE$" puts the month and day in the other order than row $ROW$',
  noSuchProspect: 'prospect $ID$ does not exist',
  alreadyTracked: '$EMAIL$ is already tracked',
  alreadyTrackedAs: '$EMAIL$ is already tracked as $NAME$',
  idTaken: 'prospect $ID$ already exists for another address',
  noOutcomeStage: 'no $OUTCOME$ stage is configured',
  touchElsewhere: 'touch $ID$ belongs to another prospect',
  idElsewhere: '$ID$ belongs to another prospect here ($EMAIL$)',
  notTouchbaseMessage: 'not a Touchbase message',
  notInThisTab: '$NAME$ is not available in this tab',
  mayHaveRun: 'this may already have happened: check before trying again',
  unknownMessage: 'unknown message $NAME$',
  bulkJobRunning: 'an import or a deletion is still running: wait until it ends',
  syncNeedsHttps: 'must use HTTPS (plain HTTP only for localhost or 127.0.0.1)',
  syncOffline: 'the sync server cannot be reached: changes wait on this computer',
  syncUnauthorized: 'the sync server refused this user name or password',
  syncForbidden: 'this user may not use this database',
  syncNoDatabase: 'this database does not exist on the sync server',
  syncServerError: 'the sync server reported an error: changes wait on this computer',
  syncBadAnswer: 'the server did not answer like CouchDB: nothing was changed',
  syncNoPermission: 'the browser has not allowed Touchbase to contact this server',
  syncWritesRefused: 'the sync server did not take $COUNT$ changes: they wait on this computer for the next sync',
  badCurrency: '"$TEXT$" is not a currency code: use its three letters, like EUR or USD',
  notProvisional: 'touch $ID$ is not a send awaiting its message in this mailbox',
} as const satisfies Record<string, string>;

export type ProblemKey = keyof typeof PROBLEMS;

export interface Problem {
  readonly key: ProblemKey;
  /** Values for the template's $TOKEN$s, in the order they first appear in the English text. */
  readonly values: readonly string[];
  /** The field, e.g. `prospects[12].email`; '' for the whole input. */
  readonly path: string;
  /** A CSV row as a spreadsheet numbers it (the header is row 1). */
  readonly row?: number;
}

export function problem(path: string, key: ProblemKey, ...values: (string | number)[]): Problem {
  return { key, values: values.map(String), path };
}

/** The $TOKEN$s of a template, each once, in order of first appearance ($1, $2… in _locales). */
export function templateTokens(template: string): string[] {
  return [...new Set(template.match(/\$[A-Z_]+\$/g) ?? [])];
}

/** Puts the values into a template with $TOKEN$s (`values[i]` for the i-th token). */
export function fillTemplate(template: string, values: readonly string[]): string {
  const tokens = templateTokens(template);
  return template.replace(/\$[A-Z_]+\$/g, (token) => values[tokens.indexOf(token)] ?? '');
}

/** "row 5: Email: "x" is not a valid email address", in English. */
export function problemText(refusal: Problem): string {
  return [refusal.row === undefined ? '' : `row ${refusal.row}`, refusal.path, fillTemplate(PROBLEMS[refusal.key], refusal.values)].filter(Boolean).join(': ');
}
