/**
 * The exact gradient of one experiment's log-likelihood by the estimated parameters (linear values), as
 * AMICI computes it with forward sensitivities (Froehlich et al. 2017): every model parameter slot is either
 * constant or reads one table parameter (the base vector, then the condition's overrides, then a
 * measurement's placeholders), so each estimated parameter k is a direction that moves a group of slots
 * together. The state sensitivities along those directions come from solveDirectional (simulation),
 * steadySensitivities (preequilibration, `inf` times) and the condition's state overrides after a
 * preequilibration (value x compartment size, product rule); measurementGradient.ts adds the observable,
 * noise formula and noise model.
 */
import { initialSensitivities, solveDirectional } from '../engines/sensitivity.js';
import { steadyState } from '../engines/steady.js';
import { steadySensitivities } from '../engines/steadySensitivity.js';
import { SolverError } from '../errors.js';
import type { CompiledProblem } from '../model/compile.js';
import { applyParams, type LoweredCondition, NO_SIZE, resolveSource } from './conditions.js';
import type { Experiment } from './experiments.js';
import { logLikelihood } from './likelihood.js';
import { noiseDerivatives, observerDerivatives } from './measurementGradient.js';
import { type SimulationOptions, wrap } from './simulate.js';

/** How the table parameters map to estimated coordinates: rowToK[row] = k, or -1 for a fixed parameter. */
export interface GradientContext {
  readonly rowToK: Int32Array;
  readonly options: SimulationOptions;
}

/** srcOf[slot] = estimated k the slot reads after applying condition c onto the base map (-1: constant). */
function sources(c: LoweredCondition, baseSrc: Int32Array, rowToK: Int32Array): Int32Array {
  const s = Int32Array.from(baseSrc);
  for (const { slot, value } of c.params) {
    if (value.par >= 0) s[slot] = rowToK[value.par]!;
    else if (!Number.isNaN(value.num)) s[slot] = -1;
  }
  for (const { valueSlot, flagSlot, value } of c.inits) {
    s[valueSlot] = value.par >= 0 ? rowToK[value.par]! : -1;
    s[flagSlot] = -1;
  }
  return s;
}

function groupsOf(src: Int32Array, ks: readonly number[]): Int32Array[] {
  return ks.map((k) => {
    const g: number[] = [];
    for (let i = 0; i < src.length; i++) if (src[i] === k) g.push(i);
    return Int32Array.from(g);
  });
}

/**
 * Adds d llh / d v_k of experiment e into g (length: number of estimated parameters) and returns its llh.
 * p slots read from v through baseSrc (base vector) and the conditions.
 */
export function experimentGradient(
  problem: CompiledProblem,
  e: Experiment,
  base: Float64Array,
  baseSrc: Int32Array,
  v: Float64Array,
  ctx: GradientContext,
  g: Float64Array,
): number {
  const { rowToK, options } = ctx;
  const rtol = options.rtol ?? 1e-8;
  const atol = options.atol ?? 1e-12;
  const n = problem.n;
  const t0 = problem.t0;
  const p = Float64Array.from(base);
  applyParams(e.sim, p, v);
  const srcSim = sources(e.sim, baseSrc, rowToK);
  const srcPre = e.preeq !== undefined ? sources(e.preeq, baseSrc, rowToK) : null;
  // Directions of the ODE: estimated parameters that some slot of either condition, or a state override, reads.
  const kset = new Set<number>();
  for (const k of srcSim) if (k >= 0) kset.add(k);
  if (srcPre !== null) {
    for (const k of srcPre) if (k >= 0) kset.add(k);
    for (const o of e.sim.states)
      if (o.value.par >= 0 && rowToK[o.value.par]! >= 0) kset.add(rowToK[o.value.par]!);
  }
  const ks = [...kset].sort((a, b) => a - b);
  const nd = ks.length;
  const groupsSim = groupsOf(srcSim, ks);
  let y: Float64Array;
  let s: Float64Array;
  if (e.preeq !== undefined && srcPre !== null) {
    const pp = Float64Array.from(base);
    applyParams(e.preeq, pp, v);
    const groupsPre = groupsOf(srcPre, ks);
    const y0 = problem.initialState(pp);
    const s0 = initialSensitivities(problem, pp, groupsPre);
    const ss = wrap(e, 'preequilibration', () => steadyState(problem, y0, pp, t0, { rtol, atol }).y);
    const r = wrap(e, 'preequilibration sensitivities', () =>
      steadySensitivities(problem, ss, y0, s0, pp, t0, groupsPre, { rtol, atol }),
    );
    y = r.y;
    s = r.s;
    overrideStates(e.sim, y, s, p, v, srcSim, ks, rowToK);
  } else {
    y = problem.initialState(p);
    s = initialSensitivities(problem, p, groupsSim);
  }
  const nt = e.times.length;
  let states: Float64Array;
  let sens: Float64Array;
  let yEnd = y;
  let sEnd = s;
  let tEnd = t0;
  if (nt > 0 && e.times[nt - 1]! > t0) {
    tEnd = e.times[nt - 1]!;
    const h0 = 1e-6 * (tEnd - t0); // as simulate.ts
    const r = wrap(e, 'simulation with sensitivities', () =>
      solveDirectional(problem, {
        t0,
        tEnd,
        h0,
        y0: y,
        s0: s,
        p,
        rtol,
        atol,
        method: options.method ?? 'auto',
        outputTimes: e.times,
        groups: groupsSim,
      }),
    );
    states = r.solution.y;
    sens = r.sens;
    yEnd = r.solution.yEnd;
    sEnd = r.sEnd;
  } else {
    states = new Float64Array(nt * n);
    sens = new Float64Array(nt * n * nd);
    for (let k = 0; k < nt; k++) {
      states.set(y, k * n);
      sens.set(s, k * n * nd);
    }
  }
  let yss: Float64Array | null = null;
  let sss: Float64Array | null = null;
  if (e.steadyState) {
    const ss = wrap(e, 'steady state', () => steadyState(problem, yEnd, p, tEnd, { rtol, atol }).y);
    const r = wrap(e, 'steady-state sensitivities', () =>
      steadySensitivities(problem, ss, yEnd, sEnd, p, tEnd, groupsSim, { rtol, atol }),
    );
    yss = r.y;
    sss = r.s;
  }
  return addMeasurements(problem, e, p, v, srcSim, ks, rowToK, states, sens, yss, sss, tEnd, g);
}

