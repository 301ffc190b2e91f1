/**
 * Tables with per-column number formatting and alignment: numeric columns are right-aligned with tabular
 * figures; missing values show as an em dash.
 *
 * @example
 * ```ts
 * table({
 *   caption: 'Tumor volume at day 70',
 *   columns: [{ key: 'arm', label: 'Arm' }, { key: 'mean', label: 'Mean (mm³)', format: 1 }],
 *   rows: [{ arm: 'control', mean: 1234.56 }, { arm: 'trastuzumab', mean: 80.2 }],
 * });
 * ```
 */
import { formatFixed, formatter, type NumberFormat } from '../format.js';
import { type Child, hel, type Markup } from '../markup.js';

export type Cell = string | number | null | undefined | Markup;

export interface TableColumn {
  readonly key: string;
  readonly label: Child;
  /** Default: right for columns whose values are all numbers, else left. */
  readonly align?: 'left' | 'right' | 'center';
  /** A number is fixed decimals; otherwise a named format or function (default 'sig', 4 digits). */
  readonly format?: NumberFormat | number;
}

export interface TableOptions {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly Readonly<Record<string, Cell>>[];
  readonly caption?: Child;
  /** Footnote row under the table. */
  readonly note?: Child;
  readonly className?: string;
}

/** Formats one cell: numbers by the column format, text escaped, markup as is, missing as '—'. */
export function formatCell(v: Cell, format?: NumberFormat | number): Child {
  if (v === null || v === undefined) return hel('span', { class: 'muted' }, '—');
  if (typeof v === 'number')
    return typeof format === 'number' ? formatFixed(v, format) : formatter(format)(v);
  return v;
}

function alignOf(col: TableColumn, rows: TableOptions['rows']): 'left' | 'right' | 'center' {
  if (col.align) return col.align;
  let numbers = 0;
  for (const r of rows) {
    const v = r[col.key];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number') return 'left';
    numbers++;
  }
  return numbers > 0 ? 'right' : 'left';
}

const CLASS = { left: undefined, right: 'num', center: 'center' } as const;

export function table(o: TableOptions): Markup {
  const keys = new Set<string>();
  for (const c of o.columns) {
    if (keys.has(c.key)) throw new Error(`table: duplicate column key: ${JSON.stringify(c.key)}`);
    keys.add(c.key);
  }
  const classes = o.columns.map((c) => CLASS[alignOf(c, o.rows)]);
  const head = hel(
    'thead',
    {},
    hel(
      'tr',
      {},
      o.columns.map((c, i) => hel('th', { scope: 'col', class: classes[i] }, c.label)),
    ),
  );
  const body = hel(
    'tbody',
    {},
    o.rows.map((r) =>
      hel(
        'tr',
        {},
        o.columns.map((c, i) => hel('td', { class: classes[i] }, formatCell(r[c.key], c.format))),
      ),
    ),
  );
  const foot =
    o.note !== undefined
      ? hel('tfoot', {}, hel('tr', {}, hel('td', { colspan: o.columns.length }, o.note)))
      : null;
  return hel(
    'div',
    { class: 'table-wrap' },
    hel(
      'table',
      { class: o.className },
      o.caption !== undefined ? hel('caption', {}, o.caption) : null,
      head,
      body,
      foot,
    ),
  );
}
