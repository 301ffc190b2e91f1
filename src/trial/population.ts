/**
 * The virtual B-47 population: patient i is drawn from stream(seed, i) alone, so a patient is the same
 * whatever the trial size, worker count or order of drawing. Draws that do not depend on the scenario come
 * first and consume a fixed number of uniforms (inversion), so two scenarios share their patients as far as
 * possible (common random numbers across the scan); the binomial draws, whose consumption varies, come last.
 */
import { hierarchyParams, humanPkParams, specOf } from '../models/parameters.js';
import { stream } from '../random/rng.js';
import { normalQuantile } from '../random/special.js';
import { type Distribution, populationSpecs, type TrialScenario } from './assumptions.js';
import type { Her2Stratum } from './design.js';

export type ArmId = 'control' | 'trastuzumab';
export const ARMS: readonly ArmId[] = ['control', 'trastuzumab'];

/** One micrometastasis left after surgery (before and after the chemotherapy kill). */
export interface Micromet {
  /** Cells at surgery. */
  readonly cells: number;
  /** CSCs at surgery. */
  readonly cscAtSurgery: number;
  /** CSCs after chemotherapy (dormant CSCs are spared). */
  readonly csc: number;
  readonly dormant: boolean;
  /** Day its dormancy ends (0 when not dormant). */
  readonly escapeDay: number;
  /** Tumor cells at which it is detected. */
  readonly detectCells: number;
}

export interface Patient {
  readonly index: number;
  /** Randomised arm (1:1, from the patient's stream). */
  readonly arm: ArmId;
  /** HER2 stratum of the design (design.ts) and its IHC score. */
  readonly stratum: string;
  readonly ihc: number;
  readonly her2Base: number;
  /** Untreated doubling time of the CSC pool (days): sets the cell kinetics (patient.ts). */
  readonly doublingDays: number;
  /** Model parameter values of this patient (before the kinetics scaling). */
  readonly params: Readonly<Record<string, number>>;
  /** Uniform that fixes the number of micrometastases for any Poisson mean (countFor). */
  readonly countU: number;
  /** The potential micrometastases; the first countFor(countU, mean, cap) exist. */
  readonly micromets: readonly Micromet[];
  /** Largest detection size of all potential micrometastases, drawn or skipped (-Infinity if none). */
  readonly detectMax: number;
  /** Day of entry after the start of accrual. */
  readonly entryDay: number;
  /** Day of a non-recurrence invasive DFS event (second cancer, death) after randomisation. */
  readonly backgroundDay: number;
}

export const DAYS_PER_YEAR = 365.25;

/** A draw from a distribution by inversion of one uniform. */
export function quantileOf(dist: Distribution, u: number): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value;
    case 'lognormal':
      return dist.median * Math.exp(dist.sdLog * normalQuantile(u));
    case 'logUniform':
      return dist.lo * (dist.hi / dist.lo) ** u;
    case 'bernoulli':
      return u < dist.p ? 1 : 0;
  }
}

/** Number of micrometastases: min(Poisson(mean), cap) by inversion of u. */
export function countFor(u: number, mean: number, cap: number): number {
  let f = Math.exp(-mean);
  let cdf = f;
  let k = 0;
  while (u > cdf && k < cap) {
    k++;
    f *= mean / k;
    cdf += f;
  }
  return k;
}

/** P(count = k) for k = 0..cap under min(Poisson(mean), cap). */
export function countProbabilities(mean: number, cap: number): Float64Array {
  const out = new Float64Array(cap + 1);
  let f = Math.exp(-mean);
  let cdf = 0;
  for (let k = 0; k < cap; k++) {
    out[k] = f;
    cdf += f;
    f *= mean / (k + 1);
  }
  out[cap] = Math.max(0, 1 - cdf);
  return out;
}

const value = (id: string, list = hierarchyParams): number => specOf(list, id).value;

/** Uniforms one potential micrometastasis consumes before the binomial draws (the five draws below). */
const RAW_UNIFORMS = 5;
const PS_MAX = value('ps0') + value('psHER2');
const CL = specOf(humanPkParams, 'CL').value;
const V1 = specOf(humanPkParams, 'V1').value;

/** B-47's HER2-low strata when no design is given (population specs: IHC 2+ with probability ihc2). */
const DEFAULT_STRATA: readonly Her2Stratum[] = [
  {
    id: 'ihc1',
    label: 'IHC 1+',
    share: 1 - (populationSpecs.ihc2.dist as { p: number }).p,
    ihc: 1,
    amplified: false,
    her2Base: populationSpecs.her2Ihc1.dist,
    source: populationSpecs.her2Ihc1.source,
  },
  {
    id: 'ihc2',
    label: 'IHC 2+',
    share: (populationSpecs.ihc2.dist as { p: number }).p,
    ihc: 2,
    amplified: false,
    her2Base: populationSpecs.her2Ihc2.dist,
    source: populationSpecs.her2Ihc2.source,
  },
];