/** State values set after a preequilibration, with their sensitivities (x * size, product rule). */
function overrideStates(
  c: LoweredCondition,
  y: Float64Array,
  s: Float64Array,
  p: Float64Array,
  v: Float64Array,
  src: Int32Array,
  ks: readonly number[],
  rowToK: Int32Array,
): void {
  const n = y.length;
  for (const { slot, value, size } of c.states) {
    const x = resolveSource(value, v);
    if (Number.isNaN(x)) continue;
    const sz = size === NO_SIZE ? 1 : size >= 0 ? p[size]! : y[-1 - size]!;
    const kx = value.par >= 0 ? rowToK[value.par]! : -1;
    ks.forEach((k, d) => {
      const dsz = size === NO_SIZE ? 0 : size >= 0 ? (src[size] === k ? 1 : 0) : s[d * n + (-1 - size)]!;
      s[d * n + slot] = (kx === k ? sz : 0) + x * dsz;
    });
    y[slot] = x * sz;
  }
}

/** The measurements' llh, and their gradient terms through the states and the formulas' parameters. */
function addMeasurements(
  problem: CompiledProblem,
  e: Experiment,
  p: Float64Array,
  v: Float64Array,
  srcSim: Int32Array,
  ks: readonly number[],
  rowToK: Int32Array,
  states: Float64Array,
  sens: Float64Array,
  yss: Float64Array | null,
  sss: Float64Array | null,
  tEnd: number,
  g: Float64Array,
): number {
  const n = problem.n;
  const nd = ks.length;
  const pm = Float64Array.from(p);
  const src = Int32Array.from(srcSim);
  const out = new Float64Array(2);
  const dn = new Float64Array(2);
  const dz = new Float64Array(2 * n);
  let llh = 0;
  for (const lm of e.measurements) {
    for (let k = 0; k < lm.slots.length; k++) {
      const sv = lm.values[k]!;
      pm[lm.slots[k]!] = resolveSource(sv, v);
      src[lm.slots[k]!] = sv.par >= 0 ? rowToK[sv.par]! : -1;
    }
    if (Number.isNaN(lm.m)) continue;
    const steady = lm.timeIndex < 0;
    const t = steady ? tEnd : e.times[lm.timeIndex]!;
    const z = steady ? Float64Array.from(yss!) : states.slice(lm.timeIndex * n, (lm.timeIndex + 1) * n);
    const sz = steady ? sss! : sens.subarray(lm.timeIndex * n * nd, (lm.timeIndex + 1) * n * nd);
    lm.observer(t, z, pm, out);
    const term = logLikelihood(lm.m, out[0]!, out[1]!, lm.transformation, lm.distribution);
    if (!Number.isFinite(term))
      throw new SolverError(
        `condition '${e.sim.id}': measurement row ${lm.row + 1}: observable ${out[0]}, noise sd ${out[1]}: no finite llh`,
        t,
      );
    llh += term;
    noiseDerivatives(lm.m, out[0]!, out[1]!, lm.transformation, lm.distribution, dn);
    const mks = [...new Set(src.filter((k) => k >= 0))];
    const dp = new Float64Array(2 * mks.length);
    observerDerivatives(lm.observer, t, z, pm, groupsOf(src, mks), dz, dp);
    mks.forEach((k, q) => {
      g[k] += dn[0]! * dp[2 * q]! + dn[1]! * dp[2 * q + 1]!;
    });
    ks.forEach((k, d) => {
      let dy = 0;
      let ds = 0;
      for (let j = 0; j < n; j++) {
        const sj = sz[d * n + j]!;
        dy += dz[2 * j]! * sj;
        ds += dz[2 * j + 1]! * sj;
      }
      g[k] += dn[0]! * dy + dn[1]! * ds;
    });
  }
  return llh;
}
