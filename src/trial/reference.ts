/**
 * The deterministic phase of the fast trial path, computed once per patient instead of an ODE solve per
 * micrometastasis. Without the drug the model's cell reactions are first order in the cell they consume,
 * and their per-capita rates depend on the state only through the burden N (feedback on self-renewal). So
 * a clone started from W pure CSCs at t0 grows in the linear regime (N << Kfb) as W times the clone started
 * from one CSC, and once its progeny are balanced it runs along the same trajectory as any other clone,
 * shifted in time by ln(W) / r (the unstable manifold of the empty state; Kendall 1948 for the random
 * amplitude W). One reference solve from one CSC (RK4 on the reduced cell system, rates from the model's
 * own compiled reactions) gives, for any (W, detection size):
 *   age = a1 + (s*(det) - sLin(det)),
 * a1 the linear-regime age at which W N_ref = det (the transient of the progeny included), s* the age at
 * which the reference reaches det, sLin the same without feedback (the delay burden feedback adds).
 * A test compares it with the ODE phase of the exact path (clone.ts) clone by clone.
 */
import {
  assembler,
  balancedRatio,
  type CellSystem,
  cellSystem,
  propagator,
  rk4Propagator,
} from './cellSystem.js';
import { type RateKernel, rateKernel } from './rateKernel.js';
import { emptyState, type TrialModel } from './rates.js';

/** One patient's reference clone (no drug), and what a detection query needs. */
export interface Reference {
  /** Net per-capita CSC growth rate at N = 0 (per day); detection needs r > 0. */
  readonly r: number;
  /** Step of the reference (days): point i is at age i h. */
  readonly h: number;
  /** ln N at each step. */
  readonly lnN: Float64Array;
  /** Last index of the linear regime (feedback below 1e-4 relative). */
  readonly iLin: number;
  /** ln of N / S in balanced exponential growth without feedback (the linear system's dominant mode). */
  readonly lnG: number;
  /** The reference reached the largest detection size asked for. */
  readonly complete: boolean;
}

/** Ages of the reference beyond which we stop: past any follow-up, or growth has stalled. */
const AGE_CAP = 40 * 365.25;

let scratch = new Float64Array(1024);

/** The linear regime of a patient's cell system (no drug, no feedback): cheap, and enough for a bound. */
export interface LinearGrowth {
  /** Net per-capita CSC growth rate at N = 0 (per day). */
  readonly r: number;
  /** ln of N / S in balanced exponential growth (the dominant mode); a pure-CSC clone never exceeds it. */
  readonly lnG: number;
  /** Per-capita rate of each cell reaction at N ~ 0, and which ones depend on the burden. */
  readonly rho0: Float64Array;
  readonly varying: Int32Array;
  /** Largest per-capita loss rate of a cell species (sets the step). */
  readonly rhoMax: number;
}

/** The cell reactions grouped by reactant (local index x, reactions k), each with its rate kernel. */
interface ReactantGroup {
  readonly x: number;
  readonly k: Int32Array;
  readonly K: RateKernel;
  readonly out: Float64Array;
}

const groups = new WeakMap<CellSystem, ReactantGroup[]>();
function reactantGroups(M: TrialModel, sys: CellSystem): ReactantGroup[] {
  let g = groups.get(sys);
  if (!g) {
    const by = new Map<number, number[]>();
    for (let k = 0; k < sys.rx.length; k++)
      by.set(sys.reactant[k]!, [...(by.get(sys.reactant[k]!) ?? []), k]);
    g = [...by].map(([x, ks]) => ({
      x,
      k: Int32Array.from(ks),
      K: rateKernel(
        M.problem,
        ks.map((k) => sys.rx[k]!),
        [sys.slots[x]!],
      ),
      out: new Float64Array(ks.length),
    }));
    groups.set(sys, g);
  }
  return g;
}