/** The stratum a uniform falls in (cumulative shares; the last one takes rounding). */
function stratumAt(strata: readonly Her2Stratum[], u: number): Her2Stratum {
  let c = 0;
  for (const s of strata) {
    c += s.share;
    if (u < c) return s;
  }
  return strata[strata.length - 1]!;
}

/**
 * Patient `index` of the trial seeded with `seed` under a scenario, from the design's HER2 strata. With a
 * Poisson `micrometMean`, only the micrometastases that exist (countFor) are drawn: the draws of the others
 * are skipped over (each consumes a fixed number of uniforms before any binomial), so the ones kept are
 * bit-identical to those of the full draw.
 */
export function drawPatient(
  seed: number,
  index: number,
  sc: TrialScenario,
  strata: readonly Her2Stratum[] = DEFAULT_STRATA,
  micrometMean?: number,
): Patient {
  const rng = stream(seed, index);
  const u = (): number => rng.uniform();
  const q = (spec: { readonly dist: Distribution }): number => quantileOf(spec.dist, u());
  const P = populationSpecs;
  const arm: ArmId = u() < 0.5 ? 'control' : 'trastuzumab';
  // IHC 2+ first in the default strata keeps the draws of earlier versions (u < p(IHC 2+)).
  const stratumU = u();
  const st =
    strata === DEFAULT_STRATA
      ? stratumU < DEFAULT_STRATA[1]!.share
        ? DEFAULT_STRATA[1]!
        : DEFAULT_STRATA[0]!
      : stratumAt(strata, stratumU);
  const her2U = u();
  const her2Base = quantileOf(st.her2Base, her2U);
  const clFactor = q(P.clFactor);
  const v1Factor = q(P.v1Factor);
  const doublingDays = q(P.doublingDays);
  const ps0Factor = q(P.ps0Factor);
  const psHer2Factor = q(P.psHer2Factor);
  const countU = u();
  const entryDay = u() * sc.accrualYears * DAYS_PER_YEAR;
  const backgroundDay = (-Math.log(u()) / sc.backgroundPerYear) * DAYS_PER_YEAR;
  const escapeRate = Math.LN2 / (sc.escapeHalfLifeYears * DAYS_PER_YEAR);
  const cap = Math.round(sc.maxMicromets);
  const kept = micrometMean === undefined ? cap : countFor(countU, micrometMean, cap);
  const raw = Array.from({ length: kept }, () => ({
    cells: q(P.microCells),
    cscFraction: q(P.cscFraction),
    dormant: u() < sc.dormantFraction,
    escapeDay: -Math.log(u()) / escapeRate,
    detectCells: q(P.detectCells),
  }));
  // The skipped ones: their uniforms, and their detection sizes (the reference's reach, patient.ts).
  let detectMax = raw.reduce((m, r) => Math.max(m, r.detectCells), Number.NEGATIVE_INFINITY);
  for (let k = kept; k < cap; k++) {
    for (let j = 1; j < RAW_UNIFORMS; j++) u();
    detectMax = Math.max(detectMax, q(P.detectCells));
  }
  const psMax = PS_MAX;
  const params: Record<string, number> = {
    ...st.modelParams,
    her2Base,
    CL: CL * clFactor,
    V1: V1 * v1Factor,
    ps0: (1 - sc.her2Share) * psMax * ps0Factor,
    psHER2: sc.her2Share * psMax * psHer2Factor,
    effectors: sc.effectors,
    Kfb: sc.kfb,
  };
  // Variable-consumption draws last: CSC content, then the chemotherapy kill of cycling CSCs.
  const survive = 10 ** -sc.chemoLogKill;
  const micromets = raw.map((m): Micromet => {
    const cells = Math.round(m.cells);
    const cscAtSurgery = Math.max(1, rng.binomial(cells, m.cscFraction));
    const afterChemo = rng.binomial(cscAtSurgery, survive);
    return {
      cells,
      cscAtSurgery,
      csc: m.dormant ? cscAtSurgery : afterChemo,
      dormant: m.dormant,
      escapeDay: m.dormant ? m.escapeDay : 0,
      detectCells: m.detectCells,
    };
  });
  return {
    index,
    arm,
    stratum: st.id,
    ihc: st.ihc,
    her2Base,
    doublingDays,
    params,
    countU,
    micromets,
    detectMax,
    entryDay,
    backgroundDay,
  };
}

/** Day of the analysis after the start of accrual so that the median potential follow-up is as given. */
export function analysisDay(sc: TrialScenario): number {
  // Entry uniform on [0, A]: potential follow-up F + A - entry is uniform on [F, F + A], median F + A/2.
  const A = sc.accrualYears * DAYS_PER_YEAR;
  const median = (sc.medianFollowUpMonths / 12) * DAYS_PER_YEAR;
  return Math.max(A, median + A / 2);
}

/** Administrative censoring day of a patient (after randomisation). */
export function censorDay(p: Patient, sc: TrialScenario): number {
  return analysisDay(sc) - p.entryDay;
}
