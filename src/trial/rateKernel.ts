/**
 * Several reaction fluxes of the compiled model in one generated function, with the work the varying
 * slots cannot change hoisted out. The fast trial path evaluates the same few fluxes many times while only
 * some state slots move (the drug along a rate table's grid, the cells along the reference clone), and one
 * `problem.rate` call per flux re-evaluated the whole shared prelude each time (HER2 signalling, the Fc
 * kill's Hill powers): a sixth of the fast path in a profile. Loop-invariant code motion on the
 * compiler's own straight-line text: a work slot `w[k] = expr;` is varying when expr reads `t`, a helper
 * `H.`, a varying state slot or a varying work slot; the others are computed by `prepare` and kept in the
 * function's private work array. Each slot is the same expression of the same inputs as in
 * `problem.rate`, so the values are bit-identical.
 */
import type { Problem } from '../problem/types.js';

export interface RateKernel {
  /** Computes the invariant work slots at (y, p): call whenever p or a non-varying slot of y changes. */
  prepare(y: Float64Array, p: Float64Array): void;
  /**
   * out[i] = flux of reactions[i] at (t, y, p), the invariant part from the last prepare. One user at a
   * time: the invariant slots live in the kernel.
   */
  evaluate(t: number, y: Float64Array, p: Float64Array, out: Float64Array): void;
}

const W_DEF = /^w\[(\d+)\] = ([^\n]*);$/;
const W_REF = /\bw\[(\d+)\]/g;
const Y_REF = /\by\[(\d+)\]/g;

interface Line {
  readonly k: number;
  readonly text: string;
  readonly deps: readonly number[];
}

/**
 * The union of the preludes, each work slot once, in an order where a slot follows what it reads; null if
 * a line is not a plain slot definition (the kernel then falls back to one rate call per flux).
 */
function mergedPrelude(preludes: readonly string[]): Line[] | null {
  const byK = new Map<number, Line>();
  for (const pre of preludes)
    for (const text of pre.split('\n')) {
      if (text === '') continue;
      const m = W_DEF.exec(text);
      if (m === null) return null;
      const k = Number(m[1]);
      if (byK.has(k)) continue;
      byK.set(k, { k, text, deps: [...m[2]!.matchAll(W_REF)].map((x) => Number(x[1])) });
    }
  const out: Line[] = [];
  const done = new Set<number>();
  const visit = (l: Line): void => {
    if (done.has(l.k)) return;
    done.add(l.k);
    for (const j of l.deps) {
      const d = byK.get(j);
      if (d) visit(d);
    }
    out.push(l);
  };
  for (const l of byK.values()) visit(l);
  return out;
}

const kernels = new WeakMap<Problem, Map<string, RateKernel>>();

/**
 * A kernel of the fluxes of `reactions` in which only the state slots `varying` change between prepares
 * (cached per problem and thread; null when the problem cannot give its rate sources).
 */
export function rateKernel(
  problem: Problem,
  reactions: readonly number[],
  varying: readonly number[],
): RateKernel {
  const key = `${reactions.join(',')}|${varying.join(',')}`;
  let byKey = kernels.get(problem);
  if (!byKey) {
    byKey = new Map();
    kernels.set(problem, byKey);
  }
  const hit = byKey.get(key);
  if (hit) return hit;
  const kernel = generated(problem, reactions, varying) ?? {
    // No rate sources (a hand-built problem) or a prelude we do not read: the fluxes one by one.
    prepare() {},
    evaluate(t, y, p, out) {
      for (let i = 0; i < reactions.length; i++) out[i] = problem.rate(reactions[i]!, t, y, p);
    },
  };
  byKey.set(key, kernel);
  return kernel;
}

function generated(
  problem: Problem,
  reactions: readonly number[],
  varying: readonly number[],
): RateKernel | null {
  const { rateSource, compileSource } = problem;
  if (rateSource === undefined || compileSource === undefined) return null;
  const sources = reactions.map((j) => rateSource(j));
  const lines = mergedPrelude(sources.map((s) => s.prelude));
  if (lines === null) return null;
  const moving = new Set(varying);
  const varyingW = new Set<number>();
  const invariant: string[] = [];
  const inLoop: string[] = [];
  for (const l of lines) {
    const rhs = l.text.slice(l.text.indexOf('=') + 1);
    const reads = [...rhs.matchAll(Y_REF)].some((m) => moving.has(Number(m[1])));
    if (reads || /\bt\b|\bH\./.test(rhs) || l.deps.some((j) => varyingW.has(j))) {
      varyingW.add(l.k);
      inLoop.push(l.text);
    } else invariant.push(l.text);
  }
  const outputs = sources.map((s, i) => `out[${i}] = ${s.value};`);
  const f = compileSource<
    (prep: number, t: number, y: Float64Array, p: Float64Array, out: Float64Array) => void
  >(
    'prep, t, y, p, out',
    `if (prep === 1) {\n${invariant.join('\n')}\nreturn;\n}\n${inLoop.join('\n')}\n${outputs.join('\n')}`,
  );
  return {
    prepare: (y, p) => f(1, 0, y, p, y),
    evaluate: (t, y, p, out) => f(0, t, y, p, out),
  };
}
