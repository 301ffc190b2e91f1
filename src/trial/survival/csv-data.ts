/** Survival data from a CSV table (header row): a time, a status and optionally a group column. */
import { InputError } from '../../errors.js';
import { parseCsv, parseCsvNumber } from '../../io/csv.js';

export interface SurvivalColumns {
  time: string;
  status: string;
  group?: string;
}

export interface SurvivalData {
  time: Float64Array;
  status: Float64Array;
  /** Present when a group column was named. */
  group?: string[];
}

/**
 * Reads the named columns strictly: times finite and >= 0, status 0 or 1, group labels non-empty. Errors
 * are InputErrors naming the file, the line and the column.
 */
export function readSurvivalCsv(text: string, cols: SurvivalColumns, file?: string): SurvivalData {
  const table = parseCsv(text, { file });
  const column = (name: string): number => {
    const j = table.header.indexOf(name);
    if (j < 0)
      throw new InputError(`no column '${name}' in the header; columns are: ${table.header.join(', ')}`, {
        file,
        path: 'line 1',
      });
    return j;
  };
  const jt = column(cols.time);
  const js = column(cols.status);
  const jg = cols.group === undefined ? -1 : column(cols.group);
  const n = table.rows.length;
  if (n === 0) throw new InputError('no data rows after the header', { file });
  const time = new Float64Array(n);
  const status = new Float64Array(n);
  const group: string[] = [];
  const fail = (i: number, j: number, what: string): never => {
    const raw = table.rows[i][j];
    throw new InputError(`${what}, got ${raw === '' ? 'an empty field' : JSON.stringify(raw)}`, {
      file,
      path: `line ${table.lines[i]}, column ${j + 1} ('${table.header[j]}')`,
    });
  };
  for (let i = 0; i < n; i++) {
    const row = table.rows[i];
    const t = parseCsvNumber(row[jt]);
    if (t === undefined || !Number.isFinite(t) || t < 0) fail(i, jt, 'expected a finite time >= 0');
    time[i] = t!;
    const s = parseCsvNumber(row[js]);
    if (s !== 0 && s !== 1) fail(i, js, 'expected status 1 (event) or 0 (censored)');
    status[i] = s!;
    if (jg >= 0) {
      if (row[jg] === '') fail(i, jg, 'expected a group label');
      group.push(row[jg]);
    }
  }
  return jg >= 0 ? { time, status, group } : { time, status };
}