export function linearGrowth(M: TrialModel, p: Float64Array): LinearGrowth {
  const sys = cellSystem(M);
  const y = emptyState(M, p);
  const nr = sys.rx.length;
  const n = sys.slots.length;
  // Per-capita rates at N = 1 and N = 1e12: equal -> constant. One kernel per reactant species.
  const rho0 = new Float64Array(nr);
  const big = new Float64Array(nr);
  for (const g of reactantGroups(M, sys)) {
    const s = sys.slots[g.x]!;
    g.K.prepare(y, p);
    y[s] = 1;
    g.K.evaluate(0, y, p, g.out);
    for (let i = 0; i < g.k.length; i++) rho0[g.k[i]!] = g.out[i]!;
    y[s] = 1e12;
    g.K.evaluate(0, y, p, g.out);
    for (let i = 0; i < g.k.length; i++) big[g.k[i]!] = g.out[i]! / 1e12;
    y[s] = 0;
  }
  const varying: number[] = [];
  for (let k = 0; k < nr; k++) if (Math.abs(big[k]! - rho0[k]!) > 1e-12 * Math.abs(rho0[k]!)) varying.push(k);
  let r = 0;
  const loss = new Float64Array(n);
  for (let k = 0; k < nr; k++) {
    const x = sys.reactant[k]!;
    loss[x]! += rho0[k]!;
    for (let e = sys.rowPtr[k]!; e < sys.rowPtr[k + 1]!; e++)
      if (sys.col[e] === 0) r += sys.val[e]! * rho0[k]!;
  }
  const lnG = r > 0 ? Math.log(balancedRatio(sys, rho0, r)) : 0;
  return { r, lnG, rho0, varying: Int32Array.from(varying), rhoMax: Math.max(...loss) };
}

/** Kernel of the burden-dependent cell reactions, the cell slots moving (the last kept: vary rarely changes). */
let lastKernel: { sys: CellSystem; vary: Int32Array; K: RateKernel } | undefined;
function varyingKernel(M: TrialModel, sys: CellSystem, vary: Int32Array): RateKernel {
  const l = lastKernel;
  if (l && l.sys === sys && l.vary.length === vary.length && l.vary.every((k, i) => k === vary[i]))
    return l.K;
  const K = rateKernel(
    M.problem,
    Array.from(vary, (k) => sys.rx[k]!),
    Array.from(sys.slots),
  );
  lastKernel = { sys, vary, K };
  return K;
}

/**
 * Integrates the reduced cell system from one CSC with the model's rates at parameters p (no drug) until
 * N reaches detMax. Rates that do not depend on the burden are evaluated once.
 */
