/**
 * Generated propensity updates for the hybrid method (the analogue of kernel.ts for the direct method).
 * After reaction j fires, the hybrid recomputes the discrete propensities listed in `dependents(j)` (Cao,
 * Li & Petzold's dependency graph, J Chem Phys 121:4059, 2004) at both ends of its current step.
 * Two things make that cheap:
 * - loop-invariant hoisting: a work slot (an assignment-rule value such as drug occupancy or a per-cell
 *   kill rate) that reads only state no discrete firing can change (rate-rule variables, species that are
 *   always continuous) keeps its value at each end of the step until the step ends. `prepare` evaluates
 *   those slots once per step, at both ends, into wS and wE; the per-firing code reads them;
 * - per reaction j one small straight-line function: its dependents' remaining slots computed once (a
 *   burden N read by several rates is summed once), then their values, at (t0, yS) and at (t1, yE).
 * Source text is the compiler's rate source (slots `y[i]`, `p[k]`, `w[k]` and literals from the validated
 * tree) rewritten slot by slot, never user text.
 */
import type { Problem } from '../../problem/types.js';

export interface HybridKernel {
  /** Work slots per end. */
  readonly nW: number;
  /** Evaluates the invariant slots at (tt[0], yS) into wS and at (tt[1], yE) into wE. */
  readonly prepare: (
    tt: Float64Array,
    yS: Float64Array,
    yE: Float64Array,
    p: Float64Array,
    wS: Float64Array,
    wE: Float64Array,
  ) => void;
  /**
   * update[j] updates aS[k], aE[k] for every dependent k of j with rc[k] = 0 (discrete) and adds the
   * changes of the totals to s[0] (start) and s[1] (end); sets s[2] = 1 when a new value is negative, NaN
   * or infinite. Times come in an array (tt = [t0, t1]): doubles passed as arguments are boxed per call.
   */
  readonly update: readonly Update1[];
}

type Update1 = (
  tt: Float64Array,
  yS: Float64Array,
  yE: Float64Array,
  p: Float64Array,
  aS: Float64Array,
  aE: Float64Array,
  rc: Uint8Array,
  s: Float64Array,
  wS: Float64Array,
  wE: Float64Array,
) => void;

/** Generated up to this many (reaction, dependent) pairs: beyond, code size outweighs the gain. */
const MAX_TERMS = 4096;

const cache = new WeakMap<Problem, Map<string, HybridKernel | null>>();

/**
 * The kernel of a problem for a set of always-continuous state components (by index), or null when the
 * problem offers no rate source or is too large. Cached per problem and set.
 */
export function hybridKernel(problem: Problem, always: Uint8Array): HybridKernel | null {
  let byKey = cache.get(problem);
  if (byKey === undefined) {
    byKey = new Map();
    cache.set(problem, byKey);
  }
  const key = Array.from(always).join('');
  let k = byKey.get(key);
  if (k === undefined) {
    k = generate(problem, always);
    byKey.set(key, k);
  }
  return k;
}

const LINE = /^w\[(\d+)\] = (.*);$/;
const W_SLOT = /\bw\[(\d+)\]/g;
const Y_SLOT = /\by\[(\d+)\]/g;

/**
 * State components that no firing of a possibly discrete reaction changes: those changed only by
 * reactions whose every species is always continuous, and those no reaction changes.
 */
function fixedComponents(problem: Problem, always: Uint8Array): Uint8Array {
  const s = problem.stoich;
  const fixed = new Uint8Array(problem.n).fill(1);
  for (let j = 0; j < problem.nReactions; j++) {
    let discrete = false;
    for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) if (!always[s.col[q]]) discrete = true;
    if (discrete) for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) fixed[s.col[q]] = 0;
  }
  return fixed;
}

function generate(problem: Problem, always: Uint8Array): HybridKernel | null {
  if (problem.rateSource === undefined || problem.compileSource === undefined) return null;
  const dep = problem.dependents;
  if (dep.col.length > MAX_TERMS) return null;
  const rates = Array.from({ length: problem.nReactions }, (_, k) => problem.rateSource!(k));
  const fixed = fixedComponents(problem, always);
  // Every work slot's defining line, in an order that respects dependencies (each prelude is ordered).
  const def = new Map<number, string>();
  const order: number[] = [];
  let nW = 0;
  const lines = (k: number): number[] => {
    const out: number[] = [];
    for (const raw of rates[k].prelude.split('\n')) {
      const l = raw.trim();
      if (l === '') continue;
      const m = LINE.exec(l);
      if (m === null) return [-1]; // not the expected slot form: no kernel
      const slot = Number(m[1]);
      if (!def.has(slot)) {
        def.set(slot, m[2]);
        order.push(slot);
      }
      nW = Math.max(nW, slot + 1);
      out.push(slot);
    }
    return out;
  };
  const slotsOf = rates.map((_, k) => lines(k));
  if (slotsOf.some((l) => l.includes(-1))) return null;
  for (const r of rates) for (const m of r.value.matchAll(W_SLOT)) nW = Math.max(nW, Number(m[1]) + 1);
  const variant = new Map<number, boolean>();
  for (const slot of order) {
    const e = def.get(slot)!;
    // Helpers (random draws, delays) are never hoisted; time is fixed at each end of the step.
    let v = e.includes('H.');
    for (const m of e.matchAll(Y_SLOT)) if (!fixed[Number(m[1])]) v = true;
    for (const m of e.matchAll(W_SLOT)) if (variant.get(Number(m[1])) !== false) v = true;
    variant.set(slot, v);
  }
  const at = (src: string, end: 'S' | 'E'): string => src.replace(W_SLOT, (_m, k: string) => `w${end}[${k}]`);
  const endBlock = (body: string, end: 'S' | 'E'): string =>
    `{ const y = y${end}; const t = tt[${end === 'S' ? 0 : 1}];\n${body} }`;
  const invariant = order.filter((slot) => !variant.get(slot));
  const prepBody = (end: 'S' | 'E') =>
    invariant.map((slot) => `w${end}[${slot}] = ${at(def.get(slot)!, end)};`).join('\n');
  const prepare = problem.compileSource<HybridKernel['prepare']>(
    'tt, yS, yE, p, wS, wE',
    `${endBlock(prepBody('S'), 'S')}\n${endBlock(prepBody('E'), 'E')}`,
  );
  const fns: Update1[] = [];
  for (let j = 0; j < problem.nReactions; j++) {
    const deps = Array.from(dep.col.subarray(dep.rowPtr[j], dep.rowPtr[j + 1]));
    const need = new Set<number>();
    for (const k of deps) for (const slot of slotsOf[k]) if (variant.get(slot)) need.add(slot);
    const slots = order.filter((slot) => need.has(slot));
    const one = (end: 'S' | 'E', slot: 0 | 1): string =>
      endBlock(
        [
          ...slots.map((w) => `w${end}[${w}] = ${at(def.get(w)!, end)};`),
          ...deps.map(
            (k) =>
              `if (rc[${k}] === 0) { const v = ${at(rates[k].value, end)}; if (!(v >= 0 && v < Infinity)) s[2] = 1; s[${slot}] += v - a${end}[${k}]; a${end}[${k}] = v; }`,
          ),
        ].join('\n'),
        end,
      );
    fns.push(
      problem.compileSource<Update1>(
        'tt, yS, yE, p, aS, aE, rc, s, wS, wE',
        `${one('S', 0)}\n${one('E', 1)}`,
      ),
    );
  }
  return { nW, prepare, update: fns };
}
