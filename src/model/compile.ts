/**
 * compile(model) -> Problem (engines/problem.ts): validates the model, lays out state / parameters / work
 * slots (compile/layout.ts), lowers every expression to slot form (compile/lower.ts) and generates one
 * straight-line JS function per entry point (compile/functions.ts), with SBML Level 3 core semantics.
 */
import { AlgebraicSolver } from '../engines/ode/consistent.js';
import type { CompiledEvent, Observer, Problem, StateFn } from '../problem/types.js';
import { type BeforeStart, type DelayContext, delayEvaluator } from './compile/delay.js';
import { compileDoses, compileEvent } from './compile/events.js';
import { FunctionBuilder } from './compile/functions.js';
import { initialBody } from './compile/initial.js';
import { jacobianCode } from './compile/jacobian.js';
import { layout } from './compile/layout.js';
import { lower } from './compile/lower.js';
import { makeObserver } from './compile/observe.js';
import { modelUsesRandom } from './compile/random.js';
import { dependents, rhsRows, stoichiometry, wReads } from './compile/rhs.js';
import { timeBreaks } from './compile/time-breaks.js';
import { makeHelpers } from './expr/runtime.js';
import { some } from './expr/transform.js';
import type { Expr, Model } from './types.js';
import { validate } from './validate.js';

type Fn3<R> = (t: number, y: Float64Array, p: Float64Array) => R;
type InitFn = (t: number, p: Float64Array, v: Float64Array, y: Float64Array) => void;

/** Compiles a model for the engines. Throws ModelError (with the path) for an inconsistent model. */
export function compile(model: Model): Problem {
  validate(model);
  const L = layout(model);
  const n = L.stateIds.length;
  const t0 = 0;
  const H = makeHelpers();

  const wDefs: Expr[] = new Array(L.nW);
  const wNames: string[] = new Array(L.nW);
  for (const [v, e] of L.assignRules) {
    const k = L.ruleW.get(v)!;
    wDefs[k] = lower(L, e);
    wNames[k] = v;
  }
  L.rates.forEach((r, j) => {
    wDefs[L.fluxW[j]!] = lower(L, r);
    wNames[L.fluxW[j]!] = model.reactions[j]!.id;
  });

  // delay(x, tau): x from the installed history from t0 on, from the model's values before (delay.ts).
  let history: ((tPast: number, out: Float64Array) => void) | null = null;
  let y0Cache: { p: Float64Array; y: Float64Array } | null = null;
  let beforeStart: BeforeStart | null = null;
  const delayCtx: DelayContext = {
    n,
    t0,
    wNames,
    history: () => history,
    y0For(p) {
      if (y0Cache === null || y0Cache.p !== p) y0Cache = { p, y: initialState(p) };
      return y0Cache.y;
    },
    before() {
      if (beforeStart === null) {
        const b = initialBody(L, fb, { before: true });
        beforeStart = { init: fb.compile<InitFn>('t, p, v, y', b.body), nV: b.nV, slot: b.slot };
      }
      return beforeStart;
    },
  };
  const makeDelay = (x: Expr) => delayEvaluator(fb, delayCtx, x);
  const fb: FunctionBuilder = new FunctionBuilder(wDefs, wNames, H, makeDelay);

  const init = initialBody(L, fb);
  const initFn = fb.compile<InitFn>('t, p, v, y', init.body);
  function initialState(p: Float64Array = L.p0): Float64Array {
    const y = new Float64Array(n);
    initFn(t0, p, new Float64Array(init.nV), y);
    if (mass !== undefined) {
      // Algebraic rules hold at t0 too. The cache sees the state being solved: a zero delay in a rule
      // reads it instead of recursing into initialState.
      y0Cache = { p, y };
      new AlgebraicSolver(problem).solve(t0, y, p);
    }
    return y;
  }

  const { rows, mass } = rhsRows(L);
  const rhs = fb.compile<StateFn>(
    't, y, p, dy',
    `${fb.prelude(rows)}\n${rows.map((r, i) => `dy[${i}] = ${fb.num(r)};`).join('\n')}`,
  );
  const m = model.reactions.length;
  const fluxes: Expr[] = L.fluxW.map((k) => ({ k: 'id', id: `#w${k}` }));
  const rates = fb.compile<StateFn>(
    't, y, p, out',
    `${fb.prelude(fluxes)}\n${L.fluxW.map((k, j) => `out[${j}] = w[${k}];`).join('\n')}`,
  );
  const rateFns = fluxes.map((f) =>
    fb.compile<Fn3<number>>('t, y, p', `${fb.prelude([f])}\nreturn ${fb.num(f)};`),
  );
  const stoich = stoichiometry(L);
  const reads = wReads(wDefs);
  const jc = jacobianCode(rows, fb, n);
  const jac =
    jc === null
      ? undefined
      : fb.compile<Problem['jac'] & {}>('t, y, p, J', jc.body, new Float64Array(jc.nW), jc.outer);

  const doses = compileDoses(L);
  const events: CompiledEvent[] = [
    ...(model.events ?? []).map((e) => compileEvent(L, fb, e)),
    ...doses.events,
  ];
  const tstops = Float64Array.from(new Set([...doses.tstops, ...timeBreaks(model, t0)])).sort();

  const all = [...wDefs, ...rows];
  const hasRandom = modelUsesRandom(model);
  const hasDelays = H.delays.length > 0 || all.some((e) => some(e, (x) => x.k === 'op' && x.op === 'delay'));
  const drifting = new Set<number>();
  rows.forEach((_, i) => {
    const s = L.stateIds[i]!;
    if (L.rateRules.has(s) || (mass !== undefined && mass[i] === 0)) drifting.add(i);
    if (L.infusions.some((d) => d.target === s)) drifting.add(i);
  });
  const ratesDependOnTime = L.fluxW.some((k) => {
    const r = reads[k]!;
    return r.time || [...r.ys].some((i) => drifting.has(i));
  });

  const problem: Problem = {
    model,
    n,
    stateIds: L.stateIds,
    t0,
    p: L.p0,
    paramIds: L.paramIds,
    paramIndex: L.paramIndex,
    stateIndex: L.stateIndex,
    initialState,
    rhs,
    ...(jac !== undefined ? { jac } : {}),
    ...(mass !== undefined ? { mass } : {}),
    rhsIsZero: mass === undefined && rows.every((r) => r.k === 'num' && r.v === 0),
    nReactions: m,
    reactionIds: model.reactions.map((r) => r.id),
    rates,
    rate: (j, t, y, p) => rateFns[j]!(t, y, p),
    stoich,
    dependents: dependents(L, stoich, reads),
    ratesDependOnTime,
    rateSource: (j) => ({ prelude: fb.prelude([fluxes[j]!]), value: fb.num(fluxes[j]!) }),
    compileSource: (params, body) => fb.compile(params, body),
    events,
    tstops,
    observe: (ids, options): Observer => makeObserver(L, fb, ids, options),
    outputIds: [...L.stateIds, ...L.ruleW.keys()],
    hasDelays,
    setHistory(h) {
      history = h;
    },
    hasRandom,
    setRandom(u) {
      H.u = u ?? makeHelpers().u;
    },
  };
  return problem;
}
