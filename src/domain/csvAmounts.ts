import { inRow, refuse, type Result } from './validate';

/**
 * Amounts in CSV files, where "800,50" is eight hundred and fifty cents in a European file and
 * "1,234" is a thousand and more in an American one. A silently wrong deal value is worse than a
 * refusal, so the decimal separator is decided once per file and an amount is never read by a
 * guess: the values decide when one of them can only be read one way; otherwise the delimiter
 * does when it can (a comma-delimited file writes decimals with "."); otherwise an amount that
 * reads two ways is refused, naming its row.
 */
export type DecimalSeparator = '.' | ',';

/** Blanks people and spreadsheets put between thousands: space, no-break space, narrow no-break space. */
const GROUPING_BLANKS = /[ \u00a0\u202f]/g;

/** What one amount says about the file's decimal separator. */
type Hint = { readonly kind: 'decides'; readonly decimal: DecimalSeparator } | { readonly kind: 'twoWays' } | { readonly kind: 'plain' } | { readonly kind: 'unreadable' };

const other = (separator: DecimalSeparator): DecimalSeparator => (separator === '.' ? ',' : '.');
const escaped = (separator: DecimalSeparator) => (separator === '.' ? '\\.' : ',');
/** Digits grouped by thousands with `group`, then optionally `decimal` and more digits. */
const groupedNumber = (group: DecimalSeparator, decimal: DecimalSeparator) =>
  new RegExp(`^\\d{1,3}(${escaped(group)}\\d{3})+(${escaped(decimal)}\\d+)?$`);

function hintOf(raw: string): Hint {
  const text = raw.replace(GROUPING_BLANKS, '');
  if (/^\d+$/.test(text)) return { kind: 'plain' };
  // Exponent notation is what a program writes (Touchbase's own export of 1e-7): "." decimals.
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return { kind: 'decides', decimal: '.' };
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  if (dots > 0 && commas > 0) {
    // Both appear: the last one is the decimal separator and the other groups thousands.
    const decimal: DecimalSeparator = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
    return groupedNumber(other(decimal), decimal).test(text) ? { kind: 'decides', decimal } : { kind: 'unreadable' };
  }
  const separator: DecimalSeparator = dots > 0 ? '.' : ',';
  const count = dots + commas;
  if (count > 1) {
    // "1.234.567": only thousands are written this way, so the other mark is the decimal one.
    return groupedNumber(separator, other(separator)).test(text) ? { kind: 'decides', decimal: other(separator) } : { kind: 'unreadable' };
  }
  const [whole = '', fraction = ''] = text.split(separator);
  if (!/^\d+$/.test(whole) || !/^\d+$/.test(fraction)) return { kind: 'unreadable' };
  // "1.234" or "12,500": thousands, or a decimal with three places. "0,500" cannot be thousands.
  const couldGroup = fraction.length === 3 && whole.length <= 3 && !whole.startsWith('0');
  return couldGroup ? { kind: 'twoWays' } : { kind: 'decides', decimal: separator };
}

/** One amount, read with the file's decimal separator; null when it is not a number written that way. */
function readAmount(raw: string, decimal: DecimalSeparator): number | null {
  const text = raw.replace(GROUPING_BLANKS, '');
  const hint = hintOf(text);
  if (hint.kind === 'unreadable' || (hint.kind === 'decides' && hint.decimal !== decimal)) return null;
  const digits = text.split(other(decimal)).join('').replace(decimal, '.');
  const value = Number(digits);
  return Number.isFinite(value) ? value : null;
}

export interface AmountCell {
  readonly text: string;
  /** The row as a spreadsheet numbers it (the header is row 1). */
  readonly row: number;
}

/**
 * Reads a file's amounts (non-empty cells only) with one decimal separator for the whole file,
 * or refuses the file naming the first row that cannot be read for certain.
 */
export function readAmounts(cells: readonly AmountCell[], delimiter: string): Result<Map<number, number>> {
  let decided: { decimal: DecimalSeparator; row: number } | null = null;
  for (const cell of cells) {
    const hint = hintOf(cell.text);
    if (hint.kind === 'unreadable') return inRow(refuse('Amount', 'mustBeNumber'), cell.row);
    if (hint.kind !== 'decides') continue;
    if (decided === null) decided = { decimal: hint.decimal, row: cell.row };
    else if (decided.decimal !== hint.decimal) {
      return inRow(refuse('Amount', 'csvAmountMixed', cell.text, hint.decimal, decided.row), cell.row);
    }
  }
  const decimal = decided?.decimal ?? (delimiter === ',' ? '.' : null);
  const values = new Map<number, number>();
  for (const cell of cells) {
    if (decimal === null && hintOf(cell.text).kind === 'twoWays') return inRow(refuse('Amount', 'csvAmountAmbiguous', cell.text), cell.row);
    const value = readAmount(cell.text, decimal ?? '.');
    if (value === null) return inRow(refuse('Amount', 'mustBeNumber'), cell.row);
    values.set(cell.row, value);
  }
  return { ok: true, value: values };
}
