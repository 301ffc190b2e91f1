/**
 * How the continuous part of a hybrid step responds to the jumps inside it. A jump at tau adds nu_c to
 * continuous species (P2 -> 2 P3 with P3 continuous); the step's end state, integrated before the jump,
 * gets nu_c added, but the continuous flow over (tau, t1] must also carry it on (the new P3 cells divide
 * and die): without that the continuous species are biased by about lambda (t1 - tau) per jump. For the
 * linearised flow, the end state moves by exp(J (t1 - tau)) nu_c; to second order, summed over the step's
 * jumps, that is V0 + J V1 + J^2 V2 with V_k = sum (t1 - tau)^k / k! nu_c. The two products with J
 * (the Jacobian of the continuous derivative at the step's end) are directional finite differences:
 * three derivative evaluations per step that had such jumps, none per jump.
 */
import type { Stoichiometry } from '../../problem/types.js';

export type DerivFn = (t: number, y: Float64Array, out: Float64Array) => void;

export class JumpResponse {
  private readonly v1: Float64Array;
  private readonly v2: Float64Array;
  private readonly f0: Float64Array;
  private readonly f1: Float64Array;
  private readonly tmp: Float64Array;
  private any = false;

  constructor(
    private readonly n: number,
    private readonly stoich: Stoichiometry,
  ) {
    this.v1 = new Float64Array(n);
    this.v2 = new Float64Array(n);
    this.f0 = new Float64Array(n);
    this.f1 = new Float64Array(n);
    this.tmp = new Float64Array(n);
  }

  /** Forgets recorded jumps (a new step). */
  clear(): void {
    if (!this.any) return;
    this.v1.fill(0);
    this.v2.fill(0);
    this.any = false;
  }

  /** Records reaction j's jump, dt before the step's end, on the components with cont[i] = 1. */
  record(j: number, dt: number, cont: Uint8Array): void {
    const s = this.stoich;
    const h2 = 0.5 * dt * dt;
    for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) {
      const i = s.col[q];
      if (!cont[i]) continue;
      this.v1[i] += dt * s.val[q];
      this.v2[i] += h2 * s.val[q];
      this.any = true;
    }
  }

  /** Adds J V1 + J^2 V2 to y (the step's end state at t1); `driven` components are kept >= 0. */
  apply(t1: number, y: Float64Array, deriv: DerivFn, driven: Uint8Array): void {
    if (!this.any) return;
    const { n, v1, v2, f0, f1, tmp } = this;
    deriv(t1, y, f0);
    // w = V1 + J V2, then J w.
    const s2 = this.scale(y, v2);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + s2 * v2[i];
    deriv(t1, tmp, f1);
    for (let i = 0; i < n; i++) v1[i] += (f1[i] - f0[i]) / s2;
    const s1 = this.scale(y, v1);
    for (let i = 0; i < n; i++) tmp[i] = y[i] + s1 * v1[i];
    deriv(t1, tmp, f1);
    for (let i = 0; i < n; i++) {
      const v = y[i] + (f1[i] - f0[i]) / s1;
      y[i] = driven[i] && v < 0 ? 0 : v;
    }
    this.clear();
  }

  /** Finite-difference step along v: a relative change of 1e-7 of the state's scale. */
  private scale(y: Float64Array, v: Float64Array): number {
    let ym = 1;
    let vm = 0;
    for (let i = 0; i < this.n; i++) {
      ym = Math.max(ym, Math.abs(y[i]));
      vm = Math.max(vm, Math.abs(v[i]));
    }
    return vm > 0 ? (1e-7 * ym) / vm : 1;
  }
}
