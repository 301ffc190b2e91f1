/**
 * Starting step size: Hairer, Norsett & Wanner, Solving ODEs I, Sec. II.4 ("Starting Step Size",
 * HINIT in dopri5.f). Makes an explicit Euler step of size h0 = 0.01 ||y0|| / ||f0|| and bounds the
 * step so that a local error of order h^`order` stays near 0.01 (in the weighted norm): 5 for the
 * embedded pairs of DOPRI5 and Rodas5P, 2 for BDF's order-1 start.
 * Costs one rhs evaluation; `f0` must hold f(t, y).
 * Near a steady state ||f|| is tiny, h = 0.01 ||y|| / ||f|| huge, and the Euler probe at t + h can land after an
 * input driven by time alone has come and gone (Fiedler_BMCSystBiol2016: k10 - k11 exp(-t/tau2) (exp(-t/tau1) - 1),
 * tau 0.02-0.25, stepped over to t = 60 with a 92% error): the step is also bounded by ctx.firstStepLimit.
 */
import type { StepContext } from './stepper.js';

export function initialStep(
  ctx: StepContext,
  t: number,
  y: Float64Array,
  f0: Float64Array,
  order: number,
  hMax: number,
  y1: Float64Array,
  f1: Float64Array,
): number {
  const { n, atol, rtol, problem, p } = ctx;
  const hCap = ctx.firstStepLimit ? Math.min(hMax, ctx.firstStepLimit(t)) : hMax;
  let dnf = 0;
  let dny = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y[i]);
    dnf += (f0[i] / sk) ** 2;
    dny += (y[i] / sk) ** 2;
  }
  dnf = Math.sqrt(dnf / n);
  dny = Math.sqrt(dny / n);
  let h = dnf <= 1e-10 || dny <= 1e-10 ? 1e-6 : 0.01 * (dny / dnf);
  h = Math.min(h, hCap);
  for (let i = 0; i < n; i++) y1[i] = y[i] + h * f0[i];
  problem.rhs(t + h, y1, p, f1);
  ctx.stats.rhsEvals++;
  let der2 = 0;
  for (let i = 0; i < n; i++) {
    const sk = atol[i] + rtol * Math.abs(y[i]);
    der2 += ((f1[i] - f0[i]) / sk) ** 2;
  }
  der2 = Math.sqrt(der2 / n) / h;
  const der12 = Math.max(Math.abs(der2), dnf);
  const h1 = der12 <= 1e-15 ? Math.max(1e-6, h * 1e-3) : (0.01 / der12) ** (1 / order);
  const hNew = Math.min(100 * h, h1, hCap);
  // A NaN here means f is not finite at the start: let the first step fail and report it.
  return Number.isFinite(hNew) && hNew > 0 ? hNew : Math.min(1e-6, hCap);
}
