/**
 * Generated propensity updates for the hybrid method (the analogue of kernel.ts for the direct method).
 * After reaction j fires, the hybrid recomputes the discrete propensities listed in `dependents(j)` (Cao,
 * Li & Petzold's dependency graph, J Chem Phys 121:4059, 2004) at both ends of its current step. Per
 * reaction j this is one straight-line case: the dependents' rate sources with their shared work slots
 * computed once (a burden N or a drug occupancy read by several rates is summed once, not once per rate),
 * evaluated at (t0, yS) and at (t1, yE). Source text comes from the compiler's rate source (slots and
 * literals from the validated tree), never from user text.
 */
import type { Problem } from '../../problem/types.js';

/**
 * Updates aS[k], aE[k] for every dependent k of j with rc[k] = 0 (discrete) and adds the changes of the
 * totals to s[0] (start) and s[1] (end); sets s[2] = 1 when a new value is negative, NaN or infinite.
 */
export type HybridUpdateFn = (
  j: number,
  t0: number,
  t1: number,
  yS: Float64Array,
  yE: Float64Array,
  p: Float64Array,
  aS: Float64Array,
  aE: Float64Array,
  rc: Uint8Array,
  s: Float64Array,
) => void;

type Update1 = (
  t0: number,
  t1: number,
  yS: Float64Array,
  yE: Float64Array,
  p: Float64Array,
  aS: Float64Array,
  aE: Float64Array,
  rc: Uint8Array,
  s: Float64Array,
) => void;

/** Generated up to this many (reaction, dependent) pairs: beyond, code size outweighs the gain. */
const MAX_TERMS = 4096;

const cache = new WeakMap<Problem, HybridUpdateFn | null>();

/** The update function of a problem, or null when it offers no rate source or is too large. */
export function hybridUpdate(problem: Problem): HybridUpdateFn | null {
  let f = cache.get(problem);
  if (f === undefined) {
    f = generate(problem);
    cache.set(problem, f);
  }
  return f;
}

/** One end of the step: shared prelude statements once, then each discrete dependent's value. */
function end(
  deps: readonly number[],
  rates: readonly { prelude: string; value: string }[],
  y: string,
  t: string,
  a: string,
  slot: number,
): string {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const k of deps)
    for (const line of rates[k].prelude.split('\n')) {
      const l = line.trim();
      if (l !== '' && !seen.has(l)) {
        seen.add(l);
        lines.push(l);
      }
    }
  const body = deps.map(
    (k) =>
      `if (rc[${k}] === 0) { const v = ${rates[k].value}; if (!(v >= 0 && v < Infinity)) s[2] = 1; s[${slot}] += v - ${a}[${k}]; ${a}[${k}] = v; }`,
  );
  return `{ const y = ${y}; const t = ${t};\n${lines.join('\n')}\n${body.join('\n')} }`;
}

function generate(problem: Problem): HybridUpdateFn | null {
  if (problem.rateSource === undefined || problem.compileSource === undefined) return null;
  const dep = problem.dependents;
  if (dep.col.length > MAX_TERMS) return null;
  const rates = Array.from({ length: problem.nReactions }, (_, k) => problem.rateSource!(k));
  // One small function per reaction (a single switch over every reaction grew too large for V8 to
  // optimise: measured slower than the per-rate closures).
  const fns: Update1[] = [];
  for (let j = 0; j < problem.nReactions; j++) {
    const deps = Array.from(dep.col.subarray(dep.rowPtr[j], dep.rowPtr[j + 1]));
    fns.push(
      problem.compileSource<Update1>(
        't0, t1, yS, yE, p, aS, aE, rc, s',
        `${end(deps, rates, 'yS', 't0', 'aS', 0)}\n${end(deps, rates, 'yE', 't1', 'aE', 1)}`,
      ),
    );
  }
  return (j, t0, t1, yS, yE, p, aS, aE, rc, s) => fns[j](t0, t1, yS, yE, p, aS, aE, rc, s);
}
