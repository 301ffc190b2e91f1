/**
 * PEtab's tab-separated tables: a header row, then one record per line. Every error names the file, the
 * line (1-based, as an editor shows it) and the column, so that a user can find the cell.
 */
import { readFileSync } from 'node:fs';
import { InputError } from '../../errors.js';

export interface TsvTable {
  readonly file: string;
  readonly header: readonly string[];
  /** Records in file order; `line[i]` is the 1-based line of `rows[i]`. */
  readonly rows: readonly (readonly string[])[];
  readonly line: readonly number[];
}

/** Reads and splits a TSV file; blank lines are skipped, a record with extra cells is an error. */
export function readTsv(file: string): TsvTable {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read table: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, { file });
  }
  return parseTsv(text, file);
}

export function parseTsv(text: string, file: string): TsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0) throw new InputError('empty table (expected a header row)', { file });
  const header = lines[first]!.split('\t').map((h) => h.trim());
  header.forEach((h, j) => {
    if (h === '')
      throw new InputError(`empty column name in the header (column ${j + 1})`, { file, path: 'line 1' });
    if (header.indexOf(h) !== j)
      throw new InputError(`duplicate column '${h}'`, { file, path: `line ${first + 1}` });
  });
  const rows: string[][] = [];
  const line: number[] = [];
  for (let i = first + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.trim() === '') continue;
    const cells = l.split('\t').map((c) => c.trim());
    if (cells.length > header.length) {
      throw new InputError(`${cells.length} cells, but the header has ${header.length} columns`, {
        file,
        path: `line ${i + 1}`,
      });
    }
    while (cells.length < header.length) cells.push('');
    rows.push(cells);
    line.push(i + 1);
  }
  return { file, header, rows, line };
}

/** Column index of `name`; a missing required column is an InputError naming the file. */
export function column(t: TsvTable, name: string, required: true): number;
export function column(t: TsvTable, name: string, required?: false): number | undefined;
export function column(t: TsvTable, name: string, required = false): number | undefined {
  const j = t.header.indexOf(name);
  if (j >= 0) return j;
  if (required) {
    throw new InputError(`missing required column '${name}' (columns: ${t.header.join(', ')})`, {
      file: t.file,
      path: 'header',
    });
  }
  return undefined;
}

/** Where a cell is, for error messages: `line 12, column 'time'`. */
export function cellPath(t: TsvTable, row: number, col: number): string {
  return `line ${t.line[row]}, column '${t.header[col]}'`;
}

/** An error at a cell. */
export function cellError(t: TsvTable, row: number, col: number, message: string): InputError {
  return new InputError(message, { file: t.file, path: cellPath(t, row, col) });
}

/** A number cell: PEtab writes `inf`, `-inf` and `nan` in any case. */
export function parseNumber(s: string): number {
  const l = s.toLowerCase();
  if (l === 'inf' || l === '+inf' || l === 'infinity') return Number.POSITIVE_INFINITY;
  if (l === '-inf' || l === '-infinity') return Number.NEGATIVE_INFINITY;
  if (l === 'nan') return Number.NaN;
  if (s.trim() === '') return Number.NaN;
  const v = Number(s);
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? v : Number.NaN;
}

/** True for a cell that is a number literal (including inf and nan). */
export function isNumberCell(s: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) || /^[+-]?(inf|infinity|nan)$/i.test(s);
}
