/**
 * Ensemble result -> CSV: one row per output time; per id the mean, sd, each requested quantile
 * (`X_q0.05`) and the fraction of runs at 0 (`X_extinct`). Numbers use the shortest round-trip form.
 */
import type { EnsembleResult } from './ensemble.js';

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
  const lines = [ensembleCsvHeader(r).join(',')];
  const nIds = r.ids.length;
  for (let i = 0; i < r.t.length; i++) {
    const row: string[] = [String(r.t[i])];
    for (let k = 0; k < nIds; k++) {
      const c = i * nIds + k;
      row.push(String(r.mean[c]), String(r.sd[c]));
      for (const q of r.quantiles.values) row.push(String(q[c]));
      row.push(String(r.extinct[c]));
    }
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Alias used by the CLI (`cscsim simulate --stochastic`). */
export const ensembleCsv = ensembleToCsv;
