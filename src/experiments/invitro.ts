/**
 * In vitro assays on a cell line: 2D culture with trastuzumab in the medium or HER2 knock-down
 * (ALDEFLUOR+ fraction, HER2 by population), tumorsphere formation from single cells (stochastic SSA of
 * one founder lineage per run) and limiting-dilution transplantation with ELDA.
 */

import { simulateHere } from '../engines/ssa/ensemble.js';
import { compile } from '../model/compile.js';
import { type CellLine, type Her2CscOptions, her2Csc } from '../models/index.js';
import type { Problem } from '../problem/types.js';
import { stream } from '../random/index.js';
import { type DilutionRow, type EldaResult, elda } from './elda.js';
import { type Composition, type Mixture, sortByAldh } from './flow.js';
import { composition, type Lab, lab } from './lab.js';
import { column, paramVector, run } from './sim.js';

/** Treatment of a culture: trastuzumab in the medium (ug/mL) and/or shRNA knock-down efficiency. */
export interface Treatment {
  readonly trastuzumab?: number;
  readonly knockdown?: number;
}

/** Culture: no tumor-burden feedback (Kfb effectively infinite), no Fc-receptor effector cells. */
const CULTURE = { Kfb: 1e18, effectors: 0 } as const;

function treatmentParams(tr: Treatment): Record<string, number> {
  return { ...CULTURE, Cmedium: tr.trastuzumab ?? 0, shHER2: tr.knockdown ?? 0 };
}

export interface CultureResult {
  readonly t: Float64Array;
  readonly aldh: Float64Array;
  readonly csc: Float64Array;
  readonly end: Composition;
  readonly aldhPos: Mixture;
  readonly aldhNeg: Mixture;
}

/** 2D culture for `days` from the untreated balanced composition under a treatment. */
export function culture(
  line: CellLine,
  tr: Treatment,
  days = 7,
  extra: Readonly<Record<string, number>> = {},
): CultureResult {
  const L = lab(line, 'fatpad');
  const p = paramVector(L.problem, { ...extra, ...treatmentParams(tr) });
  const times = Array.from({ length: days + 1 }, (_, i) => i);
  const tr_ = run(L.problem, { p, tEnd: days, times, outputs: ['aldhFraction', 'cscFraction'] });
  const end = composition(L, tr_.yEnd, p, days);
  return {
    t: tr_.t,
    aldh: column(tr_, 'aldhFraction'),
    csc: column(tr_, 'cscFraction'),
    end,
    ...sortByAldh(end),
  };
}

/**
 * Stage composition of a culture at each of `days` (one run to the last day), from the untreated balanced
 * composition under a treatment. ALDEFLUOR+ fractions for any gate follow from it (flow.ts aldhFraction).
 */
export function cultureCompositions(
  line: CellLine,
  tr: Treatment,
  days: readonly number[],
  extra: Readonly<Record<string, number>> = {},
  model: Her2CscOptions = {},
): Composition[] {
  const L = lab(line, 'fatpad', model);
  const p = paramVector(L.problem, { ...extra, ...treatmentParams(tr) });
  const out: Composition[] = [];
  let y = L.problem.initialState(p);
  let t0 = 0;
  for (const d of days) {
    if (d > t0)
      y = Float64Array.from(run(L.problem, { p, y0: y, t0, tEnd: d, times: [d], outputs: [] }).yEnd);
    t0 = d;
    out.push(composition(L, y, p, d));
  }
  return out;
}

export interface SphereOptions {
  readonly days?: number;
  /** Cells a lineage must reach to count as a sphere. */
  readonly threshold?: number;
  /** Runs per founder type. */
  readonly runs?: number;
  readonly seed?: number;
  /** Progenitor death in suspension (anoikis), 1/day. */
  readonly anoikis?: number;
}

export interface SphereResult {
  /** Probability that a founder of each type forms a sphere: S, P1, P2, ... (only stages simulated). */
  readonly perFounder: readonly number[];
  /** Sphere-forming efficiency of single cells drawn from the given composition. */
  readonly efficiency: number;
}

const sphereProblems = new Map<string, Problem>();

