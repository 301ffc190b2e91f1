/**
 * Cox proportional hazards regression (Cox 1972), fitted as R's coxph does by default: Newton-Raphson from
 * beta = 0 on the partial likelihood (Efron's ties unless asked for Breslow's), stopping when the relative
 * change of the log-likelihood is <= 1e-9 (at most 20 iterations), with step halving whenever a step lowers
 * the likelihood. Standard errors from the inverse information at the estimate; Wald p-values and
 * intervals; the score (log-rank) test at beta = 0.
 */
import { InputError } from '../../errors.js';
import { CoxLikelihood } from './cox-likelihood.js';
import { groupCodes } from './groups.js';
import { checkSurvival, requireEvents, sortSurvival } from './input.js';
import { choleskyDecompose, choleskyInverse, choleskySolve } from './matrix.js';
import { chiSquareUpper, normalTwoSided, zForLevel } from './pvalue.js';

export interface CoxResult {
  coef: Float64Array;
  se: Float64Array;
  hr: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  pWald: Float64Array;
  /** Log partial likelihood at beta = 0 and at the estimate. */
  loglik: [number, number];
  scoreTest: number;
  iterations: number;
  ties: 'efron' | 'breslow';
  /** False when maxIter ran out (R warns "Ran out of iterations and did not converge"). */
  converged?: boolean;
  /** Covariance matrix of coef, row-major. */
  variance?: Float64Array;
  /** p-value of the score test, chi-square on (number of covariates) df. */
  pScore?: number;
  /** Likelihood-ratio statistic 2 (loglik[1] - loglik[0]). */
  likelihoodRatio?: number;
  n?: number;
  events?: number;
}

export interface CoxOptions {
  ties?: 'efron' | 'breslow';
  /** Level of the hazard-ratio intervals, default 0.95. */
  confLevel?: number;
  /** Newton-Raphson iterations, default 20 (R's iter.max). */
  maxIter?: number;
  /** Convergence: relative change of the log-likelihood, default 1e-9 (R's eps). */
  tol?: number;
}

/** Cox proportional hazards (Newton-Raphson with step halving, R's coxph defaults), covariates[k][i] = covariate k of subject i. */
export function coxPH(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  covariates: readonly ArrayLike<number>[],
  options: CoxOptions = {},
): CoxResult {
  const o = checkCoxOptions(options);
  checkSurvival(time, status);
  const n = time.length;
  if (!Array.isArray(covariates) || covariates.length === 0)
    throw new InputError('expected at least one covariate (an array of arrays)', { path: 'covariates' });
  const p = covariates.length;
  covariates.forEach((c, k) => {
    if (c === null || typeof c !== 'object' || c.length !== n)
      throw new InputError(`expected ${n} values (one per subject), got ${c?.length ?? String(c)}`, {
        path: `covariates[${k}]`,
      });
    for (let i = 0; i < n; i++)
      if (typeof c[i] !== 'number' || !Number.isFinite(c[i]))
        throw new InputError(`expected a finite number, got ${String(c[i])}`, {
          path: `covariates[${k}][${i}]`,
        });
  });
  const s = sortSurvival(time, status);
  requireEvents(s, 'Cox regression');
  // Covariates in sorted order, centered.
  const x = new Float64Array(n * p);
  for (let a = 0; a < p; a++) {
    const c = covariates[a];
    let mean = 0;
    for (let i = 0; i < n; i++) mean += c[i];
    mean /= n;
    for (let k = 0; k < n; k++) x[k * p + a] = c[s.order[k]] - mean;
  }
  let events = 0;
  for (let k = 0; k < n; k++) events += s.status[k];
  const fit = newtonRaphson(new CoxLikelihood(s, x, p, o.ties === 'efron'), p, o.maxIter, o.tol);
  return coxResult(fit, p, o, n, events);
}

/** Estimates, standard errors, Wald intervals and tests of a fit, as coxPH reports them. */
export function coxResult(
  fit: Fit,
  p: number,
  o: Required<CoxOptions>,
  n: number,
  events: number,
): CoxResult {
  const z = zForLevel(o.confLevel);
  const se = new Float64Array(p);
  const hr = new Float64Array(p);
  const lower = new Float64Array(p);
  const upper = new Float64Array(p);
  const pWald = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const b = fit.beta[a];
    se[a] = Math.sqrt(fit.variance[a * p + a]);
    hr[a] = Math.exp(b);
    lower[a] = Math.exp(b - z * se[a]);
    upper[a] = Math.exp(b + z * se[a]);
    pWald[a] = normalTwoSided(b / se[a]);
  }
  return {
    coef: fit.beta,
    se,
    hr,
    lower,
    upper,
    pWald,
    loglik: fit.loglik,
    scoreTest: fit.score,
    iterations: fit.iterations,
    ties: o.ties,
    converged: fit.converged,
    variance: fit.variance,
    pScore: chiSquareUpper(fit.score, p),
    likelihoodRatio: 2 * (fit.loglik[1] - fit.loglik[0]),
    n,
    events,
  };
}