export function buildReference(
  M: TrialModel,
  p: Float64Array,
  detMax: number,
  lin: LinearGrowth = linearGrowth(M, p),
): Reference {
  const sys = cellSystem(M);
  const pr = M.problem;
  const y = emptyState(M, p);
  const n = sys.slots.length;
  const { r, lnG, rho0, varying: vary, rhoMax } = lin;
  const empty = { r, h: 0, lnN: new Float64Array(1), iLin: 0, lnG: 0, complete: false };
  if (!(r > 0)) return empty;
  const h = Math.min(2.6 / rhoMax, Math.LN2 / r / 6);
  const nv = vary.length;
  const rho = Float64Array.from(rho0);
  const { slots, reactant, rx } = sys;
  // The burden-dependent fluxes in one call, their cell-free part once (rateKernel.ts).
  const K = varyingKernel(M, sys, vary);
  const flux = new Float64Array(nv);
  K.prepare(y, p);
  // When the cell slots are the model's first slots (the trial model), the state vectors are model states
  // that the kernel reads as they are; otherwise x is copied into y first.
  const direct = slots.every((s, i) => s === i);
  const state = (): Float64Array => (direct ? Float64Array.from(y) : new Float64Array(n));
  // The per-capita rates of the burden-dependent reactions at x (probe one cell where the reactant has none).
  const rates = (x: Float64Array): void => {
    if (nv === 0) return;
    const at = direct ? x : y;
    if (!direct) for (let i = 0; i < n; i++) y[slots[i]!] = x[i]!;
    K.evaluate(0, at, p, flux);
    for (let v = 0; v < nv; v++) {
      const k = vary[v]!;
      const xs = x[reactant[k]!]!;
      if (xs > 0) rho[k] = flux[v]! / xs;
      else {
        const s = slots[reactant[k]!]!;
        const old = at[s]!;
        at[s] = 1;
        rho[k] = pr.rate(rx[k]!, 0, at, p);
        at[s] = old;
      }
    }
  };
  // dx = sum over reactions of rho x_reactant times its stoichiometry (the rates of the last rates()).
  const slope = assembler(sys, pr);
  const assemble = (x: Float64Array, dx: Float64Array): void => slope(rho, x, dx);
  const rhs = (x: Float64Array, dx: Float64Array): void => {
    rates(x);
    assemble(x, dx);
  };
  // The RK4 propagator of the linear regime, applied as straight-line code over its band (cellSystem.ts).
  const R = rk4Propagator(sys, rho0, h);
  const propagate = propagator(sys, pr);
  const x = state();
  const tmp = state();
  const k1 = new Float64Array(n);
  const k2 = new Float64Array(n);
  const k3 = new Float64Array(n);
  const k4 = new Float64Array(n);
  x[0] = 1;
  const lnDet = Math.log(detMax);
  const cap = Math.ceil(AGE_CAP / h) + 1;
  // ln N into this thread's scratch (grown on need), copied out at its length: one allocation per patient.
  let lnN = scratch;
  let m = 0;
  let iLin = 0;
  let linear = true;
  let complete = false;
  for (let step = 0; ; step++) {
    let N = 0;
    for (let i = 0; i < n; i++) N += x[i]!;
    if (m === lnN.length) {
      const l2 = new Float64Array(2 * m);
      l2.set(lnN);
      lnN = l2;
      scratch = l2;
    }
    lnN[m] = Math.log(N);
    if (linear) {
      rates(x);
      for (let v = 0; v < nv; v++) {
        const k = vary[v]!;
        if (Math.abs(rho[k]! - rho0[k]!) > 1e-4 * Math.abs(rho0[k]!)) linear = false;
      }
      if (linear) iLin = m;
      // The slope only for the RK4 step that follows the linear regime.
      else assemble(x, k1);
    } else rhs(x, k1);
    m++;
    if (lnN[m - 1]! >= lnDet) {
      complete = true;
      break;
    }
    if (step >= cap || (m > 2 && lnN[m - 1]! <= lnN[m - 2]!)) break;
    if (linear) {
      // Rates frozen at their N = 0 values (within 1e-4): the RK4 step is the matrix R x (one product).
      propagate(R, x);
      continue;
    }
    for (let i = 0; i < n; i++) tmp[i] = x[i]! + 0.5 * h * k1[i]!;
    rhs(tmp, k2);
    for (let i = 0; i < n; i++) tmp[i] = x[i]! + 0.5 * h * k2[i]!;
    rhs(tmp, k3);
    for (let i = 0; i < n; i++) tmp[i] = x[i]! + h * k3[i]!;
    rhs(tmp, k4);
    for (let i = 0; i < n; i++) x[i]! += (h / 6) * (k1[i]! + 2 * k2[i]! + 2 * k3[i]! + k4[i]!);
  }
  return { r, h, lnN: lnN.slice(0, m), iLin, lnG, complete };
}

/** Age at which lnN[0..last] (increasing) reaches v, linear between points; NaN beyond the last point. */
function ageAt(ref: Reference, v: number, last: number): number {
  const { h, lnN } = ref;
  if (v <= lnN[0]!) return 0;
  if (v > lnN[last]!) return Number.NaN;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lnN[mid]! < v) lo = mid;
    else hi = mid;
  }
  const f = (v - lnN[lo]!) / (lnN[hi]! - lnN[lo]!);
  // Ages are i h (as the reference computed them), not stored.
  return lo * h + f * (hi * h - lo * h);
}

/**
 * Days from a clone of W pure CSCs (no progeny, no drug) until it reaches `det` tumor cells; Infinity if
 * it never does (no growth, or growth stalls below det).
 */
export function detectionAge(ref: Reference, lnW: number, lnDet: number): number {
  if (!(ref.r > 0)) return Number.POSITIVE_INFINITY;
  const { lnN, iLin, r, lnG } = ref;
  const last = lnN.length - 1;
  const target = lnDet - lnW;
  // Linear regime: the transient of the progeny from the reference itself, then balanced growth.
  const a1 = target <= lnN[iLin]! ? ageAt(ref, target, iLin) : (target - lnG) / r;
  if (lnDet <= lnN[iLin]!) return a1;
  const s = ageAt(ref, lnDet, last);
  if (Number.isNaN(s)) return Number.POSITIVE_INFINITY;
  // The delay burden feedback adds on the way to det, against balanced growth without feedback, less the
  // delay the reference took on below the size at which the clone joins it (W balanced cells).
  const join = lnW + lnG;
  const before = join > lnN[iLin]! ? ageAt(ref, join, last) - (join - lnG) / r : 0;
  return a1 + (s - (lnDet - lnG) / r) - (Number.isNaN(before) ? 0 : before);
}
