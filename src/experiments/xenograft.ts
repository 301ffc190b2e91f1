/**
 * Xenograft growth studies: arms of replicate mice (control, trastuzumab from a given day), tumor volume
 * by caliper-free exact readout, CSC and progenitor counts, CSC extinction.
 *
 * Method (hybrid, per mouse): time is cut into intervals of `dt` days. Over each interval the whole model
 * (PK, HER2, hierarchy) is integrated as an ODE; the CSC count is then replaced by an exact draw from the
 * linear birth-death law of the interval (kendall.ts) with per-capita renewal and loss rates averaged over
 * the interval's ends. So the CSC pool is stochastic - it can go extinct while small, as in Riley et al.,
 * PLoS One 2012 - and progenitors, differentiated cells and the drug follow their means given that pool.
 * Once the pool exceeds `deterministicAbove` cells the draws are skipped (fluctuations of relative size
 * 1/sqrt(S) are negligible and extinction is then practically impossible within a study).
 * Between-mouse variability: lognormal factors on chosen parameters, drawn from stream(seed, mouse index).
 */

import { type CellLine, type RegimenId, regimens, type Site, scheduleDose } from '../models/index.js';
import { type Rng, stream } from '../random/index.js';
import { type Lab, lab } from './lab.js';
import { HybridMouse } from './mouse.js';
import { type Administration, administrations, paramVector } from './sim.js';

export interface Arm {
  readonly name: string;
  /** No regimen: control. */
  readonly regimen?: RegimenId;
  /** Day of the first dose (a multiple of dt). */
  readonly startDay?: number;
}

export interface XenograftOptions {
  readonly line: CellLine;
  readonly site?: Site;
  readonly arms: readonly Arm[];
  readonly mice?: number;
  readonly seed?: number;
  readonly tEnd: number;
  readonly dt?: number;
  /** Parameter values for every mouse (before variability). */
  readonly params?: Readonly<Record<string, number>>;
  /** Log-scale standard deviation of between-mouse factors. */
  readonly variability?: Readonly<Record<string, number>>;
  readonly deterministicAbove?: number;
  /** Volume (mm3) at the end for a tumor to count as formed. */
  readonly detectVolume?: number;
}

export interface ArmResult {
  readonly name: string;
  readonly startDay: number | null;
  readonly t: Float64Array;
  /** Per mouse, volume (mm3) at each time. */
  readonly volume: readonly Float64Array[];
  readonly csc: readonly Float64Array[];
  readonly progenitors: readonly Float64Array[];
  /** Fraction of mice whose CSC pool is extinct at each time. */
  readonly extinct: Float64Array;
  readonly formed: number;
}

export const DEFAULT_VARIABILITY: Readonly<Record<string, number>> = {
  inoculum: 0.3,
  lambdaS: 0.05,
  lambdaP: 0.05,
  deltaD: 0.1,
};

export function xenograft(o: XenograftOptions): ArmResult[] {
  const L = lab(o.line, o.site ?? 'fatpad');
  const dt = o.dt ?? 0.5;
  const nT = Math.round(o.tEnd / dt);
  const t = Float64Array.from({ length: nT + 1 }, (_, i) => i * dt);
  const base = paramVector(L.problem, o.params ?? {});
  const mice = o.mice ?? 8;
  return o.arms.map((arm, a) => {
    const doses = armDoses(arm, o.tEnd);
    const volume: Float64Array[] = [];
    const csc: Float64Array[] = [];
    const prog: Float64Array[] = [];
    const extinct = new Float64Array(nT + 1);
    let formed = 0;
    for (let m = 0; m < mice; m++) {
      const rng = stream(o.seed ?? 1, a * 10000 + m);
      const p = mouseParams(L, base, o.variability ?? DEFAULT_VARIABILITY, rng);
      const r = mouse(L, p, doses, t, dt, rng, o.deterministicAbove ?? 1e5);
      volume.push(r.volume);
      csc.push(r.csc);
      prog.push(r.prog);
      for (let i = 0; i <= nT; i++) if (r.csc[i] === 0) extinct[i]! += 1 / mice;
      if (r.volume[nT]! >= (o.detectVolume ?? 50)) formed++;
    }
    return {
      name: arm.name,
      startDay: arm.regimen ? (arm.startDay ?? 0) : null,
      t,
      volume,
      csc,
      progenitors: prog,
      extinct,
      formed,
    };
  });
}

export function armDoses(arm: Arm, tEnd: number): Administration[] {
  if (!arm.regimen) return [];
  const start = arm.startDay ?? 0;
  const count = Math.floor((tEnd - start) / regimens[arm.regimen].every) + 1;
  return administrations([scheduleDose({ regimen: arm.regimen, start, count })]);
}

export function mouseParams(
  L: Lab,
  base: Float64Array,
  sd: Readonly<Record<string, number>>,
  rng: Rng,
): Float64Array {
  const p = Float64Array.from(base);
  for (const [id, s] of Object.entries(sd)) {
    const i = L.problem.paramIndex.get(id);
    if (i !== undefined && s > 0) p[i] = p[i]! * Math.exp(s * rng.normal());
  }
  return p;
}

function mouse(
  L: Lab,
  p: Float64Array,
  doses: readonly Administration[],
  t: Float64Array,
  dt: number,
  rng: Rng,
  detAbove: number,
): { volume: Float64Array; csc: Float64Array; prog: Float64Array } {
  const n = t.length;
  const volume = new Float64Array(n);
  const csc = new Float64Array(n);
  const prog = new Float64Array(n);
  const m = new HybridMouse(L, p, doses, rng, detAbove);
  const record = (i: number): void => {
    volume[i] = m.volume;
    csc[i] = m.csc;
    prog[i] = m.progenitors;
  };
  record(0);
  for (let i = 0; i + 1 < n; i++) {
    m.step(dt);
    record(i + 1);
  }
  return { volume, csc, prog };
}
