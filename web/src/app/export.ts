/**
 * Downloads: a result set as CSV or JSON. ODE and ensemble CSVs are exactly what `cscsim simulate` writes
 * for the same run (the CLI's writers are reused); the timing study has one column per output and arm.
 */

import type { EnsembleResult } from '../../../src/engines/ssa/ensemble.js';
import { formatCsv } from '../../../src/io/csv.js';
import { ensembleToCsv } from '../../../src/io/ensemble-csv.js';
import type { Arm, ResultSet } from './result.js';
import type { ViewState } from './state.js';

function rows(
  t: Float64Array,
  cols: readonly { values: Float64Array; width: number; k: number }[],
): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < t.length; i++) {
    const row = [t[i]!];
    for (const c of cols) row.push(c.values[i * c.width + c.k]!);
    out.push(row);
  }
  return out;
}

/** The ensemble arm in the shape the CLI's CSV writer takes. */
function asEnsemble(r: ResultSet, a: Arm): EnsembleResult {
  const last = (r.t.length - 1) * r.ids.length;
  const extinct = a.extinct ?? new Float64Array(a.values.length);
  return {
    method: (r.method ?? 'direct') as EnsembleResult['method'],
    runs: r.runsDone ?? 0,
    seed: r.seed ?? 0,
    t: r.t,
    ids: r.ids,
    mean: a.values,
    sd: a.sd ?? new Float64Array(a.values.length),
    quantiles: { p: [0.05, 0.5, 0.95], values: [a.q05!, a.q50!, a.q95!] },
    extinct,
    extinctEnd: extinct.slice(last, last + r.ids.length),
    stats: { firings: 0, steps: 0, rejected: 0 },
  };
}

/** Short column suffix of a timing arm: control, day1, day27.5. */
export function armKey(a: Arm): string {
  return a.startDay === undefined ? 'control' : `day${a.startDay}`;
}

export function resultCsv(r: ResultSet): string {
  if (r.kind === 'ensemble') return ensembleToCsv(asEnsemble(r, r.arms[0]!));
  const w = r.ids.length;
  if (r.kind === 'ode') {
    const cols = r.ids.map((_, k) => ({ values: r.arms[0]!.values, width: w, k }));
    return formatCsv(['time', ...r.ids], rows(r.t, cols));
  }
  const header = ['time'];
  const cols: { values: Float64Array; width: number; k: number }[] = [];
  for (const a of r.arms) {
    r.ids.forEach((id, k) => {
      header.push(`${id}_${armKey(a)}`);
      cols.push({ values: a.values, width: w, k });
    });
  }
  return formatCsv(header, rows(r.t, cols));
}

/** Column k of a row-major block as a plain array (JSON has no typed arrays). */
function column(values: Float64Array | undefined, width: number, k: number, n: number): number[] | undefined {
  if (!values) return undefined;
  return Array.from({ length: n }, (_, i) => values[i * width + k]!);
}

/** The result and the view that produced it, as JSON (non-finite numbers become null). */
export function resultJson(r: ResultSet, view: ViewState): string {
  const n = r.t.length;
  const w = r.ids.length;
  const doc = {
    model: r.modelId,
    kind: r.kind,
    view,
    ...(r.runs !== undefined ? { runs: r.runsDone, method: r.method, seed: r.seed } : {}),
    ...(r.establishedDay !== undefined ? { establishedDay: r.establishedDay } : {}),
    notes: r.notes,
    t: Array.from(r.t),
    arms: r.arms.map((a) => ({
      name: a.name,
      ...(a.startDay !== undefined ? { startDay: a.startDay } : {}),
      outputs: Object.fromEntries(
        r.ids.map((id, k) => [
          id,
          {
            [r.kind === 'ensemble' ? 'mean' : 'values']: column(a.values, w, k, n),
            sd: column(a.sd, w, k, n),
            q05: column(a.q05, w, k, n),
            q50: column(a.q50, w, k, n),
            q95: column(a.q95, w, k, n),
            extinct: column(a.extinct, w, k, n),
          },
        ]),
      ),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
