/**
 * Ensemble result -> CSV: one row per output time; per id the mean, sd, each requested quantile
 * (`X_q0.05`) and the fraction of runs at 0 (`X_extinct`). Written by io/csv.ts's formatCsv, so numbers
 * (shortest round-trip, `Inf`, `NaN`) and quoting are those of every other CSV we write.
 */
import type { EnsembleResult } from '../engines/ssa/ensemble.js';
import { formatCsv } from './csv.js';

function qLabel(p: number): string {
  return `q${String(p)}`;
}

/** Column names, in order. */
export function ensembleCsvHeader(r: EnsembleResult): string[] {
  const cols = ['time'];
  for (const id of r.ids) {
    cols.push(`${id}_mean`, `${id}_sd`);
    for (const p of r.quantiles.p) cols.push(`${id}_${qLabel(p)}`);
    cols.push(`${id}_extinct`);
  }
  return cols;
}

export function ensembleToCsv(r: EnsembleResult): string {
  const nIds = r.ids.length;
  const rows: number[][] = [];
  for (let i = 0; i < r.t.length; i++) {
    const row = [r.t[i]!];
    for (let k = 0; k < nIds; k++) {
      const c = i * nIds + k;
      row.push(r.mean[c]!, r.sd[c]!);
      for (const q of r.quantiles.values) row.push(q[c]!);
      row.push(r.extinct[c]!);
    }
    rows.push(row);
  }
  return formatCsv(ensembleCsvHeader(r), rows);
}
