/**
 * The PEtab simulation table: the measurement table(s) with the `measurement` column replaced by
 * `simulation` (every other column kept as read), one row per measurement, in table order. Numbers are
 * written with full precision (shortest round-trip form).
 */
import type { PetabSpec } from '../io/petab/index.js';
import type { SubproblemResult } from './problem.js';

export function simulationTable(spec: PetabSpec, results: readonly SubproblemResult[]): string {
  const header: string[] = [];
  for (const sub of spec.problems)
    for (const t of sub.measurementTables) for (const h of t.header) if (!header.includes(h)) header.push(h);
  const out = [header.map((h) => (h === 'measurement' ? 'simulation' : h)).join('\t')];
  spec.problems.forEach((sub, s) => {
    let row = 0;
    for (const t of sub.measurementTables) {
      const cols = header.map((h) => t.header.indexOf(h));
      for (const r of t.rows) {
        const sim = results[s]!.simulation[row++]!;
        out.push(
          header
            .map((h, j) => (h === 'measurement' ? String(sim) : cols[j]! >= 0 ? r[cols[j]!]! : ''))
            .join('\t'),
        );
      }
    }
  });
  return `${out.join('\n')}\n`;
}
