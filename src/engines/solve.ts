/**
 * Entry point of the deterministic engines: solve(problem, options) -> OdeSolution.
 * Resolves options, picks the stepper by method ('dopri5' | 'rodas' | 'bdf' | 'auto'), runs the shared
 * integrator (ode/integrate.ts) and packages the result.
 */
import { InputError } from '../errors.js';
import type { Problem, SolveContext } from '../problem/types.js';
import { stream } from '../random/index.js';
import { AutoStepper } from './ode/auto.js';
import { Bdf } from './ode/bdf.js';
import { ConstantStepper } from './ode/constant.js';
import { Dopri5 } from './ode/dopri5.js';
import { integrate } from './ode/integrate.js';
import { OutputSampler } from './ode/output.js';
import { Rodas } from './ode/rodas.js';
import { atolScales } from './ode/scale.js';
import type { OdeStepper, StepContext } from './ode/stepper.js';
import type { OdeMethod, OdeOptions, OdeSolution, OdeStats, StiffMethod } from './ode/types.js';

export type { OdeMethod, OdeOptions, OdeSolution, OdeStats } from './ode/types.js';

const STEPPERS: Record<OdeMethod, (ctx: StepContext, stiff: StiffMethod) => OdeStepper> = {
  auto: (ctx, stiff) => new AutoStepper(ctx, stiff),
  dopri5: (ctx) => new Dopri5(ctx),
  rodas: (ctx) => new Rodas(ctx),
  bdf: (ctx) => new Bdf(ctx),
};

export function solve(problem: Problem, options: OdeOptions): OdeSolution {
  // One stream per solve: simultaneous events of equal priority (in the order they occur) and the model's own
  // random draws (SBML distrib) read it; the integrator gives the context the history of delay().
  const rng = stream(options.seed ?? 1, 0);
  const uniform = (): number => rng.uniform();
  const context: SolveContext = { uniform, history: null };
  return problem.withContext(context, (bound) => solveBound(bound, options, context));
}

function solveBound(problem: Problem, options: OdeOptions, context: SolveContext): OdeSolution {
  const uniform = context.uniform ?? undefined;
  const method = options.method ?? 'auto';
  if (!Object.hasOwn(STEPPERS, method)) {
    throw new InputError(`unknown ODE method '${method}' (expected auto, dopri5, rodas or bdf)`, {
      path: 'method',
    });
  }
  const t0 = options.t0 ?? problem.t0;
  const { tEnd } = options;
  if (!Number.isFinite(t0)) throw new InputError(`t0 must be finite, got ${t0}`, { path: 't0' });
  if (!Number.isFinite(tEnd) || tEnd < t0) {
    throw new InputError(`tEnd must be finite and >= t0 = ${t0}, got ${tEnd}`, { path: 'tEnd' });
  }
  const n = problem.n;
  const rtol = options.rtol ?? 1e-6;
  if (!(rtol > 0 && rtol < 1)) throw new InputError(`rtol must be in (0, 1), got ${rtol}`, { path: 'rtol' });
  const p = options.p ?? problem.p;
  if (p.length !== problem.p.length) {
    throw new InputError(`p has length ${p.length}, expected ${problem.p.length}`, { path: 'p' });
  }
  const y0 = options.y0 ? Float64Array.from(options.y0) : problem.initialState(p);
  if (y0.length !== n) throw new InputError(`y0 has length ${y0.length}, expected ${n}`, { path: 'y0' });
  const atol = resolveAtol(options.atol ?? 1e-9, n);
  if (typeof options.atol !== 'object' && options.scaleAtol !== false) {
    const scales = atolScales(problem, y0, p, t0);
    for (let i = 0; i < n; i++) atol[i]! *= scales[i]!;
  }
  const maxSteps = options.maxSteps ?? 1e6;
  if (!(maxSteps >= 1)) throw new InputError(`maxSteps must be >= 1, got ${maxSteps}`, { path: 'maxSteps' });
  const span = tEnd - t0;
  const maxStep = options.maxStep ?? (span > 0 ? span : Number.POSITIVE_INFINITY);
  if (!(maxStep > 0)) throw new InputError(`maxStep must be > 0, got ${maxStep}`, { path: 'maxStep' });
  const h0 = options.h0 ?? Number.NaN;
  if (options.h0 !== undefined && !(h0 > 0))
    throw new InputError(`h0 must be > 0, got ${h0}`, { path: 'h0' });

  const ids = options.outputs ?? problem.outputIds;
  const observer = problem.observe(ids, { amount: options.amount, concentration: options.concentration });
  const times = options.outputTimes ? OutputSampler.checkTimes(options.outputTimes, t0, tEnd) : null;
  const sampler = new OutputSampler(observer, p, ids.length, n, times);

  const stats: OdeStats = { rhsEvals: 0, jacEvals: 0, luDecomps: 0, accepted: 0, rejected: 0, switches: 0 };
  const ctx: StepContext = {
    problem,
    n,
    p,
    rtol,
    atol,
    maxStep,
    stats,
    firstStepLimit: firstStepLimit(times, tEnd),
  };
  const stepper = problem.rhsIsZero
    ? new ConstantStepper(method === 'rodas' || method === 'bdf' ? method : 'dopri5', n)
    : STEPPERS[method](ctx, stiffMethod(options.stiff));
  const { yEnd, events } = integrate({ ctx, stepper, sampler, t0, tEnd, y0, h0, maxSteps, uniform, context });
  const out = sampler.result();
  return { status: 'finished', method, t: out.t, ids: [...ids], y: out.y, yEnd, events, stats };
}

