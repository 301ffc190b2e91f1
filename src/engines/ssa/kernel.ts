/**
 * Generated code for the direct method on small networks (the SSA analogue of the compiler's generated
 * right-hand side). Per model, each reaction j becomes one straight-line case that applies its
 * stoichiometry with literal indices and recomputes exactly the propensities in `dependents(j)` (Cao, Li &
 * Petzold's dependency graph, J Chem Phys 121:4059, 2004) from the compiler's rate source, updating the
 * running total a0 - no CSR indirection and no call per rate. Two functions share the cases:
 * - `fire`: one firing (the propose/commit path, used when events need a look after every jump);
 * - `advance`: the whole inner loop of the direct method (Gillespie 1977) - waiting time (the ziggurat
 *   exponential's fast path inlined, random/ziggurat.ts), selection, firing - in one function, so that
 *   nothing crosses a call boundary per event.
 * Selection is a linear search in a dynamically sorted order: the sorting direct method (McCollum,
 * Peterson, Cox, Simpson & Samatova, Comput Biol Chem 30:39, 2006) swaps a fired reaction with the one
 * before it, so frequent reactions drift to the front and the mean search depth falls. The order changes
 * which reaction a given uniform selects, never the probabilities: the method stays exact.
 * Both functions follow the same arithmetic (same update order, same re-summing rule), so the two paths
 * produce identical trajectories. Source text is built from array indices, numeric literals and the
 * compiler's rate source (slots and literals from the validated tree), never from user text.
 */
import { numberLiteral } from '../../model/expr/codegen.js';
import type { Problem } from '../../problem/types.js';
import type { Rng } from '../../random/rng.js';
import { EXP_LAYERS } from '../../random/ziggurat.js';

/** Layout of the state array `s` shared by the kernels and Propensities. */
export const S_A0 = 0;
export const S_PEAK = 1;
export const S_SINCE = 2;
/** Time of the last firing when a kernel stops early (a re-sum is due, or a0 is NaN). */
export const S_TIME = 3;
/** Set by a kernel: 1 when a0 must be re-summed (periodically or after cancellation), else 0. */
export const S_RESUM = 4;
export const S_SIZE = 5;

/** a0 is re-summed exactly after this many firings, to bound accumulated rounding. */
export const RESUM_EVERY = 4096;
/**
 * ... and when it falls below this fraction of its peak since the last re-sum: the incremental total may
 * then be mostly rounding residue (e.g. every propensity just became 0).
 */
export const CANCELLATION = 1e-9;

/**
 * Fires reaction j (found at position q of `ord`) at time t: y += nu_j, dependents updated, ord and s
 * updated; s[S_RESUM] = 1 when a re-sum of a0 is due (also when a0 became infinite). s[S_A0] becomes
 * NaN when a new propensity is negative or NaN.
 */
export type FireFn = (
  j: number,
  q: number,
  t: number,
  y: Float64Array,
  p: Float64Array,
  a: Float64Array,
  ord: Int32Array,
  s: Float64Array,
) => void;

/**
 * Fires the reactions in (t, tBound] drawing from rng; returns the number of firings. Stops early after a
 * firing that makes a re-sum due (s[S_RESUM] = 1, s[S_TIME] its time; the caller re-sums and goes on)
 * or that produced a bad propensity (s[S_A0] = NaN).
 */
export type AdvanceFn = (
  rng: Rng,
  t: number,
  tBound: number,
  y: Float64Array,
  p: Float64Array,
  a: Float64Array,
  ord: Int32Array,
  s: Float64Array,
) => number;

export interface Kernels {
  readonly fire: FireFn;
  readonly advance: AdvanceFn;
}

/** Kernels are generated up to this many (reaction, dependent) pairs: beyond, code size outweighs the gain. */
export const KERNEL_MAX_TERMS = 4096;

const cache = new WeakMap<Problem, Kernels | null>();

/**
 * The kernels of a problem, or null when it offers no rate source, its rates depend on time or the
 * network is too large. Generated once per problem and shared by every run (they keep no state of their
 * own), so the JIT optimises them once.
 */
export function kernels(problem: Problem): Kernels | null {
  let k = cache.get(problem);
  if (k === undefined) {
    k = generate(problem);
    cache.set(problem, k);
  }
  return k;
}

/**
 * A rate whose source is one work slot (`w[k] = expr;` then `w[k]`) becomes the bare expression: no store
 * and reload per update. The pattern is matched on the compiler's own generated text.
 */
function inlineSlot(r: { prelude: string; value: string }): { prelude: string; value: string } {
  const m = /^w\[(\d+)\] = ([^;\n]*);$/.exec(r.prelude);
  return m !== null && r.value === `w[${m[1]}]` ? { prelude: '', value: m[2] } : r;
}

/** The rate sources, with every work slot that can be inlined inlined. */
function rateSources(problem: Problem): { prelude: string; value: string }[] {
  return Array.from({ length: problem.nReactions }, (_, k) => inlineSlot(problem.rateSource!(k)));
}

const P_SLOT = /\bp\[(\d+)\]/g;
const Y_SLOT = /\by\[(\d+)\]/g;

/**
 * Parameters read by the rates, loaded once per call into locals `p<k>` (they cannot change inside a
 * call: events run between calls). Without this V8 reloads p[k] after every store to y or a, which it
 * cannot prove to be different arrays.
 */
function parameterLocals(rates: readonly { prelude: string; value: string }[]): string {
  const used = new Set<number>();
  for (const r of rates) for (const m of `${r.prelude}\n${r.value}`.matchAll(P_SLOT)) used.add(Number(m[1]));
  return [...used]
    .sort((a, b) => a - b)
    .map((k) => `const p${k} = p[${k}];`)
    .join(' ');
}

