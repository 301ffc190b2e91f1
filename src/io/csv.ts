/**
 * CSV per RFC 4180 (fields with comma, quote, CR or LF are quoted; quotes doubled). Numbers are written in
 * the shortest form that reads back to the same double (ECMAScript Number::toString, which is shortest
 * round-trip), with `e+` shortened to `e`, `-0` kept, and `NaN`, `Inf`, `-Inf` for non-finite values.
 * The reader accepts CRLF or LF, a header row, quoted fields, spaces around unquoted fields, and the
 * spellings of non-finite numbers found in the SBML Test Suite (`INF`, `-inf`, `NaN`, `Infinity`).
 * Errors name the file and line.
 *
 * @example
 * ```ts
 * const text = csvFromColumns({ time: [0, 0.1], S1: [1.5e-4, 1.357e-4] });
 * // 'time,S1\n0,0.00015\n0.1,0.0001357\n'
 * const { header, columns } = parseNumericCsv(text, { file: '00001-results.csv' });
 * ```
 */
import { InputError } from '../errors.js';

export type CsvValue = string | number | null | undefined;

/** Shortest round-trip text of a double: '0.1', '1e-7', '1e21', '-0', 'NaN', 'Inf', '-Inf'. */
export function formatCsvNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  if (Object.is(v, -0)) return '-0';
  return String(v).replace('e+', 'e');
}

/** One field: numbers via `formatCsvNumber`, null/undefined empty, text quoted when needed. */
export function formatCsvField(v: CsvValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return formatCsvNumber(v);
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export interface CsvWriteOptions {
  /** Line ending (default '\n'; RFC 4180 says CRLF, which some tools prefer). */
  readonly eol?: '\n' | '\r\n';
}

/** A CSV document from a header and rows; every row must have the header's length. */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  o: CsvWriteOptions = {},
): string {
  const eol = o.eol ?? '\n';
  const lines = [header.map(formatCsvField).join(',')];
  rows.forEach((r, i) => {
    if (r.length !== header.length) {
      throw new InputError(`row has ${r.length} fields, header has ${header.length}`, { path: `rows[${i}]` });
    }
    lines.push(r.map(formatCsvField).join(','));
  });
  return lines.join(eol) + eol;
}

/** A CSV document from named numeric columns of equal length (e.g. time and species of a solution). */
export function csvFromColumns(
  columns: Readonly<Record<string, ArrayLike<number>>>,
  o: CsvWriteOptions = {},
): string {
  const header = Object.keys(columns);
  const cols = header.map((h) => columns[h]);
  const n = cols.length > 0 ? cols[0].length : 0;
  cols.forEach((c, j) => {
    if (c.length !== n)
      throw new InputError(`column has ${c.length} values, expected ${n}`, { path: header[j] });
  });
  const eol = o.eol ?? '\n';
  let out = header.map(formatCsvField).join(',') + eol;
  for (let i = 0; i < n; i++) {
    let line = '';
    for (let j = 0; j < cols.length; j++) line += (j > 0 ? ',' : '') + formatCsvNumber(cols[j][i]);
    out += line + eol;
  }
  return out;
}

export interface CsvReadOptions {
  /** File name for error messages. */
  readonly file?: string;
}

export interface CsvTable {
  readonly header: string[];
  readonly rows: string[][];
  /** 1-based line number where each row starts (for messages). */
  readonly lines: number[];
}

/**
 * Parses CSV text with a header row. Unquoted fields are trimmed; quoted fields are kept exactly. Blank lines
 * are skipped. Every row must have as many fields as the header.
 */
export function parseCsv(text: string, o: CsvReadOptions = {}): CsvTable {
  const where = (line: number) => ({ file: o.file, path: `line ${line}` });
  const records: { fields: string[]; line: number }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false; // the current field was quoted
  let inQuotes = false;
  let quoteLine = 0;
  let line = 1;
  let recordLine = 1;
  let sawContent = false;
  const endField = (): void => {
    fields.push(quoted ? field : field.trim());
    field = '';
    quoted = false;
  };
  const endRecord = (): void => {
    endField();
    if (sawContent) records.push({ fields, line: recordLine });
    fields = [];
    sawContent = false;
  };
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; // byte-order mark
  for (; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"') {
      if (field.trim() !== '' || quoted) throw new InputError('quote inside an unquoted field', where(line));
      field = '';
      quoted = true;
      inQuotes = true;
      quoteLine = line;
      sawContent = true;
    } else if (c === ',') {
      sawContent = true;
      endField();
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (quoted && c !== ' ' && c !== '\t') throw new InputError('text after a closing quote', where(line));
      if (c !== ' ' && c !== '\t') sawContent = true;
      field += c;
    }
  }
  if (inQuotes) throw new InputError('unterminated quoted field', where(quoteLine));
  endRecord();
  if (records.length === 0) throw new InputError('empty CSV: no header row', { file: o.file });
  const [head, ...body] = records;
  const header = head.fields;
  for (const r of body) {
    if (r.fields.length !== header.length) {
      throw new InputError(
        `expected ${header.length} fields (as in the header), found ${r.fields.length}`,
        where(r.line),
      );
    }
  }
  return { header, rows: body.map((r) => r.fields), lines: body.map((r) => r.line) };
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a number field strictly: decimal notation, or NaN / Inf / Infinity in any case with a sign.
 * Returns undefined for anything else (including the empty string, which `Number` would read as 0).
 */
export function parseCsvNumber(s: string): number | undefined {
  const t = s.trim();
  if (DECIMAL.test(t)) return Number(t);
  const lower = t.toLowerCase();
  if (lower === 'nan' || lower === '+nan' || lower === '-nan') return Number.NaN;
  const m = /^([+-]?)(inf|infinity)$/.exec(lower);
  if (m) return m[1] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  return undefined;
}

export interface NumericCsv {
  readonly header: string[];
  /** One Float64Array per header column. */
  readonly columns: Float64Array[];
  readonly rowCount: number;
}

/** Parses a CSV whose body is all numbers (e.g. SBML Test Suite results); names the line and column on error. */
export function parseNumericCsv(text: string, o: CsvReadOptions = {}): NumericCsv {
  const t = parseCsv(text, o);
  const n = t.rows.length;
  const columns = t.header.map(() => new Float64Array(n));
  t.rows.forEach((r, i) => {
    r.forEach((s, j) => {
      const v = parseCsvNumber(s);
      if (v === undefined) {
        const what = s === '' ? 'empty value' : `not a number: ${JSON.stringify(s)}`;
        throw new InputError(`column '${t.header[j]}': ${what}`, {
          file: o.file,
          path: `line ${t.lines[i]}`,
        });
      }
      columns[j][i] = v;
    });
  });
  return { header: t.header, columns, rowCount: n };
}
