/**
 * One xenograft mouse as a hybrid simulation (method in xenograft.ts): the whole model (PK, HER2,
 * hierarchy) integrated as an ODE over each interval of dt days, then the CSC count replaced by an exact
 * draw from the linear birth-death law of the interval (kendall.ts) with per-capita rates averaged over the
 * interval's ends, while the pool is below `deterministicAbove` cells.
 */
import { solve } from '../engines/solve.js';
import type { Rng } from '../random/index.js';
import { kendallStep } from './kendall.js';
import { cscRates, type Lab, progenitors } from './lab.js';
import { type Administration, stateSlot } from './sim.js';

export class HybridMouse {
  /** Model state (amounts); y[L.slotS] is an integer while the pool is stochastic. */
  y: Float64Array;
  t = 0;
  private k = 0;
  private readonly slotAb: number;
  private readonly rho: number;

  constructor(
    private readonly L: Lab,
    private readonly p: Float64Array,
    private readonly doses: readonly Administration[],
    private readonly rng: Rng,
    private readonly deterministicAbove = 1e5,
  ) {
    this.y = L.problem.initialState(p);
    this.y[L.slotS] = Math.round(this.y[L.slotS]!);
    this.slotAb = stateSlot(L.problem, 'Ab_c');
    this.rho = p[L.problem.paramIndex.get('rho')!]!;
  }

  get csc(): number {
    return this.y[this.L.slotS]!;
  }

  get progenitors(): number {
    return progenitors(this.L, this.y);
  }

  get volume(): number {
    return (this.y[this.L.slotS]! + this.y[this.L.slotD]! + this.progenitors) / this.rho;
  }

  /** Advances by dt; doses due before t + dt/2 are given at the start of the interval. */
  step(dt: number): void {
    const { L, p, doses } = this;
    const t0 = this.t;
    while (this.k < doses.length && doses[this.k]!.t < t0 + dt / 2)
      this.y[this.slotAb] += doses[this.k++]!.amount;
    const S0 = this.y[L.slotS]!;
    const stochastic = S0 < this.deterministicAbove;
    const [b0, d0] = stochastic ? cscRates(L, t0, this.y, p) : [0, 0];
    const sol = solve(L.problem, {
      t0,
      tEnd: t0 + dt,
      p,
      y0: this.y,
      outputs: [],
      outputTimes: [t0 + dt],
      rtol: 1e-5,
      atol: 1e-6,
    });
    this.y = Float64Array.from(sol.yEnd);
    this.t = t0 + dt;
    if (stochastic) {
      const [b1, d1] = cscRates(L, this.t, this.y, p);
      this.y[L.slotS] = kendallStep(Math.round(S0), 0.5 * (b0 + b1), 0.5 * (d0 + d1), dt, this.rng);
    }
  }
}