/**
 * Sphere-forming probability of a single founder of each type in suspension culture (anoikis kills
 * committed cells, assumed 0.4/day for progenitors and 1/day for differentiated cells), with the treatment
 * in the medium: S, then P1..Pm where Pm is the last stage whose remaining divisions can still reach the
 * threshold (2^(k - i + 1) >= threshold); later stages and differentiated cells cannot form a sphere.
 * Each founder type's lineage is simulated with the exact SSA, founder f seeded (seed * 100 + f).
 */
export async function sphereFounders(
  line: CellLine,
  tr: Treatment,
  o: SphereOptions = {},
  extra: Readonly<Record<string, number>> = {},
): Promise<number[]> {
  let problem = sphereProblems.get(line);
  if (!problem) {
    problem = compile(her2Csc(line, { her2: 'steady', inoculum: 1 }));
    sphereProblems.set(line, problem);
  }
  const p = paramVector(problem, {
    ...extra,
    ...treatmentParams(tr),
    deltaP: o.anoikis ?? 0.4,
    deltaD: 1,
  });
  const days = o.days ?? 10;
  const threshold = o.threshold ?? 20;
  const k = lab(line).divisions;
  const stages = Math.max(0, Math.min(k, k + 1 - Math.ceil(Math.log2(threshold))));
  const founders = ['S', ...Array.from({ length: stages }, (_, i) => `P${i + 1}`)];
  const perFounder: number[] = [];
  for (let f = 0; f < founders.length; f++) {
    const y0 = new Float64Array(problem.n);
    y0[problem.stateIndex.get(founders[f]!)!] = 1;
    const r = simulateHere(problem, {
      runs: o.runs ?? 300,
      seed: (o.seed ?? 1) * 100 + f,
      outputTimes: [0, days],
      p,
      y0,
      outputs: ['N'],
      keepTrajectories: true,
      quantiles: [],
    });
    let hits = 0;
    for (const traj of r.trajectories ?? []) if (traj[1]! >= threshold) hits++;
    perFounder.push(hits / r.runs);
  }
  return perFounder;
}

/** Efficiency of single cells plated from a composition: sum over types of (fraction x P(sphere | type)). */
export function sphereEfficiency(perFounder: readonly number[], plated: Composition): number {
  const total = plated.S + plated.P.reduce((a, b) => a + b, 0) + plated.D;
  let eff = (plated.S / total) * perFounder[0]!;
  for (let i = 1; i < perFounder.length; i++) eff += (plated.P[i - 1]! / total) * perFounder[i]!;
  return eff;
}

/** Tumorsphere assay of cells plated from a composition (sphereFounders, then sphereEfficiency). */
export async function spheres(
  line: CellLine,
  tr: Treatment,
  plated: Composition,
  o: SphereOptions = {},
  extra: Readonly<Record<string, number>> = {},
): Promise<SphereResult> {
  const perFounder = await sphereFounders(line, tr, o, extra);
  return { perFounder, efficiency: sphereEfficiency(perFounder, plated) };
}

export interface LdaResult {
  readonly rows: readonly DilutionRow[];
  readonly elda: EldaResult;
}

/**
 * Limiting-dilution transplantation of cells with CSC fraction `cscFraction` into mice: a mouse receives
 * Binomial(dose, f) CSCs; each founds a lasting lineage with probability 1 - d/b (eventual survival of a
 * supercritical birth-death lineage; Kendall 1948), committed cells cannot (division limit). A tumor forms
 * when at least one lineage survives. Rates b, d are those of CSCs in a small untreated tumor at the site.
 */
export function limitingDilution(
  L: Lab,
  cscFraction: number,
  doses: readonly number[],
  mice: number,
  seed: number,
  extra: Readonly<Record<string, number>> = {},
): LdaResult {
  const p = paramVector(L.problem, extra);
  const y = L.problem.initialState(p);
  const rates = new Float64Array(L.problem.nReactions);
  L.problem.rates(0, y, p, rates);
  const S = y[L.slotS]!;
  const b = rates[L.rxRenew]! / S;
  const d = L.rxLoss.reduce((s, j) => s + rates[j]!, 0) / S;
  const survive = b > d ? 1 - d / b : 0;
  const rng = stream(seed, 0);
  const rows = doses.map((dose) => {
    let responded = 0;
    for (let m = 0; m < mice; m++) {
      const k = rng.binomial(dose, cscFraction);
      if (k > 0 && rng.binomial(k, survive) > 0) responded++;
    }
    return { dose, tested: mice, responded };
  });
  return { rows, elda: elda(rows) };
}
