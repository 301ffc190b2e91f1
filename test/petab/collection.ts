/**
 * The PEtab benchmark collection (Hass et al. 2019) as a check of the whole PEtab path: for each problem,
 * load + compile, simulate every condition at the nominal parameters, and compare with the collection's
 * `simulatedData_*.tsv` (per observable, relative 1e-3 with a floor of 1e-3 of the observable's largest
 * |value|) and the llh with AMICI's reference values (fixtures/amici-llh.json). Used by the collection test
 * and by scripts/petab-benchmark.ts (the README table).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseNumber, parseTsv } from '../../src/io/petab/tsv.js';
import { loadPetab, type PetabProblem } from '../../src/petab/problem.js';

export const COLLECTION = '/work/shared/petab-benchmark/Benchmark-Models';

export interface ProblemFiles {
  readonly name: string;
  readonly yaml: string;
  readonly simulated?: string;
}

/** Problems of the collection: the top-level YAML of each folder and its simulatedData table, if any. */
export function problems(root = COLLECTION): ProblemFiles[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name);
      const files = readdirSync(dir);
      const yaml = files.find((f) => f.endsWith('.yaml') || f.endsWith('.yml'));
      const sim = files.find((f) => f.startsWith('simulatedData') || f === 'simulations.tsv');
      return {
        name: d.name,
        yaml: join(dir, yaml ?? 'missing.yaml'),
        ...(sim ? { simulated: join(dir, sim) } : {}),
      };
    })
    .filter((p) => existsSync(p.yaml));
}

export interface Comparison {
  readonly matched: boolean;
  /** Largest |ours - theirs| / max(|theirs|, floor) over all rows. */
  readonly worst: number;
  readonly worstRow: number;
  readonly rows: number;
  /** Our value and the reference's at the worst row. */
  readonly ours?: number;
  readonly theirs?: number;
  readonly note?: string;
}

/** Times equal to the reference's printed precision. */
function sameTime(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));
}

function cell(r: readonly string[], j: number): string {
  return j < 0 ? '' : r[j]!;
}

/**
 * Compares our simulations (measurement-table order) with a simulation table. Rows are matched by
 * observable, conditions, time and overrides (in order among equal keys), since some tables are sorted
 * differently; a measurement without a reference row is reported.
 */
export function compareSimulations(
  pp: PetabProblem,
  simulations: Float64Array,
  file: string,
  tol = 1e-3,
): Comparison {
  // Some tables were written by pandas with its unnamed index column first: drop it.
  const text = readFileSync(file, 'utf8');
  const t = parseTsv(text.startsWith('\t') ? text.replace(/^[^\t\n]*\t/gm, '') : text, file);
  const col = (n: string): number => t.header.indexOf(n);
  const [jSim, jObs, jTime, jPre, jCond, jOp, jNp] = [
    'simulation',
    'observableId',
    'time',
    'preequilibrationConditionId',
    'simulationConditionId',
    'observableParameters',
    'noiseParameters',
  ].map(col) as [number, number, number, number, number, number, number];
  const norm = (s: string): string =>
    s
      .split(';')
      .map((x) => (x.trim() === '' ? '' : String(Number(x.trim()) || x.trim())))
      .join(';');
  const ms = pp.spec.problems[0]!.measurements;
  const mt = pp.spec.problems[0]!.measurementTables;
  const raw = mt.flatMap((tb) => tb.rows.map((r) => ({ r, h: tb.header })));
  // Rows matched by observable, conditions, time and (first) the overrides, in order among equal keys.
  const match = (overrides: boolean): number[] | null => {
    const key = (obs: string, pre: string, sim: string, time: number, op: string, np: string): string =>
      [obs, pre, sim, time, ...(overrides ? [norm(op), norm(np)] : [])].join('|');
    const queue = new Map<string, number[]>();
    for (const r of t.rows) {
      const k = key(
        cell(r, jObs),
        cell(r, jPre),
        cell(r, jCond),
        parseNumber(cell(r, jTime)),
        cell(r, jOp),
        cell(r, jNp),
      );
      let q = queue.get(k);
      if (q === undefined) queue.set(k, (q = []));
      q.push(Number(cell(r, jSim)));
    }
    const out: number[] = [];
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      const { r, h } = raw[i]!;
      const c = (n: string): string => cell(r, h.indexOf(n));
      const k = key(
        m.observableId,
        m.preequilibrationId ?? '',
        m.simulationId,
        m.time,
        c('observableParameters'),
        c('noiseParameters'),
      );
      const q = queue.get(k);
      if (q === undefined || q.length === 0) return null;
      out.push(q.shift()!);
    }
    return out;
  };
  // Older tables name the condition column simulationCondition and drop the observable_ prefix; some
  // write the overrides' values instead of their ids: then rows are matched in order.
  const byOrder = (): number[] | null => {
    const jc = jCond >= 0 ? jCond : col('simulationCondition');
    const ok =
      t.rows.length === ms.length &&
      ms.every(
        (x, i) =>
          (cell(t.rows[i]!, jObs) === x.observableId ||
            `observable_${cell(t.rows[i]!, jObs)}` === x.observableId) &&
          cell(t.rows[i]!, jc) === x.simulationId &&
          sameTime(parseNumber(cell(t.rows[i]!, jTime)), x.time),
      );
    return ok ? t.rows.map((r) => Number(cell(r, jSim))) : null;
  };
  const found = match(true) ?? match(false) ?? byOrder();
  if (found === null)
    return {
      matched: false,
      worst: Number.NaN,
      worstRow: -1,
      rows: ms.length,
      note: 'reference rows do not correspond to the measurements',
    };
  const theirs = found;
  const largest = new Map<string, number>();
  ms.forEach((m, i) => {
    largest.set(m.observableId, Math.max(largest.get(m.observableId) ?? 0, Math.abs(theirs[i]!)));
  });
  let worst = 0;
  let worstRow = -1;
  ms.forEach((m, i) => {
    const floor = Math.max(1e-3 * largest.get(m.observableId)!, 1e-300);
    const d = Math.abs(simulations[i]! - theirs[i]!) / Math.max(Math.abs(theirs[i]!), floor);
    if (!(d <= worst)) {
      worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
      worstRow = i;
    }
  });
  return {
    matched: worst <= tol,
    worst,
    worstRow,
    rows: ms.length,
    ours: simulations[worstRow],
    theirs: theirs[worstRow],
  };
}

export { loadPetab };
