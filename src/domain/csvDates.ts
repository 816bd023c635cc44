import { inRow, refuse, type Result } from './validate';

/** A close date cell as the file wrote it, with its spreadsheet row. */
export interface DateCell {
  readonly text: string;
  readonly row: number;
}

/** `3/31/2026` as Salesforce (US) writes it, or `31/3/2026` as a day-first locale does. */
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

type Order = 'monthFirst' | 'dayFirst';

/** The order a slashed date can only be read in (a part over 12 is the day), or null when both readings are possible. */
function orderShown(first: number, second: number): Order | null {
  if (first > 12 && second <= 12) return 'dayFirst';
  if (second > 12 && first <= 12) return 'monthFirst';
  return null;
}

/**
 * Slashed close dates as `yyyy-mm-dd`, by row. The order of month and day is decided once per file,
 * by a date that can only be read one way (`3/31/2026`); a file whose dates all read both ways
 * (`3/4/2026`) or that contradict each other is refused with the row, never guessed. Cells that are
 * not slashed dates are left to the ordinary date check.
 */
export function readSlashedDates(cells: readonly DateCell[]): Result<ReadonlyMap<number, string>> {
  const slashed = cells.flatMap((cell) => {
    const match = SLASHED.exec(cell.text);
    return match ? [{ ...cell, first: Number(match[1]), second: Number(match[2]), year: match[3]! }] : [];
  });
  let decided: { readonly order: Order; readonly row: number } | null = null;
  for (const cell of slashed) {
    const order = orderShown(cell.first, cell.second);
    if (order === null) continue;
    if (decided === null) decided = { order, row: cell.row };
    else if (order !== decided.order) return inRow(refuse('Close Date', 'csvDateMixed', cell.text, decided.row), cell.row);
  }
  const out = new Map<number, string>();
  for (const cell of slashed) {
    // The same number twice (`4/4/2026`) is one day whichever comes first.
    if (decided === null && cell.first !== cell.second) return inRow(refuse('Close Date', 'csvDateAmbiguous', cell.text), cell.row);
    const [month, day] = decided?.order === 'dayFirst' ? [cell.second, cell.first] : [cell.first, cell.second];
    out.set(cell.row, `${cell.year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
  }
  return { ok: true, value: out };
}
