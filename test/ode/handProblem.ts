/**
 * Builds a Problem by hand from closures, so that the ODE engines can be tested without compile().
 * Only what the ODE engines read is real; the reaction-network members are empty.
 */

import { ModelError } from '../../src/errors.js';
import type { CompiledEvent, Observer, Problem, SolveContext } from '../../src/problem/types.js';

export interface HandSpec {
  readonly ids: readonly string[];
  readonly y0: readonly number[];
  readonly rhs: (t: number, y: Float64Array, dy: Float64Array, h: HandHooks) => void;
  readonly jac?: (t: number, y: Float64Array, J: Float64Array) => void;
  readonly mass?: readonly number[];
  readonly events?: readonly CompiledEvent[];
  readonly tstops?: readonly number[];
  readonly hasDelays?: boolean;
  readonly t0?: number;
}

export interface HandHooks {
  /** y(tPast) from the installed history (delay problems). */
  delayed(tPast: number, out: Float64Array): void;
}

export function handProblem(spec: HandSpec, context: SolveContext | null = null): Problem {
  const n = spec.ids.length;
  const stateIndex = new Map(spec.ids.map((id, i) => [id, i] as const));
  const hooks: HandHooks = {
    delayed(tPast, out) {
      if (!context?.history) throw new Error('no history in the solve context');
      context.history(tPast, out);
    },
  };
  const jac = spec.jac;
  return {
    n,
    stateIds: spec.ids,
    t0: spec.t0 ?? 0,
    p: new Float64Array(0),
    paramIds: [],
    paramIndex: new Map(),
    stateIndex,
    initialState: () => Float64Array.from(spec.y0),
    rhs: (t, y, _p, dy) => spec.rhs(t, y, dy, hooks),
    ...(jac ? { jac: (t: number, y: Float64Array, _p: Float64Array, J: Float64Array) => jac(t, y, J) } : {}),
    ...(spec.mass ? { mass: Float64Array.from(spec.mass) } : {}),
    nReactions: 0,
    reactionIds: [],
    rates: () => {},
    rate: () => 0,
    stoich: { rowPtr: new Int32Array(1), col: new Int32Array(0), val: new Float64Array(0) },
    reactants: {
      rowPtr: new Int32Array(1),
      col: new Int32Array(0),
      val: new Float64Array(0),
      order: new Float64Array(0),
    },
    speciesIds: [],
    hasRateRules: false,
    dependents: { rowPtr: new Int32Array(1), col: new Int32Array(0) },
    ratesDependOnTime: false,
    events: spec.events ?? [],
    tstops: Float64Array.from(spec.tstops ?? []),
    observe(ids): Observer {
      const idx = ids.map((id) => {
        const i = stateIndex.get(id);
        if (i === undefined) throw new ModelError(`unknown id '${id}'`);
        return i;
      });
      return (_t, y, _p, out) => {
        for (let j = 0; j < idx.length; j++) out[j] = y[idx[j]];
      };
    },
    outputIds: spec.ids,
    hasDelays: spec.hasDelays ?? false,
    hasRandom: false,
    bind: (ctx) => handProblem(spec, ctx),
    withContext: (ctx, run) => run(handProblem(spec, ctx)),
  };
}

/** A state event: trigger `y[i] > level` (or `<` when `below`), root y[i] - level. */
export function thresholdEvent(
  id: string,
  i: number,
  level: number,
  apply: (t: number, y: Float64Array) => void,
  opts: Partial<Pick<CompiledEvent, 'initialValue' | 'persistent' | 'useValuesFromTriggerTime'>> & {
    below?: boolean;
    delay?: number;
    priority?: number;
  } = {},
): CompiledEvent {
  const sign = opts.below ? -1 : 1;
  return {
    id,
    trigger: (_t, y) => sign * (y[i] - level) > 0,
    nRoots: 1,
    roots: (_t, y, _p, out, off) => {
      out[off] = y[i] - level;
    },
    initialValue: opts.initialValue ?? false,
    persistent: opts.persistent ?? true,
    useValuesFromTriggerTime: opts.useValuesFromTriggerTime ?? true,
    ...(opts.delay !== undefined ? { delay: () => opts.delay as number } : {}),
    ...(opts.priority !== undefined ? { priority: () => opts.priority as number } : {}),
    nAssign: 0,
    values: () => {},
    assign: (t, y) => apply(t, y),
  };
}

/** A scheduled event firing at the given times (a bolus dose adds `amount` to y[i]). */
export function doseEvent(id: string, i: number, amount: number, times: readonly number[]): CompiledEvent {
  return {
    id,
    trigger: () => false,
    nRoots: 0,
    roots: () => {},
    fixedTimes: Float64Array.from(times),
    initialValue: false,
    persistent: true,
    useValuesFromTriggerTime: true,
    nAssign: 1,
    values: (_t, _y, _p, vals) => {
      vals[0] = amount;
    },
    assign: (_t, y, _p, vals) => {
      y[i] += vals[0];
    },
  };
}