/** Two arms: covariate = 1 for `group !== reference`, like R's coxph(Surv ~ group) with reference as first level. */
export function coxTwoGroup(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  group: readonly string[],
  reference: string,
  options: CoxOptions = {},
): CoxResult {
  const g = groupCodes(group, time.length);
  if (g.levels.length !== 2)
    throw new InputError(`expected exactly two groups, found ${g.levels.length} (${g.levels.join(', ')})`, {
      path: 'group',
    });
  if (!g.levels.includes(reference))
    throw new InputError(
      `${JSON.stringify(reference)} is not a group; expected one of ${g.levels.join(', ')}`,
      {
        path: 'reference',
      },
    );
  const x = new Float64Array(group.length);
  for (let i = 0; i < group.length; i++) x[i] = group[i] === reference ? 0 : 1;
  return coxPH(time, status, [x], options);
}

export function checkCoxOptions(o: CoxOptions): Required<CoxOptions> {
  const ties = o.ties ?? 'efron';
  if (ties !== 'efron' && ties !== 'breslow')
    throw new InputError(`expected 'efron' or 'breslow', got ${String(ties)}`, { path: 'options.ties' });
  const confLevel = o.confLevel ?? 0.95;
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1))
    throw new InputError(`expected a number in (0, 1), got ${String(confLevel)}`, {
      path: 'options.confLevel',
    });
  const maxIter = o.maxIter ?? 20;
  if (!Number.isInteger(maxIter) || maxIter < 0)
    throw new InputError(`expected an integer >= 0, got ${String(maxIter)}`, { path: 'options.maxIter' });
  const tol = o.tol ?? 1e-9;
  if (typeof tol !== 'number' || !(tol > 0))
    throw new InputError(`expected a positive number, got ${String(tol)}`, { path: 'options.tol' });
  return { ties, confLevel, maxIter, tol };
}

export interface Fit {
  beta: Float64Array;
  variance: Float64Array;
  loglik: [number, number];
  score: number;
  iterations: number;
  converged: boolean;
}

/**
 * R's coxph iteration (survival's coxfit6): the score test from the first step; a step is accepted when
 * the likelihood does not fall, else the trial point is pulled back toward the last accepted beta, harder
 * each time (h-th retry: (trial + h beta) / (h + 1)). The variance is the inverse information at the
 * returned beta; redundant covariates (zero pivots) get NaN coefficients, as R gives NA.
 */
/** What the iteration needs of a partial likelihood: its value, filling the score u and information imat. */
export interface PartialLikelihood {
  readonly u: Float64Array;
  readonly imat: Float64Array;
  evaluate(beta: Float64Array): number;
}

export function newtonRaphson(lik: PartialLikelihood, p: number, maxIter: number, tol: number): Fit {
  const beta = new Float64Array(p);
  const trial = new Float64Array(p);
  const step = new Float64Array(p);
  const F = new Float64Array(p * p);
  const factor = (): number => {
    F.set(lik.imat);
    return choleskyDecompose(F, p);
  };
  const ll0 = lik.evaluate(beta);
  factor();
  step.set(lik.u);
  choleskySolve(F, p, step);
  let score = 0;
  for (let a = 0; a < p; a++) score += lik.u[a] * step[a];
  const done = (b: Float64Array, ll: number, iterations: number, converged: boolean): Fit => {
    const variance = choleskyInverse(F, p);
    const out = Float64Array.from(b);
    for (let a = 0; a < p; a++) if (F[a * p + a] === 0) out[a] = Number.NaN;
    return { beta: out, variance, loglik: [ll0, ll], score, iterations, converged };
  };
  if (maxIter === 0 || !Number.isFinite(ll0)) return done(beta, ll0, 0, maxIter === 0);

  let best = ll0;
  for (let a = 0; a < p; a++) trial[a] = beta[a] + step[a];
  let halving = 0;
  for (let iter = 1; iter <= maxIter; iter++) {
    const ll = lik.evaluate(trial);
    factor();
    let finite = Number.isFinite(ll);
    for (let a = 0; a < p && finite; a++) finite = Number.isFinite(lik.u[a]);
    for (let a = 0; a < p * p && finite; a++) finite = Number.isFinite(lik.imat[a]);
    if (finite && Math.abs(1 - best / ll) <= tol) return done(trial, ll, iter, true);
    if (!finite || ll < best) {
      halving++;
      for (let a = 0; a < p; a++) trial[a] = (trial[a] + halving * beta[a]) / (halving + 1);
    } else {
      halving = 0;
      best = ll;
      step.set(lik.u);
      choleskySolve(F, p, step);
      for (let a = 0; a < p; a++) {
        beta[a] = trial[a];
        trial[a] += step[a];
      }
    }
  }
  // Out of iterations: report the last accepted beta with its information.
  const ll = maxIter > 1 ? lik.evaluate(beta) : best;
  factor();
  return done(beta, ll, maxIter, false);
}
