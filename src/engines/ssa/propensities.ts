/**
 * Propensity storage for exact SSA: the running total a0 with incremental updates through the
 * dependency graph, and reaction selection by linear search (few reactions) or by a complete binary
 * sum tree (many reactions: O(log M) update and search, and no drift because every inner node is
 * recomputed from its children). With few reactions and time-independent rates, firing goes through the
 * model's generated kernel (kernel.ts): stoichiometry and dependent rates as straight-line code.
 */
import { SolverError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import type { Rng } from '../../random/rng.js';
import { type Kernels, kernels, S_A0, S_PEAK, S_RESUM, S_SINCE, S_SIZE, S_TIME } from './kernel.js';
import { fire } from './stoich.js';

/** Reactions at or above this count use the sum tree. */
export const TREE_THRESHOLD = 32;
/** Linear mode re-sums a0 from scratch this often (firings) to bound accumulated rounding. */
const RESUM_EVERY = 4096;
/**
 * Up to this many reactions, one call of the generated all-rates function (straight-line code) is
 * cheaper than several calls of per-reaction rate functions through `rate(j)`, and leaves no drift.
 */
const RECOMPUTE_ALL_MAX = 16;

export class Propensities {
  readonly m: number;
  readonly a: Float64Array;
  a0 = 0;
  private readonly tree: Float64Array | null;
  private readonly leaf0: number;
  private sinceResum = 0;
  /** True when afterFiring recomputes every rate through the all-rates function (small networks). */
  readonly recomputeAll: boolean;
  /**
   * Kernel mode (the direct method on few reactions with time-independent rates): the generated kernels
   * fire and update (kernel.ts), and selection searches `ord`, the sorting direct method's order.
   */
  readonly kernels: Kernels | null;
  readonly ord: Int32Array;
  /** Kernel state [a0, peak, since, time] (kernel.ts S_*); a0 is mirrored in `a0`. */
  readonly st = new Float64Array(S_SIZE);
  /** Position in `ord` of the last selected reaction. */
  private lastPos = 0;

  constructor(
    private readonly problem: Problem,
    private readonly p: Float64Array,
    /** Use generated kernels when the network allows (the direct method). */
    useKernels = false,
    /** Reactions held at propensity 0 (tau-leaping's continuous reactions, integrated instead). */
    private readonly mask: Uint8Array | null = null,
  ) {
    this.m = problem.nReactions;
    this.a = new Float64Array(this.m);
    this.ord = Int32Array.from({ length: this.m }, (_, j) => j);
    this.kernels = useKernels && this.m < TREE_THRESHOLD ? kernels(problem) : null;
    this.recomputeAll = this.kernels === null && this.m <= RECOMPUTE_ALL_MAX;
    if (this.m >= TREE_THRESHOLD) {
      let size = 1;
      while (size < this.m) size <<= 1;
      this.leaf0 = size;
      this.tree = new Float64Array(2 * size);
    } else {
      this.leaf0 = 0;
      this.tree = null;
    }
  }

  /** Recomputes every propensity at (t, y). */
  all(t: number, y: Float64Array): void {
    this.problem.rates(t, y, this.p, this.a);
    const a = this.a;
    const mask = this.mask;
    if (mask !== null) for (let j = 0; j < this.m; j++) if (mask[j]) a[j] = 0;
    let s = 0;
    for (let j = 0; j < this.m; j++) {
      const v = a[j];
      if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) this.bad(j, v, t);
      s += v;
    }
    this.a0 = s;
    this.sinceResum = 0;
    const st = this.st;
    st[S_A0] = s;
    st[S_PEAK] = s;
    st[S_SINCE] = 0;
    const tree = this.tree;
    if (tree) {
      const l0 = this.leaf0;
      tree.fill(0);
      tree.set(a, l0);
      for (let i = l0 - 1; i >= 1; i--) tree[i] = tree[2 * i] + tree[2 * i + 1];
      this.a0 = tree[1];
    }
  }

  /** Fires reaction j at time t: applies its stoichiometry to y and updates the propensities. */
  fire(j: number, t: number, y: Float64Array): void {
    const k = this.kernels;
    if (k === null) {
      fire(this.problem.stoich, j, y);
      this.afterFiring(j, t, y);
      return;
    }
    const st = this.st;
    k.fire(j, this.lastPos, t, y, this.p, this.a, this.ord, st);
    if (Number.isNaN(st[S_A0])) this.all(st[S_TIME], y); // throws, naming the reaction
    if (st[S_RESUM] === 1) this.resum(y);
    this.a0 = st[S_A0];
  }

  /**
   * Kernel mode: fires every reaction in (t, tBound] (the direct method's inner loop, generated) and
   * returns the number of firings; the same draws and arithmetic as select + fire.
   */
  advance(rng: Rng, t: number, tBound: number, y: Float64Array): number {
    const { kernels: k, st } = this;
    let n = 0;
    for (;;) {
      n += k!.advance(rng, t, tBound, y, this.p, this.a, this.ord, st);
      if (Number.isNaN(st[S_A0])) this.all(st[S_TIME], y); // throws, naming the reaction
      if (st[S_RESUM] === 0) break;
      this.resum(y);
      t = st[S_TIME];
    }
    this.a0 = st[S_A0];
    return n;
  }

  /**
   * Kernel mode: exact re-sum of a0 from the stored propensities (periodic, or after cancellation); an
   * infinite propensity is reported by all(), naming the reaction.
   */
  private resum(y: Float64Array): void {
    const { a, st } = this;
    let s = 0;
    for (let k = 0; k < this.m; k++) s += a[k];
    if (!(s < Number.POSITIVE_INFINITY)) this.all(st[S_TIME], y);
    st[S_A0] = s;
    st[S_PEAK] = s;
    st[S_SINCE] = 0;
  }

  /** Updates the propensities that depend on reaction j after it fired. */
  afterFiring(j: number, t: number, y: Float64Array): void {
    const dep = this.problem.dependents;
    const a = this.a;
    const tree = this.tree;
    const end = dep.rowPtr[j + 1];
    if (this.recomputeAll) {
      this.problem.rates(t, y, this.p, a);
      const mask = this.mask;
      if (mask !== null) for (let k = 0; k < this.m; k++) if (mask[k]) a[k] = 0;
      let s = 0;
      for (let k = 0; k < this.m; k++) {
        const v = a[k];
        if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) this.bad(k, v, t);
        s += v;
      }
      this.a0 = s;
      return;
    }
    if (tree === null) {
      let a0 = this.a0;
      for (let q = dep.rowPtr[j]; q < end; q++) {
        const k = dep.col[q];
        const v = this.mask?.[k] ? 0 : this.problem.rate(k, t, y, this.p);
        if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) this.bad(k, v, t);
        a0 += v - a[k];
        a[k] = v;
      }
      if (++this.sinceResum >= RESUM_EVERY || a0 < 0) {
        a0 = 0;
        for (let k = 0; k < this.m; k++) a0 += a[k];
        this.sinceResum = 0;
      }
      this.a0 = a0;
      return;
    }
    for (let q = dep.rowPtr[j]; q < end; q++) {
      const k = dep.col[q];
      const v = this.mask?.[k] ? 0 : this.problem.rate(k, t, y, this.p);
      if (!(v >= 0 && v < Number.POSITIVE_INFINITY)) this.bad(k, v, t);
      a[k] = v;
      let i = this.leaf0 + k;
      tree[i] = v;
      for (i >>= 1; i >= 1; i >>= 1) tree[i] = tree[2 * i] + tree[2 * i + 1];
    }
    this.a0 = tree[1];
  }

  /** Index of the reaction whose cumulative propensity interval contains r in [0, a0). */
  select(r: number): number {
    const tree = this.tree;
    if (this.kernels !== null) {
      // The same search as the generated advance loop (kernel.ts), in the sorted order.
      const { a, ord } = this;
      const last = this.m - 1;
      let q = 0;
      let j = ord[0];
      for (; q < last; q++) {
        j = ord[q];
        r -= a[j];
        if (r < 0) break;
      }
      if (q === last) {
        while (q > 0 && a[ord[q]] === 0) q--;
        j = ord[q];
      }
      this.lastPos = q;
      return j;
    }
    if (tree === null) {
      const a = this.a;
      const last = this.m - 1;
      let j = 0;
      for (; j < last; j++) {
        r -= a[j];
        if (r < 0) return j;
      }
      // Rounding may carry r past the end: take the last reaction with a positive propensity.
      while (j > 0 && a[j] === 0) j--;
      return j;
    }
    let i = 1;
    const l0 = this.leaf0;
    while (i < l0) {
      const left = tree[2 * i];
      if (r < left || tree[2 * i + 1] === 0) i = 2 * i;
      else {
        r -= left;
        i = 2 * i + 1;
      }
    }
    return i - l0;
  }

  bad(j: number, v: number, t: number): never {
    throw new SolverError(
      `propensity of reaction '${this.problem.reactionIds[j]}' is ${v}; stochastic rates must be finite and >= 0`,
      t,
    );
  }
}