/**
 * A tenth of the distance from t to the next output time after it, or to tEnd, and at least 100 ulp
 * (StepContext.firstStepLimit, after CVODE's cvHin).
 */
function firstStepLimit(times: Float64Array | null, tEnd: number): (t: number) => number {
  let k = 0;
  return (t) => {
    if (times === null) return tEnd > t ? 0.1 * (tEnd - t) : Number.POSITIVE_INFINITY;
    // Resets come in time order within a solve: the cursor only moves forward (a restart from t0 rewinds it).
    if (k > 0 && times[k - 1]! > t) k = 0;
    while (k < times.length && !(times[k]! > t)) k++;
    const next = k < times.length ? times[k]! : tEnd;
    // CVODE's lower bound hlb = 100 ulp: an output a few ulp after an event time must not stall the start.
    return next > t
      ? Math.max(0.1 * (next - t), 100 * Number.EPSILON * Math.max(Math.abs(t), Math.abs(next)))
      : Number.POSITIVE_INFINITY;
  };
}

function stiffMethod(stiff: StiffMethod | undefined): StiffMethod {
  // BDF since its restart at switches (an order-1 start sized for an h^2 error, bdf.ts) held at rtol 1e-10.
  if (stiff === undefined) return 'bdf';
  if (stiff !== 'bdf' && stiff !== 'rodas') {
    throw new InputError(`unknown stiff method '${stiff}' (expected bdf or rodas)`, { path: 'stiff' });
  }
  return stiff;
}

function resolveAtol(atol: number | Float64Array, n: number): Float64Array {
  if (typeof atol === 'number') {
    if (!(atol >= 0)) throw new InputError(`atol must be >= 0, got ${atol}`, { path: 'atol' });
    return new Float64Array(n).fill(atol);
  }
  if (atol.length !== n)
    throw new InputError(`atol has length ${atol.length}, expected ${n}`, { path: 'atol' });
  for (let i = 0; i < n; i++) {
    if (!(atol[i] >= 0)) throw new InputError(`atol must be >= 0, got ${atol[i]}`, { path: `atol[${i}]` });
  }
  return Float64Array.from(atol);
}
