/**
 * A Problem built by hand from a benchmark's own rhs and Jacobian, bypassing `compile`. It measures the
 * solvers alone (the compiled path is benchmarked separately), and it let the benchmarks run before the
 * compiler existed. Doses after t0 become one scheduled event (`fixedTimes`); doses at t0 go into the
 * initial state, exactly as the peer harnesses do.
 */
import type { CompiledEvent, Problem } from '../../src/problem/types.js';
import type { BenchProblem } from './types.js';

function doseEvent(bp: BenchProblem): CompiledEvent | null {
  const later = bp.doses.filter((d) => d.t > bp.t0);
  if (later.length === 0) return null;
  const times = Float64Array.from(later.map((d) => d.t));
  const amounts = Float64Array.from(later.map((d) => d.amount));
  // Amount of the administration at time t (the engine fires the event at each fixed time).
  const amountAt = (t: number): number => {
    let best = 0;
    let bestGap = Number.POSITIVE_INFINITY;
    for (let i = 0; i < times.length; i++) {
      const gap = Math.abs(times[i]! - t);
      if (gap < bestGap) {
        bestGap = gap;
        best = i;
      }
    }
    return amounts[best]!;
  };
  return {
    id: 'dose',
    trigger: (t) => t >= times[0]!,
    nRoots: 0,
    roots: () => {},
    fixedTimes: times,
    initialValue: false,
    persistent: true,
    useValuesFromTriggerTime: true,
    nAssign: 1,
    values: (t, y, _p, vals) => {
      vals[0] = y[0]! + amountAt(t);
    },
    assign: (_t, y, _p, vals) => {
      y[0] = vals[0]!;
    },
  };
}

export function handProblem(bp: BenchProblem): Problem {
  const n = bp.stateIds.length;
  const p0 = Float64Array.from(bp.params);
  const paramIds = bp.params.map((_, i) => `p${i}`);
  const y0 = Float64Array.from(bp.y0);
  for (const d of bp.doses) if (d.t <= bp.t0) y0[0] += d.amount;
  const ev = doseEvent(bp);
  // Reaction-level members are for stochastic engines; the ODE path does not use them here.
  const noReactions = { rowPtr: new Int32Array(1), col: new Int32Array(0) };
  return {
    n,
    stateIds: bp.stateIds,
    t0: bp.t0,
    p: p0,
    paramIds,
    paramIndex: new Map(paramIds.map((id, i) => [id, i])),
    stateIndex: new Map(bp.stateIds.map((id, i) => [id, i])),
    initialState: () => Float64Array.from(y0),
    rhs: bp.rhs,
    jac: bp.jac,
    nReactions: 0,
    reactionIds: [],
    rates: () => {},
    rate: () => 0,
    stoich: { ...noReactions, val: new Float64Array(0) },
    reactants: { ...noReactions, val: new Float64Array(0), order: new Float64Array(0) },
    speciesIds: [],
    hasRateRules: false,
    dependents: noReactions,
    ratesDependOnTime: false,
    events: ev ? [ev] : [],
    tstops: new Float64Array(0),
    observe: (ids) => {
      const idx = ids.map((id) => {
        const i = bp.stateIds.indexOf(id);
        if (i < 0) throw new Error(`unknown state id '${id}'`);
        return i;
      });
      return (_t, y, _p, out) => {
        for (let k = 0; k < idx.length; k++) out[k] = y[idx[k]!]!;
      };
    },
    outputIds: bp.stateIds,
    hasDelays: false,
    hasRandom: false,
    bind() {
      return this;
    },
    withContext(_ctx, run) {
      return run(this);
    },
  };
}
