/**
 * The files of one SBML Test Suite semantic case (sbml-test-suite `cases/semantic/NNNNN/`):
 * NNNNN-settings.txt, NNNNN-results.csv and the NNNNN-model.m header (component and test tags).
 */
import { InputError } from '../../errors.js';

export interface CaseSettings {
  readonly start: number;
  readonly duration: number;
  readonly steps: number;
  readonly variables: readonly string[];
  readonly absolute: number;
  readonly relative: number;
  readonly amount: readonly string[];
  readonly concentration: readonly string[];
}

export interface CaseTags {
  readonly componentTags: readonly string[];
  readonly testTags: readonly string[];
  readonly testType?: string;
  readonly packagesPresent: readonly string[];
}

export interface ExpectedResults {
  /** Column names after `time`. */
  readonly columns: readonly string[];
  readonly times: Float64Array;
  /** Row-major values, `times.length` rows of `columns.length`. */
  readonly values: Float64Array;
}

const list = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');

function keyValues(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!.trim());
  }
  return out;
}

export function parseSettings(text: string, file: string): CaseSettings {
  const kv = keyValues(text);
  const num = (k: string, fallback?: number): number => {
    const v = kv.get(k);
    if (v === undefined || v === '') {
      if (fallback !== undefined) return fallback;
      throw new InputError(`missing setting '${k}'`, { file });
    }
    const x = Number(v);
    if (!Number.isFinite(x)) throw new InputError(`setting '${k}': '${v}' is not a number`, { file });
    return x;
  };
  const steps = num('steps');
  if (!Number.isInteger(steps) || steps < 1)
    throw new InputError(`setting 'steps' must be a positive integer`, { file });
  return {
    start: num('start', 0),
    duration: num('duration'),
    steps,
    variables: list(kv.get('variables')),
    absolute: num('absolute'),
    relative: num('relative'),
    amount: list(kv.get('amount')),
    concentration: list(kv.get('concentration')),
  };
}

/** Header of the .m description: `componentTags: A, B` etc. */
export function parseTags(text: string): CaseTags {
  const kv = keyValues(text.slice(0, 4000));
  const testType = kv.get('testType');
  return {
    componentTags: list(kv.get('componentTags')),
    testTags: list(kv.get('testTags')),
    ...(testType ? { testType } : {}),
    packagesPresent: list(kv.get('packagesPresent')),
  };
}

/** The SBML package a case needs, from its tags (`comp:Submodel` -> `comp`), if any. */
export function packageOfTags(tags: CaseTags): string | undefined {
  for (const t of [...tags.componentTags, ...tags.testTags]) {
    const i = t.indexOf(':');
    if (i > 0) return t.slice(0, i);
  }
  return tags.packagesPresent[0]?.replace(/_v\d+$/, '');
}

function cell(s: string, file: string, row: number): number {
  const t = s.trim();
  if (/^[+]?inf(inity)?$/i.test(t)) return Number.POSITIVE_INFINITY;
  if (/^-inf(inity)?$/i.test(t)) return Number.NEGATIVE_INFINITY;
  if (/^nan$/i.test(t)) return Number.NaN;
  const v = Number(t);
  if (t === '' || Number.isNaN(v)) throw new InputError(`row ${row}: '${t}' is not a number`, { file });
  return v;
}

export function parseResults(text: string, file: string): ExpectedResults {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 2) throw new InputError('expected a header and at least one row', { file });
  const header = lines[0]!.split(',').map((h) => h.trim());
  if (header[0]!.toLowerCase() !== 'time')
    throw new InputError(`first column must be time, got '${header[0]}'`, { file });
  const columns = header.slice(1);
  const w = columns.length;
  const times = new Float64Array(lines.length - 1);
  const values = new Float64Array((lines.length - 1) * w);
  for (let i = 1; i < lines.length; i++) {
    const cells = lines[i]!.split(',');
    if (cells.length !== w + 1)
      throw new InputError(`row ${i}: expected ${w + 1} values, got ${cells.length}`, { file });
    times[i - 1] = cell(cells[0]!, file, i);
    for (let j = 0; j < w; j++) values[(i - 1) * w + j] = cell(cells[j + 1]!, file, i);
  }
  return { columns, times, values };
}

export interface Deviation {
  /** Largest |actual - expected| / (absolute + relative |expected|): the case passes when <= 1. */
  readonly ratio: number;
  readonly error: number;
  readonly variable: string;
  readonly time: number;
}

/**
 * The suite's pass rule at every point: |actual - expected| <= absolute + relative * |expected|.
 * Non-finite expected values must be matched exactly (NaN by NaN, infinities by the same sign).
 */
export function worstDeviation(
  expected: ExpectedResults,
  actual: Float64Array,
  settings: Pick<CaseSettings, 'absolute' | 'relative'>,
): Deviation {
  const w = expected.columns.length;
  let worst: Deviation = {
    ratio: 0,
    error: 0,
    variable: expected.columns[0] ?? '',
    time: expected.times[0] ?? 0,
  };
  for (let i = 0; i < expected.times.length; i++) {
    for (let j = 0; j < w; j++) {
      const e = expected.values[i * w + j]!;
      const a = actual[i * w + j]!;
      let err: number;
      let ratio: number;
      if (!Number.isFinite(e) || !Number.isFinite(a)) {
        const same = Object.is(e, a) || (Number.isNaN(e) && Number.isNaN(a));
        err = same ? 0 : Number.POSITIVE_INFINITY;
        ratio = err;
      } else {
        err = Math.abs(a - e);
        ratio = err / (settings.absolute + settings.relative * Math.abs(e));
      }
      if (ratio > worst.ratio)
        worst = { ratio, error: err, variable: expected.columns[j]!, time: expected.times[i]! };
    }
  }
  return worst;
}

/** `00001-00100`, `1-100,250,300-310`: inclusive numeric ranges and single ids, comma separated. */
export function parseCaseFilter(spec: string): (id: string) => boolean {
  const ranges = spec.split(',').map((part) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m)
      throw new InputError(`--filter: cannot read '${part.trim()}' (expected N or N-M, comma separated)`);
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) throw new InputError(`--filter: empty range '${part.trim()}'`);
    return [lo, hi] as const;
  });
  return (id) => {
    const n = Number(id);
    return ranges.some(([lo, hi]) => n >= lo && n <= hi);
  };
}
