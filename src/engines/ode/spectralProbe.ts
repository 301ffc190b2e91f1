/**
 * A second stiffness test for the explicit stepper, for problems with an analytic Jacobian: h rho(J), the
 * spectral radius by power iteration (ITERATIONS products J v, warm-started from the previous probe's
 * vector), every EVERY accepted steps. Hairer's test (dopri5.ts) estimates |lambda| along the difference of
 * two stages, which non-stiff components can dominate: Laske_PLOSComputBiol2019 ran 1470 DOPRI5 steps,
 * h rho(J) at 3-4 (rho(J) up to 1.2e4) from t = 1.2 to 1.76, before that test fired.
 */
import type { StepContext } from './stepper.js';

const EVERY = 25;
const ITERATIONS = 8;

export class SpectralProbe {
  private readonly ctx: StepContext;
  private readonly J: Float64Array;
  private readonly v: Float64Array;
  private readonly w: Float64Array;
  private since = 0;

  constructor(ctx: StepContext) {
    const n = ctx.n;
    this.ctx = ctx;
    this.J = new Float64Array(n * n);
    this.w = new Float64Array(n);
    // A start with no structure: an all-ones vector is orthogonal to the fast mode (1, -1) of A <-> B.
    this.v = Float64Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin(1.7 * i + 0.3));
  }

  /** Restarts the count (after a discontinuity or a switch). */
  reset(): void {
    this.since = 0;
  }

  /** h rho(J(t, y)) on every EVERY-th call, else NaN. */
  check(t: number, y: Float64Array, h: number): number {
    if (++this.since < EVERY) return Number.NaN;
    this.since = 0;
    const { ctx, J, v, w } = this;
    const n = ctx.n;
    ctx.problem.jac!(t, y, ctx.p, J);
    ctx.stats.jacEvals++;
    let rho = 0;
    for (let it = 0; it < ITERATIONS; it++) {
      let vv = 0;
      let ww = 0;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        const row = i * n;
        for (let j = 0; j < n; j++) acc += J[row + j] * v[j];
        w[i] = acc;
        ww += acc * acc;
        vv += v[i] * v[i];
      }
      if (!(ww > 0) || !Number.isFinite(ww)) return Number.NaN;
      rho = Math.sqrt(ww / vv);
      const inv = 1 / Math.sqrt(ww);
      for (let i = 0; i < n; i++) v[i] = w[i] * inv;
    }
    return h * rho;
  }
}
