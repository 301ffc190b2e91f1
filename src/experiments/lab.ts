/**
 * A "lab" is a compiled HER2-CSC model for one cell line and site (without doses), with the slots the
 * assays read. Compiled once and cached: every protocol, schedule and parameter set reuses it.
 */

import { compile } from '../model/compile.js';
import { type CellLine, type Her2CscOptions, her2Csc, type Site } from '../models/index.js';
import type { Problem } from '../problem/types.js';
import type { Composition } from './flow.js';
import { stateSlot } from './sim.js';

export interface Lab {
  readonly line: CellLine;
  readonly site: Site;
  readonly problem: Problem;
  readonly divisions: number;
  readonly aldhStages: number;
  /** State slots of S, P1..Pk, D. */
  readonly slotS: number;
  readonly slotP: Int32Array;
  readonly slotD: number;
  /** Reaction indices changing the CSC count. */
  readonly rxRenew: number;
  readonly rxLoss: readonly number[];
  /** Observer of HER2_S, HER2_N (built once). */
  readonly her2Observer: (t: number, y: Float64Array, p: Float64Array, out: Float64Array) => void;
  /** Observer of the ALDH+ probabilities aldhS, aldhP1..aldhPk, aldhD (option aldh: 'signalling'). */
  readonly aldhObserver?: (t: number, y: Float64Array, p: Float64Array, out: Float64Array) => void;
}

const cache = new Map<string, Lab>();

export function lab(line: CellLine, site: Site = 'fatpad', options: Her2CscOptions = {}): Lab {
  const key = JSON.stringify([line, site, options]);
  const hit = cache.get(key);
  if (hit) return hit;
  const divisions = options.divisions ?? 10;
  const aldhStages = Math.min(options.aldhStages ?? 6, divisions);
  const problem = compile(her2Csc(line, { ...options, site, schedules: [] }));
  const rx = (id: string): number => {
    const j = problem.reactionIds.indexOf(id);
    if (j < 0) throw new Error(`reaction '${id}' missing`);
    return j;
  };
  const l: Lab = {
    line,
    site,
    problem,
    divisions,
    aldhStages,
    slotS: stateSlot(problem, 'S'),
    slotP: Int32Array.from({ length: divisions }, (_, i) => stateSlot(problem, `P${i + 1}`)),
    slotD: stateSlot(problem, 'D'),
    rxRenew: rx('S_renew'),
    rxLoss: [rx('S_symdiff'), rx('S_death'), rx('S_adcc')],
    her2Observer: problem.observe(['HER2_S', 'HER2_N']),
    ...(options.aldh === 'signalling'
      ? {
          aldhObserver: problem.observe([
            'aldhS',
            ...Array.from({ length: divisions }, (_, i) => `aldhP${i + 1}`),
            'aldhD',
          ]),
        }
      : {}),
  };
  cache.set(key, l);
  return l;
}

export function paramValue(l: Lab, p: Float64Array, id: string): number {
  const i = l.problem.paramIndex.get(id);
  if (i === undefined) throw new Error(`unknown parameter '${id}'`);
  return p[i]!;
}

/** Progenitors summed over stages. */
export function progenitors(l: Lab, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < l.slotP.length; i++) s += y[l.slotP[i]!]!;
  return s;
}

/** Stage composition and HER2 levels at a state, for the flow and IHC readouts. */
export function composition(l: Lab, y: Float64Array, p: Float64Array, t = 0): Composition {
  const out = new Float64Array(2);
  l.her2Observer(t, y, p, out);
  let aldhProb: number[] | undefined;
  if (l.aldhObserver) {
    const q = new Float64Array(l.slotP.length + 2);
    l.aldhObserver(t, y, p, q);
    aldhProb = Array.from(q);
  }
  return {
    S: y[l.slotS]!,
    P: Array.from(l.slotP, (s) => y[s]!),
    D: y[l.slotD]!,
    her2S: out[0]!,
    her2N: out[1]!,
    theta: paramValue(l, p, 'theta'),
    aldhStages: l.aldhStages,
    ...(aldhProb ? { aldhProb } : {}),
  };
}

/** Per-capita CSC birth (renewal) and loss (symmetric differentiation, death, antibody-dependent kill) rates. */
export function cscRates(l: Lab, t: number, y: Float64Array, p: Float64Array): [number, number] {
  const S = y[l.slotS]!;
  const saved = S;
  // Rates are linear in S: evaluate at S = 1 when the pool is empty.
  if (S <= 0) y[l.slotS] = 1;
  const s = y[l.slotS]!;
  const b = l.problem.rate(l.rxRenew, t, y, p) / s;
  let d = 0;
  for (const j of l.rxLoss) d += l.problem.rate(j, t, y, p) / s;
  y[l.slotS] = saved;
  return [b, d];
}
