/**
 * compile(model) -> Problem (problem/types.ts): validates the model, lays out state / parameters / work
 * slots (compile/layout.ts), lowers every expression to slot form (compile/lower.ts) and generates one
 * straight-line JS function per entry point (compile/functions.ts), with SBML Level 3 core semantics.
 */
import { InputError } from '../errors.js';
import type { CompiledEvent, Observer, Problem, SolveContext, StateFn } from '../problem/types.js';
import { type BeforeStart, type DelayContext, delayEvaluator } from './compile/delay.js';
import { compileDoses, compileEvent } from './compile/events.js';
import { FunctionBuilder } from './compile/functions.js';
import { initialBody } from './compile/initial.js';
import { jacobianCode } from './compile/jacobian.js';
import { layout } from './compile/layout.js';
import { lower } from './compile/lower.js';
import { makeObserver } from './compile/observe.js';
import { hoistQuotients } from './compile/quotients.js';
import { modelUsesRandom } from './compile/random.js';
import { dependents, reactantTable, rhsRows, stoichiometry, wReads } from './compile/rhs.js';
import { timeBreaks } from './compile/time-breaks.js';
import { type Helpers, makeHelpers } from './expr/runtime.js';
import { some } from './expr/transform.js';
import type { Expr, Model } from './types.js';
import { validate } from './validate.js';

/** Per state: the compartment of a species whose math value is a concentration (see engines/ode/scale.ts). */
function atolCompartments(model: Model, stateIds: readonly string[]): (string | null)[] {
  const compartments = new Map(model.compartments.map((c) => [c.id, c]));
  const species = new Map(model.species.map((s) => [s.id, s]));
  return stateIds.map((id) => {
    const s = species.get(id);
    if (!s || s.hasOnlySubstanceUnits) return null;
    const c = compartments.get(s.compartment);
    return !c || c.spatialDimensions === 0 ? null : c.id;
  });
}

type ParamJacobian = (t: number, y: Float64Array, p: Float64Array, D: Float64Array) => void;
type Fn3<R> = (t: number, y: Float64Array, p: Float64Array) => R;
type InitFn = (t: number, p: Float64Array, v: Float64Array, y: Float64Array) => void;

/**
 * The compiled problem with the model value it came from. The engines read only the Problem; the model is
 * for the layers above (messages naming the model, shipping it to worker threads that recompile it).
 */
export interface CompiledProblem extends Problem {
  readonly model: Model;
}

/** The model value a problem was compiled from, when it came from compile() (hand-built problems have none). */
export function modelOf(problem: Problem): Model | undefined {
  return (problem as Partial<CompiledProblem>).model;
}

