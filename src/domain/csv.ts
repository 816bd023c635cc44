import Papa from 'papaparse';
import { fileText } from './backup';
import { readAmounts, type AmountCell } from './csvAmounts';
import { readSlashedDates } from './csvDates';
import { channel, companyName, email, isoDate, mailbox, personName, prospectNotes } from './inputs';
import type { Channel, Prospect } from './types';
import { inRow, nullable, num, refuse, str, type Check, type Result } from './validate';

/**
 * CSV in the shape common CRM imports expect (HubSpot, Salesforce, Pipedrive map these headers
 * without help), plus the mailbox a prospect is tracked in, so that Touchbase's own file reads
 * back exactly. Parsing is Papa Parse's; this module only maps columns and checks values.
 */
export const CSV_HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Stage', 'Amount', 'Currency', 'Close Date', 'Preferred Channel', 'Touches', 'Last Touch', 'Next Follow-up', 'Notes', 'Mailbox'] as const;

/**
 * Cells a spreadsheet would run as a formula get a leading ' (CSV injection); so does a cell
 * that starts with ' itself, so that reading strips exactly one and gives back what was stored.
 */
const GUARDED = /^[=+\-@\t\r']/;

function cell(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** A cell as it was before `cell` guarded it. */
function unguarded(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}

function isoDay(millis: number | null | undefined): string {
  if (millis === null || millis === undefined) return '';
  const d = new Date(millis);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * First and last name, split at the first space: the reader joins them with one space again,
 * so a stored name (never padded) comes back as it was, inner blanks included.
 */
function nameParts(name: string): [string, string] {
  const space = name.indexOf(' ');
  return space === -1 ? [name, ''] : [name.slice(0, space), name.slice(space + 1)];
}

export function prospectsToCsv(prospects: readonly Prospect[], stageLabel: (stageId: string) => string): string {
  const rows = prospects.map((p) => {
    const [first, last] = nameParts(p.name);
    return [first, last, p.email, p.company, stageLabel(p.stageId), p.value === null ? '' : String(p.value), p.currency,
      p.expectedCloseDate ?? '', p.channel, String(p.touchCount), isoDay(p.lastTouchAt), isoDay(p.dueAt), p.notes, p.mailbox].map(cell);
  });
  return Papa.unparse({ fields: [...CSV_HEADERS], data: rows }, { newline: '\r\n' });
}

/** One CSV row as prospect fields; only columns the file has are set. */
export interface CsvProspect {
  readonly email: string;
  /** Set when the file has a Mailbox column (Touchbase's own): the row is that mailbox's prospect. */
  readonly mailbox?: string;
  readonly name?: string;
  readonly company?: string;
  readonly stageId?: string;
  /** A stage value that is none of the rep's stages (a CRM status such as "Open - Not Contacted"). */
  readonly unknownStage?: string;
  readonly value?: number | null;
  readonly currency?: string;
  readonly expectedCloseDate?: string | null;
  readonly channel?: Channel;
  readonly notes?: string;
}

export interface CsvFile {
  readonly rows: readonly CsvProspect[];
  /** Each stage value found that is none of the rep's stages, as first spelled, in file order. */
  readonly unknownStages: readonly string[];
}

/**
 * Header names (lower case) each field answers to, in order of preference: when a file has two
 * of them (Pipedrive's work and home address, HubSpot's lead status and lifecycle stage), a row
 * takes the first that is filled. The spellings are those of the exports of HubSpot (contacts,
 * deals), Salesforce (leads, contacts, opportunities; reports and data export) and Pipedrive
 * (people, deals), and of common CRM imports.
 */
const ALIASES = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'work email', 'person - email - work', 'person - email', 'person - email - home', 'person - email - other'],
  mailbox: ['mailbox'],
  first: ['first name', 'firstname', 'given name', 'person - first name'],
  last: ['last name', 'lastname', 'surname', 'family name', 'person - last name'],
  name: ['name', 'full name', 'contact name', 'person name', 'person - name', 'deal - contact person', 'contact person'],
  company: ['company', 'company name', 'organization', 'organisation', 'account name', 'account', 'company / account', 'person - organization', 'deal - organization', 'organization - name'],
  stage: ['stage', 'deal stage', 'deal - stage', 'opportunity stage', 'lead status', 'lifecycle stage', 'status'],
  amount: ['amount', 'deal value', 'value', 'deal amount', 'opportunity amount', 'deal - value'],
  currency: ['currency', 'currency code', 'opportunity currency', 'deal - currency'],
  closeDate: ['close date', 'expected close date', 'closing date', 'deal - expected close date'],
  channel: ['preferred channel', 'channel'],
  notes: ['notes', 'owner notes', 'note', 'description'],
  dealStatus: ['deal - status'],
} as const satisfies Record<string, readonly string[]>;

type ColumnKey = keyof typeof ALIASES;
/** For each field, the file's columns that answer to it, most preferred first. */
type Columns = ReadonlyMap<ColumnKey, readonly number[]>;

function columnsOf(header: readonly string[]): Columns {
  const columns = new Map<ColumnKey, number[]>();
  for (const key of Object.keys(ALIASES) as ColumnKey[]) {
    const names: readonly string[] = ALIASES[key];
    const found = header
      .map((title, index) => ({ rank: names.indexOf(title.trim().toLowerCase()), index }))
      .filter(({ rank }) => rank !== -1)
      .sort((a, b) => a.rank - b.rank)
      .map(({ index }) => index);
    if (found.length > 0) columns.set(key, found);
  }
  return columns;
}

const amountRange = nullable(num({ min: 0, max: 1e12 }));
const currency = str({ max: 3, pattern: /^([A-Z]{3})?$/ });

/** "2027-01-31 00:00" as HubSpot writes a close date: the day is what counts. */
function closeDay(text: string): string {
  const dated = /^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/.exec(text);
  return dated ? dated[1]! : text;
}

/**
 * Reads prospects from CSV text. Columns are matched by header name (any order, case-insensitive,
 * the spellings above); an Email column is required. Stage values that are none of the rep's
 * stages are kept for the rep to map. The first problem found is reported with its row as a
 * spreadsheet numbers it (the header is row 1), and then nothing is imported.
 */
export function parseProspectsCsv(text: string, stageAliases: ReadonlyMap<string, string>): Result<CsvFile> {
  const sized = fileText(text, 'file');
  if (!sized.ok) return sized;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch');
  if (broken) return inRow(refuse('', 'csvUnreadable', broken.message), (broken.row ?? 0) + 1);
  const [header, ...rows] = parsed.data;
  if (!header) return refuse('', 'csvEmpty');
  const columns = columnsOf(header);
  if (!columns.has('email')) return refuse('', 'csvNoEmail', header.map((title) => `"${title.slice(0, 60)}"`).join(', '));
  for (const [index, row] of rows.entries()) {
    if (row.length > header.length) return inRow(refuse('', 'csvTooManyCells', row.length, header.length), index + 2);
  }
  const cellOf = (row: readonly string[], key: ColumnKey): string | undefined => {
    const found = columns.get(key);
    if (!found) return undefined;
    const cells = found.map((index) => unguarded(row[index] ?? ''));
    return cells.find((c) => c.trim() !== '') ?? '';
  };
  const amountCells: AmountCell[] = rows.flatMap((row, index) => {
    const amount = cellOf(row, 'amount')?.trim();
    return amount ? [{ text: amount, row: index + 2 }] : [];
  });
  const amounts = readAmounts(amountCells, parsed.meta.delimiter);
  if (!amounts.ok) return amounts;
  const slashedDates = readSlashedDates(rows.flatMap((row, index) => {
    const date = cellOf(row, 'closeDate')?.trim();
    return date ? [{ text: date, row: index + 2 }] : [];
  }));
  if (!slashedDates.ok) return slashedDates;
  // A Pipedrive deals export has a row per deal, so one person on two deals is two rows: they
  // are one prospect, carrying the deal that matters most. Any other file naming an address twice is refused.
  const dealsExport = header.some((title) => title.trim().toLowerCase().startsWith('deal - '));
  const kept = new Map<string, { readonly prospect: CsvProspect; readonly row: number; readonly open: boolean }>();
  for (const [index, row] of rows.entries()) {
    const rowNumber = index + 2;
    const result = readRow((key) => cellOf(row, key), amounts.value.get(rowNumber) ?? null, slashedDates.value.get(rowNumber), stageAliases, rowNumber);
    if (!result.ok) return result;
    const prospect = result.value;
    // With a Mailbox column an address may appear once per mailbox; without, once.
    const identity = `${prospect.mailbox ?? ''}\u0000${prospect.email}`;
    const status = cellOf(row, 'dealStatus')?.trim().toLowerCase();
    const open = status !== 'won' && status !== 'lost';
    const first = kept.get(identity);
    if (first === undefined) kept.set(identity, { prospect, row: rowNumber, open });
    else if (!dealsExport) return inRow(refuse('', 'csvDuplicate', prospect.email, first.row), rowNumber);
    else if (outranks({ open, value: prospect.value }, { open: first.open, value: first.prospect.value })) kept.set(identity, { prospect, row: first.row, open });
  }
  const out = [...kept.values()].map(({ prospect }) => prospect);
  const unknownStages = new Map<string, string>();
  for (const prospect of out) {
    if (prospect.unknownStage !== undefined) {
      const folded = prospect.unknownStage.toLowerCase();
      if (!unknownStages.has(folded)) unknownStages.set(folded, prospect.unknownStage);
    }
  }
  return { ok: true, value: { rows: out, unknownStages: [...unknownStages.values()] } };
}

/** Of two deals of one person, whether the first matters more: an open deal over a won or lost one, then the larger value; a tie keeps the earlier row. */
function outranks(deal: { readonly open: boolean; readonly value?: number | null }, than: { readonly open: boolean; readonly value?: number | null }): boolean {
  if (deal.open !== than.open) return deal.open;
  return (deal.value ?? -1) > (than.value ?? -1);
}

function readRow(at: (key: ColumnKey) => string | undefined, amount: number | null, slashedDate: string | undefined, stages: ReadonlyMap<string, string>, rowNumber: number): Result<CsvProspect> {
  const trimmed = (key: ColumnKey) => at(key)?.trim();
  const field = <T>(check: Check<T>, raw: unknown, label: string): Result<T> | undefined =>
    raw === undefined ? undefined : withRow(check(raw, label), rowNumber);
  const out: Record<string, unknown> = {};
  const address = field(email, trimmed('email'), 'Email');
  if (!address?.ok) return address ?? inRow(refuse('Email', 'required'), rowNumber);
  out.email = address.value;
  const hasName = at('name') !== undefined || at('first') !== undefined || at('last') !== undefined;
  const fullName = at('name') ?? [at('first'), at('last')].filter((part) => part).join(' ');
  const closeDate = trimmed('closeDate');
  const checks: [string, Check<unknown>, unknown, string][] = [
    ['mailbox', mailbox, trimmed('mailbox'), 'Mailbox'],
    ['name', personName, hasName ? fullName : undefined, 'Name'],
    ['company', companyName, at('company'), 'Company'],
    ['value', amountRange, at('amount') === undefined ? undefined : amount, 'Amount'],
    ['currency', currency, trimmed('currency')?.toUpperCase(), 'Currency'],
    ['expectedCloseDate', nullable(isoDate), closeDate === '' ? null : closeDate === undefined ? undefined : (slashedDate ?? closeDay(closeDate)), 'Close Date'],
    ['channel', channel, trimmed('channel') === '' ? undefined : trimmed('channel')?.toLowerCase(), 'Preferred Channel'],
    // A note is kept as typed, like a note typed in Touchbase.
    ['notes', prospectNotes, at('notes'), 'Notes'],
  ];
  for (const [key, check, raw, label] of checks) {
    const result = field(check, raw, label);
    if (result && !result.ok) return result;
    if (result) out[key] = result.value;
  }
  const stage = trimmed('stage');
  if (stage) {
    const id = stages.get(stage.toLowerCase());
    if (id) out.stageId = id;
    else out.unknownStage = stage.slice(0, 200);
  }
  return { ok: true, value: out as unknown as CsvProspect };
}

function withRow<T>(result: Result<T>, rowNumber: number): Result<T> {
  return result.ok ? result : inRow(result, rowNumber);
}