/**
 * The cases of `switch (j)`: fire j at time t, updating the local a0; on a bad value set a0 = NaN and
 * `onBad`. Each species the reaction changes is held in a local `y<i>` for its dependent rates, and
 * parameters are read from the locals of `parameterLocals`: the rewriting works on the compiler's own
 * slot syntax (`y[3]`, `p[12]`), never on user text.
 */
function cases(
  problem: Problem,
  rates: readonly { prelude: string; value: string }[],
  onBad: string,
): string {
  const { stoich, dependents } = problem;
  const out: string[] = [];
  for (let j = 0; j < problem.nReactions; j++) {
    out.push(`case ${j}: {`);
    const changed = new Set<number>();
    for (let q = stoich.rowPtr[j]; q < stoich.rowPtr[j + 1]; q++) {
      const i = stoich.col[q];
      if (changed.has(i))
        throw new Error(`internal: species ${i} twice in the stoichiometry of reaction ${j}`);
      out.push(`const y${i} = (y[${i}] += ${numberLiteral(stoich.val[q])});`);
      changed.add(i);
    }
    const local = (src: string): string =>
      src
        .replace(Y_SLOT, (m, i: string) => (changed.has(Number(i)) ? `y${i}` : m))
        .replace(P_SLOT, (_m, k: string) => `p${k}`);
    for (let q = dependents.rowPtr[j]; q < dependents.rowPtr[j + 1]; q++) {
      const k = dependents.col[q];
      if (rates[k].prelude !== '') out.push(local(rates[k].prelude));
      out.push(`{ const v = ${local(rates[k].value)};`);
      out.push(`if (!(v >= 0)) { a0 = NaN; ${onBad} }`);
      out.push(`a0 += v - a[${k}]; a[${k}] = v; }`);
    }
    out.push('break; }');
  }
  return out.join('\n');
}

/**
 * After firing j at position q: move it one place forward, track the peak of a0 and flag a re-sum when
 * due. The re-sum itself happens outside the generated loop (Propensities.resum): merging its result
 * into the loop's a0 made the JIT box a0 at every firing.
 */
const AFTER = `
if (q > 0) { ord[q] = ord[q - 1]; ord[q - 1] = j; }
if (a0 > peak) peak = a0;`;
// An infinite propensity makes a0 infinite (or NaN): it is caught here, once per firing, and reported
// by the caller's re-sum.
const DUE = `!(a0 >= ${CANCELLATION} * peak && a0 < Infinity) || since0 + n >= ${RESUM_EVERY}`;

function generate(problem: Problem): Kernels | null {
  const m = problem.nReactions;
  if (problem.rateSource === undefined || problem.compileSource === undefined) return null;
  if (problem.ratesDependOnTime || m === 0 || problem.dependents.col.length > KERNEL_MAX_TERMS) return null;
  const rates = rateSources(problem);
  const head = `const m = ${m}; let a0 = s[${S_A0}]; let peak = s[${S_PEAK}]; const since0 = s[${S_SINCE}] | 0;
${parameterLocals(rates)}`;
  const save = `s[${S_A0}] = a0; s[${S_PEAK}] = peak; s[${S_SINCE}] = since0 + n; s[${S_TIME}] = t;`;
  const fire = problem.compileSource<FireFn>(
    'j, q, t, y, p, a, ord, s',
    `${head}
const n = 1;
switch (j) {
${cases(problem, rates, `s[${S_A0}] = NaN; s[${S_TIME}] = t; return;`)}
}
${AFTER}
s[${S_RESUM}] = ${DUE} ? 1 : 0;
${save}`,
  );
  const advance = problem.compileSource<AdvanceFn>(
    'rng, tStart, tBound, y, p, a, ord, s',
    `${head}
// "* 1" types the loop-carried time as a float64 from the start: a phi merging the tagged argument with
// doubles would box every new time (one heap allocation per firing).
let t = tStart * 1;
const tEnd = tBound * 1;
// Uniforms straight from the generator's buffer (Rng.uniforms / cursor): the same stream as uniform().
const ub = rng.uniforms;
const uc = rng.cursor;
const nb = ub.length;
const zAccept = rng.expAccept;
const zWidth = rng.expWidth;
let ui = uc[0];
let n = 0;
let due = 0;
for (;;) {
  if (!(a0 > 0)) break;
  if (ui === nb) { rng.refill(); ui = 0; }
  // Waiting time Exp(1) / a0 by the ziggurat's fast path; the rest of a draw (~2%) continues in the rng.
  const zw = ub[ui++] * ${EXP_LAYERS};
  const zi = zw | 0;
  const zg = zw - zi;
  let e = zg * zWidth[zi];
  if (!(zg < zAccept[zi])) { uc[0] = ui; e = rng.expSlow(zi, zg); ui = uc[0]; }
  const tau = t + e / a0;
  if (tau >= tEnd) break;
  if (ui === nb) { rng.refill(); ui = 0; }
  let r = ub[ui++] * a0;
  let q = 0;
  let j = ord[0];
  for (; q < m - 1; q++) {
    j = ord[q];
    r -= a[j];
    if (r < 0) break;
  }
  if (q === m - 1) {
    // Past the end by rounding: the last reaction in order with a positive propensity.
    while (q > 0 && a[ord[q]] === 0) q--;
    j = ord[q];
  }
  t = tau;
  switch (j) {
${cases(problem, rates, `s[${S_A0}] = NaN; s[${S_TIME}] = t; uc[0] = ui; return n + 1;`)}
  }
  n++;
${AFTER}
  if (${DUE}) { due = 1; break; }
}
uc[0] = ui;
s[${S_RESUM}] = due;
${save}
return n;`,
  );
  return { fire, advance };
}