/** Compiles a model for the engines. Throws ModelError (with the path) for an inconsistent model. */
export function compile(model: Model): CompiledProblem {
  validate(model);
  const L = layout(model);
  const n = L.stateIds.length;
  const t0 = 0;

  const ruleDefs: Expr[] = new Array(L.nW);
  const ruleNames: string[] = new Array(L.nW);
  for (const [v, e] of L.assignRules) {
    const k = L.ruleW.get(v)!;
    ruleDefs[k] = lower(L, e);
    ruleNames[k] = v;
  }
  L.rates.forEach((r, j) => {
    ruleDefs[L.fluxW[j]!] = lower(L, r);
    ruleNames[L.fluxW[j]!] = model.reactions[j]!.id;
  });
  const { wDefs, wNames } = hoistQuotients(ruleDefs, ruleNames, L.stateIds);

  const { rows, mass } = rhsRows(L);
  const m = model.reactions.length;
  const fluxes: Expr[] = L.fluxW.map((k) => ({ k: 'id', id: `#w${k}` }));
  const stoich = stoichiometry(L);
  const reads = wReads(wDefs);
  const doses = compileDoses(L);
  const switchTimes = timeBreaks(model, L.paramIndex);
  const tstopsFor = (p: Float64Array): Float64Array =>
    Float64Array.from(
      new Set([...doses.tstops, ...switchTimes(p).filter((v) => Number.isFinite(v) && v > t0)]),
    ).sort();
  const tstops = tstopsFor(L.p0);
  const all = [...wDefs, ...rows];
  const hasRandom = modelUsesRandom(model);
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
  const data = {
    model,
    n,
    stateIds: L.stateIds,
    t0,
    p: L.p0,
    paramIds: L.paramIds,
    paramIndex: L.paramIndex,
    stateIndex: L.stateIndex,
    ...(mass !== undefined ? { mass } : {}),
    rhsIsZero: mass === undefined && rows.every((r) => r.k === 'num' && r.v === 0),
    nReactions: m,
    reactionIds: model.reactions.map((r) => r.id),
    stoich,
    reactants: reactantTable(L),
    speciesIds: model.species.map((sp) => sp.id),
    atolCompartments: atolCompartments(model, L.stateIds),
    hasRateRules: L.rateRules.size > 0,
    dependents: dependents(L, stoich, reads),
    ratesDependOnTime,
    tstops,
    tstopsFor,
    switchTimes,
    outputIds: [...L.stateIds, ...[...L.ruleW.keys()].filter((id) => !L.derived.has(id))],
    hasRandom,
  };

  const factories = new Map<string, (H: Helpers, w: Float64Array) => unknown>();
  /** Instances that withContext has finished with, kept warm for the next solve (nothing of a solve stays). */
  const pool: Instance[] = [];
  /**
   * The compiled functions over one set of helpers, reading `slot.ctx` at each call: null for the problem
   * compile() returns (its random draws throw, its delay() sees no history), else one solve's context.
   */
  function instance(slot: { ctx: SolveContext | null }): Instance {
    const H = makeHelpers(() => (slot.ctx?.uniform ?? noUniform)());
    // delay(x, tau): x from the solve's history from t0 on, from the model's values before (delay.ts).
    let y0Cache: { p: Float64Array; y: Float64Array } | null = null;
    let beforeStart: BeforeStart | null = null;
    const delayCtx: DelayContext = {
      n,
      t0,
      wNames,
      history: () => slot.ctx?.history ?? null,
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
    const fb: FunctionBuilder = new FunctionBuilder(wDefs, wNames, H, makeDelay, factories);

    const init = initialBody(L, fb);
    const initFn = fb.compile<InitFn>('t, p, v, y', init.body);
    function initialState(p: Float64Array = L.p0): Float64Array {
      const y = new Float64Array(n);
      initFn(t0, p, new Float64Array(init.nV), y);
      // Algebraic rules (mass) are made to hold by the engines at their start (consistent initialisation,
      // engines/ode/consistent.ts, as SciML's `init`): this stays a pure evaluation of the model at t0.
      return y;
    }

    const rhs = fb.compile<StateFn>(
      't, y, p, dy',
      `${fb.prelude(rows)}\n${rows.map((r, i) => `dy[${i}] = ${fb.num(r)};`).join('\n')}`,
    );
    const rates = fb.compile<StateFn>(
      't, y, p, out',
      `${fb.prelude(fluxes)}\n${L.fluxW.map((k, j) => `out[${j}] = w[${k}];`).join('\n')}`,
    );
    const rateFns = fluxes.map((f) =>
      fb.compile<Fn3<number>>('t, y, p', `${fb.prelude([f])}\nreturn ${fb.num(f)};`),
    );
    const jc = jacobianCode(rows, fb, n);
    const jac =
      jc === null
        ? undefined
        : fb.compile<Problem['jac'] & {}>('t, y, p, J', jc.body, new Float64Array(jc.nW), jc.outer);
    // d f / d p only for the solves that ask (forward sensitivities): on large models it costs a third
    // of the compile time (Chen_MSB2009: 500 states x 189 parameters), which every other user would pay.
    let dfdp: ParamJacobian | null | undefined;
    const parameterJacobian = (): ParamJacobian | null => {
      if (dfdp === undefined) {
        const pc = jacobianCode(rows, fb, n, { prefix: '#p', cols: data.p.length });
        dfdp =
          pc === null
            ? null
            : fb.compile<ParamJacobian>('t, y, p, J', pc.body, new Float64Array(pc.nW), pc.outer);
      }
      return dfdp;
    };
    const events: CompiledEvent[] = [
      ...(model.events ?? []).map((e) => compileEvent(L, fb, e)),
      ...doses.events,
    ];
    const hasDelays =
      H.delays.length > 0 || all.some((e) => some(e, (x) => x.k === 'op' && x.op === 'delay'));

    const observers = new Map<string, Observer>();
    const problem: CompiledProblem = {
      ...data,
      initialState,
      rhs,
      ...(jc !== null && jac !== undefined ? { jac, jacobianPattern: jc.pattern } : {}),
      parameterJacobian,
      rates,
      rate: (j, t, y, p) => rateFns[j]!(t, y, p),
      rateSource: (j) => ({ prelude: fb.prelude([fluxes[j]!]), value: fb.num(fluxes[j]!) }),
      compileSource: (params, body) => fb.compile(params, body),
      events,
      observe(ids, options): Observer {
        // One compiled observer per request: solves ask for the same outputs again and again, and building
        // the source each time cost Raia_CancerResearch2011 a sixth of its solve time.
        const key = JSON.stringify([ids, options?.amount ?? [], options?.concentration ?? []]);
        let obs = observers.get(key);
        if (obs === undefined) {
          obs = makeObserver(L, fb, ids, options);
          if (observers.size >= 64) observers.clear(); // bounded: callers asking for ever new id sets
          observers.set(key, obs);
        }
        return obs;
      },
      hasDelays,
      // Nothing per solve lives here: a solve binds its own context.
      bind: (c) => (hasRandom || hasDelays ? instance({ ctx: c }).problem : problem),
      withContext(c, run) {
        if (!(hasRandom || hasDelays)) return run(problem);
        const inst = pool.pop() ?? instance({ ctx: null });
        inst.slot.ctx = c;
        try {
          return run(inst.problem);
        } finally {
          inst.release();
          pool.push(inst);
        }
      },
    };
    const release = (): void => {
      slot.ctx = null;
      y0Cache = null;
    };
    return { problem, slot, release };
  }
  return instance({ ctx: null }).problem;
}

interface Instance {
  readonly problem: CompiledProblem;
  readonly slot: { ctx: SolveContext | null };
  /** Forgets the solve: its context and the initial state delay() cached for it. */
  release(): void;
}

function noUniform(): number {
  throw new InputError(
    'this model draws random numbers (distrib): run it through solve() or simulate(), which seed it, or bind it to a context with a uniform source',
  );
}
