/**
 * The fast path for one micrometastasis (the reference is clone.ts, kept as `exact`). Same model, same
 * law, fewer solves:
 * - while the drug acts (the treated arm's rate grid), the CSC pool steps by the same exact birth-death
 *   transitions as the reference; a pool that the reference would hand to the ODE during that time is
 *   handed to the same ODE phase here (`ode` in the outcome; rare when the drug holds the pool back);
 * - once rates are constant (from day 0 in the control arm, after the washout in the treated arm), the
 *   rest of the stochastic phase is one draw: of the S CSCs, Binomial(S, 1 - d/b) lineages survive, and
 *   S(t) e^{-r t} tends to W ~ Gamma(survivors, b / (b - d)) (Kendall, Ann Math Stat 1948; the limit of a
 *   supercritical linear birth-death process); the clone is then W pure CSCs growing deterministically,
 *   and its detection day comes from the patient's reference clone (reference.ts) without an ODE solve.
 */
import type { Rng } from '../random/rng.js';
import { constantStepLaw, type StepLaw, transition } from './birthDeath.js';
import { type CloneOutcome, type CloneSettings, deterministicPhase } from './clone.js';
import { composedLaws, lawToEnd } from './composedLaw.js';
import type { Micromet } from './population.js';
import { cumulativeDormantKill, lawBetween, type RateTable, type TrialModel } from './rates.js';
import { detectionAge, type LinearGrowth, type Reference } from './reference.js';

/** A patient's drug-free growth: the cheap linear part, and the reference clone (built on first need). */
export interface Growth {
  linear(): LinearGrowth;
  reference(): Reference;
}

const law: StepLaw = { alpha: 0, beta: 0 };

/** Fast outcome of micrometastasis m; the patient's reference is built only for a clone that can recur in time. */
export function simulateCloneFast(
  M: TrialModel,
  p: Float64Array,
  T: RateTable,
  m: Micromet,
  horizon: number,
  rng: Rng,
  growth: Growth,
  s: CloneSettings = {},
): CloneOutcome & { readonly ode: boolean } {
  const switchAt = s.switchAt ?? 1000;
  const tol = Math.log(s.extinctionTolerance ?? 1e-6);
  const forceAt = s.forceAt ?? 1e6;
  const none = Number.NaN;
  let t = 0;
  let S = m.csc;
  if (m.dormant) {
    if (m.escapeDay >= horizon) return { fate: 'dormant', day: none, switchDay: none, ode: false };
    S = rng.binomial(S, Math.exp(-cumulativeDormantKill(T, m.escapeDay)));
    t = m.escapeDay;
  }
  const end = T.J * T.h;
  const lnDet = Math.log(m.detectCells);
  // While the drug acts: jump across the rest of the treatment in one exact transition whenever the clone
  // cannot come near detection meanwhile (its expected pool, balanced, with a 100-fold margin); otherwise
  // step as the reference does, and hand a pool it would switch to the same ODE phase.
  while (t < end) {
    if (S === 0) return { fate: 'extinct', day: t, switchDay: none, ode: false };
    if (t >= horizon) return { fate: 'undetected', day: none, switchDay: none, ode: false };
    const j = Math.floor(t / T.h + 1e-9);
    const onGrid = Math.abs(t - j * T.h) < 1e-9;
    if (onGrid && end <= horizon) {
      const C = composedLaws(T);
      if (Math.log(S) + C.maxRise[j]! + growth.linear().lnG + Math.log(100) < lnDet) {
        S = transition(S, lawToEnd(C, j, law), rng);
        t = end;
        break;
      }
    }
    if (S >= forceAt || (S >= switchAt && S * Math.log(T.xi[Math.min(T.J, j)]!) < tol)) {
      const day = deterministicPhase(M, p, T, t, S, m.detectCells, horizon, s);
      return { fate: Number.isFinite(day) ? 'recurred' : 'undetected', day, switchDay: t, ode: true };
    }
    const t1 = Math.min((j + 1) * T.h, horizon);
    if (onGrid && t1 === (j + 1) * T.h) {
      law.alpha = T.alpha[j]!;
      law.beta = T.beta[j]!;
    } else lawBetween(T, t, t1, law);
    S = transition(S, law, rng);
    t = t1;
  }
  if (S === 0) return { fate: 'extinct', day: t, switchDay: none, ode: false };
  if (t >= horizon) return { fate: 'undetected', day: none, switchDay: none, ode: false };
  const b = T.bEnd;
  const d = T.dEnd;
  if (!(b > d)) {
    if (S >= forceAt) {
      const day = deterministicPhase(M, p, T, t, S, m.detectCells, horizon, s);
      return { fate: Number.isFinite(day) ? 'recurred' : 'undetected', day, switchDay: t, ode: true };
    }
    // Not supercritical: no recurrence; extinct by the horizon with probability alpha^S.
    constantStepLaw(b, d, horizon - t, law);
    const gone = rng.uniform() < law.alpha ** S;
    return { fate: gone ? 'extinct' : 'undetected', day: none, switchDay: none, ode: false };
  }
  const survive = 1 - d / b;
  const lineages = survive >= 1 ? S : rng.binomial(S, survive);
  if (lineages === 0) return { fate: 'extinct', day: none, switchDay: none, ode: false };
  const W = rng.gamma(lineages, 1 / survive);
  // Without feedback a pure-CSC clone holds at most G S cells (lnG): a lower bound on the detection age.
  const lin = growth.linear();
  if (t + (lnDet - Math.log(W) - lin.lnG) / lin.r > horizon)
    return { fate: 'undetected', day: none, switchDay: t, ode: false };
  const day = t + detectionAge(growth.reference(), Math.log(W), lnDet);
  if (day <= horizon) return { fate: 'recurred', day, switchDay: t, ode: false };
  return { fate: 'undetected', day: none, switchDay: t, ode: false };
}
