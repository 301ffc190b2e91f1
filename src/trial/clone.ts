/**
 * One micrometastasis of one patient under one arm, from surgery to detection, extinction or the end of
 * follow-up. Two phases on the same model (rates.ts):
 * 1. Stochastic, while extinction can still happen: the CSC pool moves by exact birth-death transitions
 *    (birthDeath.ts) over the grid of the patient's rate table (each step O(1) whatever the pool size); a
 *    dormant micrometastasis does not divide until its escape day, and its CSCs only die by Fc-receptor
 *    killing (binomial thinning with the integrated kill rate).
 * 2. Deterministic, once the pool is at least `switchAt` CSCs and its ultimate extinction probability
 *    xi(t)^S is below `extinctionTolerance`: the whole model (hierarchy, PK, burden feedback) is integrated
 *    by the ODE engine from S CSCs and no progeny, until the tumor reaches its detection size.
 * Progeny made before the switch are not carried over: they are at most ~switchAt / S(detection) of the
 * cells at detection (~1% for 1e3 against ~1e5 CSCs), and a test checks the switch does not bias
 * extinction against the exact SSA.
 */
import { run } from '../experiments/sim.js';
import type { Rng } from '../random/rng.js';
import { type StepLaw, transition } from './birthDeath.js';
import type { Micromet } from './population.js';
import {
  cumulativeDormantKill,
  drugAt,
  emptyState,
  lawBetween,
  type RateTable,
  type TrialModel,
} from './rates.js';

export interface CloneSettings {
  /** CSC pool from which the deterministic phase may take over (default 1000). */
  readonly switchAt?: number;
  /** Largest ultimate extinction probability xi^S allowed at the switch (default 1e-6). */
  readonly extinctionTolerance?: number;
  /** Pool beyond which the switch is forced (default 1e6: extinction is then out of reach). */
  readonly forceAt?: number;
  /** Chunk of the deterministic phase between detection checks, days (default 182). */
  readonly chunkDays?: number;
  /** Output step of the deterministic phase for locating detection, days (default 3.5). */
  readonly outputDays?: number;
  /**
   * Stochastic steps follow the rate table's grid until this day in every arm (default 1500, past the
   * treated arm's washout), so that both arms of a patient step alike and share their random numbers.
   */
  readonly gridUntil?: number;
}

export type CloneFate = 'recurred' | 'extinct' | 'dormant' | 'undetected';

export interface CloneOutcome {
  readonly fate: CloneFate;
  /** Day of detection ('recurred'), of extinction as seen on the grid ('extinct'), else NaN. */
  readonly day: number;
  /** Day the deterministic phase took over (NaN if it never did). */
  readonly switchDay: number;
}

const law: StepLaw = { alpha: 0, beta: 0 };

/** Simulates micrometastasis m up to `horizon` days with parameters p and the arm's rate table. */
export function simulateClone(
  M: TrialModel,
  p: Float64Array,
  T: RateTable,
  m: Micromet,
  horizon: number,
  rng: Rng,
  s: CloneSettings = {},
): CloneOutcome {
  const switchAt = s.switchAt ?? 1000;
  const tol = Math.log(s.extinctionTolerance ?? 1e-6);
  const forceAt = s.forceAt ?? 1e6;
  let t = 0;
  let S = m.csc;
  if (m.dormant) {
    if (m.escapeDay >= horizon) return { fate: 'dormant', day: Number.NaN, switchDay: Number.NaN };
    // Dormant CSCs die independently at the kill rate q(t) until they escape: binomial thinning.
    S = rng.binomial(S, Math.exp(-cumulativeDormantKill(T, m.escapeDay)));
    t = m.escapeDay;
  }
  const end = T.J * T.h;
  const aligned = Math.max(end, s.gridUntil ?? 1500);
  for (;;) {
    if (S === 0) return { fate: 'extinct', day: t, switchDay: Number.NaN };
    if (t >= horizon) return { fate: 'undetected', day: Number.NaN, switchDay: Number.NaN };
    if (S >= forceAt || (S >= switchAt && S * Math.log(xiAt(T, t)) < tol)) {
      const day = deterministicPhase(M, p, T, t, S, m.detectCells, horizon, s);
      return { fate: Number.isFinite(day) ? 'recurred' : 'undetected', day, switchDay: t };
    }
    let t1: number;
    if (t < aligned) {
      const j = Math.floor(t / T.h + 1e-9);
      t1 = Math.min((j + 1) * T.h, horizon);
      if (j < T.J && Math.abs(t - j * T.h) < 1e-9 && t1 === (j + 1) * T.h) {
        law.alpha = T.alpha[j];
        law.beta = T.beta[j];
      } else lawBetween(T, t, t1, law);
    } else {
      // Constant rates: one exact step as long as the pool takes to grow ~4-fold (at least a grid step).
      const r = T.bEnd - T.dEnd;
      const grow = r > 0 ? Math.log(4) / r : 365;
      t1 = Math.min(t + Math.max(T.h, grow), horizon);
      lawBetween(T, t, t1, law);
    }
    S = transition(S, law, rng);
    t = t1;
  }
}

/** Ultimate extinction probability of one lineage at time t (grid value at or before t). */
function xiAt(T: RateTable, t: number): number {
  const j = Math.min(T.J, Math.floor(t / T.h + 1e-9));
  return T.xi[j];
}

/**
 * The ODE phase: the model from S CSCs (no progeny) and the drug in the body at t0, with the remaining
 * doses, until the tumor reaches `detect` cells. Returns the detection day (log-linear between outputs)
 * or NaN if not by the horizon.
 */
export function deterministicPhase(
  M: TrialModel,
  p: Float64Array,
  T: RateTable,
  t0: number,
  S: number,
  detect: number,
  horizon: number,
  s: CloneSettings = {},
): number {
  if (S >= detect) return t0;
  const chunk = s.chunkDays ?? 182;
  const dt = s.outputDays ?? 3.5;
  let y = emptyState(M, p);
  y[M.slots.S] = S;
  const [abc, abp] = drugAt(T, t0);
  y[M.slots.Abc] = abc;
  y[M.slots.Abp] = abp;
  // The table's drug is sampled after a dose given on a grid day: later doses only.
  const doses = T.J > 0 ? T.doses.filter((d) => d.t > t0 + 1e-6) : [];
  let a = t0;
  let prev = S;
  let prevT = t0;
  while (a < horizon) {
    const b = Math.min(horizon, a + chunk);
    const n = Math.max(1, Math.ceil((b - a) / dt));
    const times = Array.from({ length: n }, (_, i) => (i + 1 === n ? b : a + ((i + 1) * (b - a)) / n));
    const tr = run(M.problem, { p, y0: y, t0: a, tEnd: b, times, outputs: ['N'], doses, rtol: 1e-6 });
    for (let i = 0; i < tr.t.length; i++) {
      const N = tr.y[i]!;
      if (N >= detect) {
        const f = prev > 0 && N > prev ? Math.log(detect / prev) / Math.log(N / prev) : 1;
        return prevT + Math.min(1, Math.max(0, f)) * (tr.t[i]! - prevT);
      }
      prev = N;
      prevT = tr.t[i]!;
    }
    y = tr.yEnd;
    a = b;
  }
  return Number.NaN;
}
