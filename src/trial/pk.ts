/**
 * Trastuzumab amounts of the model's linear two-compartment PK (Ab_c, Ab_p; first-order elimination CL/V1,
 * distribution Q/V1 and Q/V2) after bolus doses into the central compartment, in closed form: the unit
 * bolus response is a sum of two exponentials (Gibaldi & Perrier, Pharmacokinetics, 2nd ed., ch. 2) and
 * doses superpose. The fast trial path uses it instead of an ODE solve per patient; a test checks it
 * against the ODE of the model itself.
 */
import type { Administration } from '../experiments/sim.js';
import type { Problem } from '../problem/types.js';

/** Rate constants of the model's PK for parameter vector p (per day). */
export interface PkRates {
  readonly k10: number;
  readonly k12: number;
  readonly k21: number;
}

export function pkRates(problem: Problem, p: Float64Array): PkRates {
  const v = (id: string): number => {
    const i = problem.paramIndex.get(id);
    if (i === undefined) throw new Error(`trial PK: parameter '${id}' missing from the model`);
    return p[i]!;
  };
  return { k10: v('CL') / v('V1'), k12: v('Q') / v('V1'), k21: v('Q') / v('V2') };
}

/**
 * Central and peripheral amounts at each time of `times` (ascending), doses at or before a time included
 * (a dose at exactly t counts, as the rate table samples just after dose times).
 */
export function pkAmounts(
  r: PkRates,
  doses: readonly Administration[],
  times: ArrayLike<number>,
  central: Float64Array,
  peripheral: Float64Array,
): void {
  const sum = r.k10 + r.k12 + r.k21;
  const disc = Math.sqrt(Math.max(0, sum * sum - 4 * r.k10 * r.k21));
  const alpha = (sum + disc) / 2;
  const beta = (sum - disc) / 2;
  const span = alpha - beta;
  if (!(span > 1e-12 * sum)) {
    pkAmountsSlow(r, doses, times, central, peripheral, beta);
    return;
  }
  // Modal amplitudes: central = u e^{-alpha s} + v e^{-beta s}, peripheral = w (e^{-beta s} - e^{-alpha s}),
  // advanced exactly between output times and doses (O(times + doses)).
  let u = 0;
  let v = 0;
  let now = 0;
  let k = 0;
  const advance = (to: number): void => {
    const dt = to - now;
    if (dt !== 0) {
      const ea = Math.exp(-alpha * dt);
      const eb = Math.exp(-beta * dt);
      u *= ea;
      v *= eb;
      // w tracks the two exponentials separately: keep as (wa, wb) through u-like factors.
      wa *= ea;
      wb *= eb;
      now = to;
    }
  };
  let wa = 0;
  let wb = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    while (k < doses.length && doses[k]!.t <= t) {
      advance(doses[k]!.t);
      const D = doses[k]!.amount;
      u += (D * (alpha - r.k21)) / span;
      v -= (D * (beta - r.k21)) / span;
      wb += (D * r.k12) / span;
      wa -= (D * r.k12) / span;
      k++;
    }
    advance(t);
    central[i] = u + v;
    peripheral[i] = wa + wb;
  }
}

function pkAmountsSlow(
  r: PkRates,
  doses: readonly Administration[],
  times: ArrayLike<number>,
  central: Float64Array,
  peripheral: Float64Array,
  beta: number,
): void {
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    let c = 0;
    let q = 0;
    for (const d of doses) {
      const s = t - d.t;
      if (s < 0) break;
      const eb = Math.exp(-beta * s);
      // Double root: the limit alpha -> beta.
      c += d.amount * eb * (1 - (beta - r.k21) * s);
      q += d.amount * r.k12 * s * eb;
    }
    central[i] = c;
    peripheral[i] = q;
  }
}
