/**
 * The deterministic part of a tau-leap: species listed as continuous (a drug in mg/kg, not a count), the
 * reactions that change only such species, and state that reactions never change (rate rules) move by an
 * ODE between leaps. Each leap [t, t + h] integrates it with the explicit midpoint rule (second order,
 * above the first order of the leap itself; Hairer, Norsett & Wanner, Solving ODEs I, II.1), from the
 * state at the leap's start, as the leap's Poisson counts are.
 */
import type { Problem } from '../../problem/types.js';
import { reactionDriven } from './stoich.js';

export class Drift {
  /** Reactions integrated here (every species they change is continuous); the leap skips them. */
  readonly rxCont: Uint8Array;
  /** True when anything moves: without continuous reactions or free state a leap needs no drift. */
  readonly moving: boolean;
  private readonly movingComp: Uint8Array;
  private readonly driven: Uint8Array;
  private readonly a: Float64Array;
  private readonly dy: Float64Array;
  private readonly k: Float64Array;
  private readonly mid: Float64Array;
  private readonly hasFree: boolean;

  constructor(
    private readonly problem: Problem,
    private readonly p: Float64Array,
    continuous: readonly string[],
  ) {
    const n = problem.n;
    const m = problem.nReactions;
    const s = problem.stoich;
    this.driven = reactionDriven(s, n);
    const cont = new Uint8Array(n);
    for (const id of continuous) {
      const i = problem.stateIndex.get(id);
      if (i !== undefined) cont[i] = 1;
    }
    this.rxCont = new Uint8Array(m);
    let any = false;
    for (let j = 0; j < m; j++) {
      let c = s.rowPtr[j + 1] > s.rowPtr[j] ? 1 : 0;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) if (!cont[s.col[q]]) c = 0;
      this.rxCont[j] = c;
      if (c) any = true;
    }
    this.movingComp = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.movingComp[i] = cont[i] || !this.driven[i] ? 1 : 0;
    this.hasFree = this.driven.some((d) => d === 0);
    this.moving = any || (this.hasFree && problem.rhsIsZero !== true);
    this.a = new Float64Array(m);
    this.dy = new Float64Array(n);
    this.k = new Float64Array(n);
    this.mid = new Float64Array(n);
  }

  /** Moves the continuous components of y from t to t + h (midpoint rule). */
  step(t: number, h: number, y: Float64Array): void {
    if (!this.moving || !(h > 0)) return;
    const { k, mid, movingComp, driven } = this;
    const n = this.problem.n;
    this.deriv(t, y, k);
    mid.set(y);
    for (let i = 0; i < n; i++) if (movingComp[i]) mid[i] = y[i] + 0.5 * h * k[i];
    this.deriv(t + 0.5 * h, mid, k);
    for (let i = 0; i < n; i++) {
      if (!movingComp[i]) continue;
      const v = y[i] + h * k[i];
      y[i] = driven[i] && v < 0 ? 0 : v;
    }
  }

  private deriv(t: number, y: Float64Array, out: Float64Array): void {
    const pr = this.problem;
    const { a, dy, driven, rxCont } = this;
    if (this.hasFree) pr.rhs(t, y, this.p, dy);
    pr.rates(t, y, this.p, a);
    for (let i = 0; i < pr.n; i++) out[i] = driven[i] ? 0 : dy[i];
    const s = pr.stoich;
    for (let j = 0; j < pr.nReactions; j++) {
      if (!rxCont[j]) continue;
      for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) out[s.col[q]] += s.val[q] * a[j];
    }
  }
}
