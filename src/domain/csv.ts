import Papa from 'papaparse';
import { fileText } from './backup';
import { channel, email, isoDate } from './inputs';
import { plainText } from './settingsInput';
import type { Channel, Prospect } from './types';
import { inRow, nullable, num, refuse, str, type Check, type Result } from './validate';

/**
 * CSV in the shape common CRM imports expect (HubSpot, Salesforce, Pipedrive map these headers
 * without help). Parsing is Papa Parse's; this module only maps columns and checks values.
 */
export const CSV_HEADERS = ['First Name', 'Last Name', 'Email', 'Company', 'Stage', 'Amount', 'Currency', 'Close Date', 'Preferred Channel', 'Touches', 'Last Touch', 'Next Follow-up', 'Notes'] as const;

/** Cells a spreadsheet would run as a formula are prefixed with ' (CSV injection). */
function cell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function isoDay(millis: number | null | undefined): string {
  if (millis === null || millis === undefined) return '';
  const d = new Date(millis);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function prospectsToCsv(prospects: readonly Prospect[], stageLabel: (stageId: string) => string): string {
  const rows = prospects.map((p) => {
    const [first, ...rest] = p.name.trim().split(/\s+/);
    return [first ?? '', rest.join(' '), p.email, p.company, stageLabel(p.stageId), p.value === null ? '' : String(p.value), p.currency,
      p.expectedCloseDate ?? '', p.channel, String(p.touchCount), isoDay(p.lastTouchAt), isoDay(p.dueAt), p.notes].map(cell);
  });
  return Papa.unparse({ fields: [...CSV_HEADERS], data: rows }, { newline: '\r\n' });
}

/** One CSV row as prospect fields; only columns the file has are set. */
export interface CsvProspect {
  readonly email: string;
  readonly name?: string;
  readonly company?: string;
  readonly stageId?: string;
  readonly value?: number | null;
  readonly currency?: string;
  readonly expectedCloseDate?: string | null;
  readonly channel?: Channel;
  readonly notes?: string;
}

/** Header names (lower case) each field answers to. */
const ALIASES: Record<string, readonly string[]> = {
  email: ['email', 'e-mail', 'email address', 'e-mail address', 'work email'],
  first: ['first name', 'firstname', 'given name'],
  last: ['last name', 'lastname', 'surname', 'family name'],
  name: ['name', 'full name', 'contact name', 'person name'],
  company: ['company', 'company name', 'organization', 'organisation', 'account name', 'account'],
  stage: ['stage', 'deal stage', 'lead status', 'lifecycle stage', 'status'],
  amount: ['amount', 'deal value', 'value', 'deal amount', 'opportunity amount'],
  currency: ['currency', 'currency code'],
  closeDate: ['close date', 'expected close date', 'closing date'],
  channel: ['preferred channel', 'channel'],
  notes: ['notes', 'owner notes', 'note', 'description'],
};

const amount = nullable(num({ min: 0, max: 1e12 }));
const currency = str({ max: 3, pattern: /^([A-Z]{3})?$/ });

/**
 * Reads prospects from CSV text. Columns are matched by header name (any order, case-insensitive,
 * common CRM spellings); an Email column is required. The first problem found is reported with its
 * row as a spreadsheet numbers it (the header is row 1), and then nothing is imported.
 */
export function parseProspectsCsv(text: string, stageAliases: ReadonlyMap<string, string>): Result<CsvProspect[]> {
  const sized = fileText(text, 'file');
  if (!sized.ok) return sized;
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const broken = parsed.errors.find((e) => e.type === 'Quotes' || e.type === 'FieldMismatch');
  if (broken) return inRow(refuse('', 'csvUnreadable', broken.message), (broken.row ?? 0) + 1);
  const [header, ...rows] = parsed.data;
  if (!header) return refuse('', 'csvEmpty');
  const column = new Map<string, number>();
  for (const [index, title] of header.entries()) {
    const key = Object.entries(ALIASES).find(([, names]) => names.includes(title.trim().toLowerCase()))?.[0];
    if (key && !column.has(key)) column.set(key, index);
  }
  if (!column.has('email')) return refuse('', 'csvNoEmail', header.slice(0, 8).join(', '));
  const out: CsvProspect[] = [];
  const seen = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    if (row.length > header.length) return inRow(refuse('', 'csvTooManyCells', row.length, header.length), index + 2);
    const result = readRow(row, column, stageAliases, index + 2);
    if (!result.ok) return result;
    const first = seen.get(result.value.email);
    if (first !== undefined) return inRow(refuse('', 'csvDuplicate', result.value.email, first), index + 2);
    seen.set(result.value.email, index + 2);
    out.push(result.value);
  }
  return { ok: true, value: out };
}

function readRow(row: readonly string[], column: ReadonlyMap<string, number>, stages: ReadonlyMap<string, string>, rowNumber: number): Result<CsvProspect> {
  const at = (key: string) => (column.has(key) ? (row[column.get(key)!] ?? '').trim() : undefined);
  const field = <T>(check: Check<T>, raw: unknown, label: string): Result<T> | undefined =>
    raw === undefined ? undefined : withRow(check(raw, label), rowNumber);
  const out: Record<string, unknown> = {};
  const address = field(email, at('email'), 'Email');
  if (!address?.ok) return address ?? inRow(refuse('Email', 'required'), rowNumber);
  out.email = address.value;
  const fullName = at('name') ?? [at('first'), at('last')].filter((part) => part).join(' ');
  const checks: [string, Check<unknown>, unknown, string][] = [
    ['name', plainText({ max: 200 }), column.has('name') || column.has('first') || column.has('last') ? fullName : undefined, 'Name'],
    ['company', plainText({ max: 200 }), at('company'), 'Company'],
    ['value', amount, at('amount') === undefined ? undefined : at('amount') === '' ? null : Number(at('amount')!.replace(/[\s,]/g, '')), 'Amount'],
    ['currency', currency, at('currency')?.toUpperCase(), 'Currency'],
    ['expectedCloseDate', nullable(isoDate), at('closeDate') === '' ? null : at('closeDate'), 'Close Date'],
    ['channel', channel, at('channel') === '' ? undefined : at('channel')?.toLowerCase(), 'Preferred Channel'],
    ['notes', plainText({ max: 5000 }), at('notes'), 'Notes'],
  ];
  for (const [key, check, raw, label] of checks) {
    const result = field(check, raw, label);
    if (result && !result.ok) return result;
    if (result) out[key] = result.value;
  }
  const stage = at('stage');
  if (stage) {
    const id = stages.get(stage.toLowerCase());
    if (!id) return inRow(refuse('', 'csvUnknownStage', stage.slice(0, 40)), rowNumber);
    out.stageId = id;
  }
  return { ok: true, value: out as unknown as CsvProspect };
}

function withRow<T>(result: Result<T>, rowNumber: number): Result<T> {
  return result.ok ? result : inRow(result, rowNumber);
}
