/**
 * A tiny stand-in for `compile(model)` used by the SSA tests: species amounts only, tree-walking
 * evaluation of rate laws (num, id, time, + - * / ^), no rules, events built from `time >= c` triggers.
 * It exists so that the engine can be tested (including in workers) independently of the real compiler.
 */

import type { CompiledProblem } from '../../src/model/compile.js';
import type { Expr, Model } from '../../src/model/types.js';
import type { CompiledEvent } from '../../src/problem/types.js';

type Env = { y: Float64Array; p: Float64Array; t: number };

function evaluator(e: Expr, sIdx: Map<string, number>, pIdx: Map<string, number>): (env: Env) => number {
  switch (e.k) {
    case 'num':
      return () => e.v;
    case 'time':
      return (env) => env.t;
    case 'id': {
      const si = sIdx.get(e.id);
      if (si !== undefined) return (env) => env.y[si];
      const pi = pIdx.get(e.id);
      if (pi === undefined) throw new Error(`unknown id ${e.id}`);
      return (env) => env.p[pi];
    }
    case 'op': {
      const a = e.args.map((x) => evaluator(x, sIdx, pIdx));
      switch (e.op) {
        case 'add':
          return (env) => a.reduce((s, f) => s + f(env), 0);
        case 'mul':
          return (env) => a.reduce((s, f) => s * f(env), 1);
        case 'sub':
          return (env) => a[0](env) - a[1](env);
        case 'div':
          return (env) => a[0](env) / a[1](env);
        case 'pow':
          return (env) => a[0](env) ** a[1](env);
        case 'ge':
          return (env) => (a[0](env) >= a[1](env) ? 1 : 0);
        default:
          throw new Error(`op ${e.op}`);
      }
    }
    default:
      throw new Error(`expr ${e.k}`);
  }
}

function usesTime(e: Expr): boolean {
  if (e.k === 'time') return true;
  if (e.k === 'op') return e.args.some(usesTime);
  return false;
}

export function compile(model: Model): CompiledProblem {
  const stateIds = model.species.map((s) => s.id);
  const sIdx = new Map(stateIds.map((id, i) => [id, i]));
  const paramIds = model.parameters.map((p) => p.id);
  const pIdx = new Map(paramIds.map((id, i) => [id, i]));
  const p0 = Float64Array.from(model.parameters.map((p) => p.value));
  const n = stateIds.length;
  const rates = model.reactions.map((r) => evaluator(r.rate, sIdx, pIdx));
  const rowPtr = [0];
  const col: number[] = [];
  const val: number[] = [];
  for (const r of model.reactions) {
    const net = new Map<number, number>();
    for (const ref of r.reactants) {
      const i = sIdx.get(ref.species)!;
      if (!model.species[i].boundary) net.set(i, (net.get(i) ?? 0) - (ref.stoichiometry ?? 1));
    }
    for (const ref of r.products) {
      const i = sIdx.get(ref.species)!;
      if (!model.species[i].boundary) net.set(i, (net.get(i) ?? 0) + (ref.stoichiometry ?? 1));
    }
    for (const [i, v] of [...net].sort((x, y) => x[0] - y[0])) {
      if (v === 0) continue;
      col.push(i);
      val.push(v);
    }
    rowPtr.push(col.length);
  }
  // dependents: reactions whose rate mentions a species changed by j (plus j itself).
  const mentions = model.reactions.map((r) => {
    const s = new Set<number>();
    const walk = (e: Expr): void => {
      if (e.k === 'id' && sIdx.has(e.id)) s.add(sIdx.get(e.id)!);
      if (e.k === 'op') e.args.forEach(walk);
    };
    walk(r.rate);
    return s;
  });
  const dRow = [0];
  const dCol: number[] = [];
  model.reactions.forEach((_, j) => {
    const changed = new Set(col.slice(rowPtr[j], rowPtr[j + 1]));
    model.reactions.forEach((__, k) => {
      if (k === j || [...mentions[k]].some((i) => changed.has(i))) dCol.push(k);
    });
    dRow.push(dCol.length);
  });
  const env: Env = { y: new Float64Array(0), p: p0, t: 0 };
  const events: CompiledEvent[] = (model.events ?? []).map((ev) => {
    const trig = evaluator(ev.trigger, sIdx, pIdx);
    const vals = ev.assignments.map((a) => evaluator(a.math, sIdx, pIdx));
    const targets = ev.assignments.map((a) => sIdx.get(a.variable)!);
    return {
      id: ev.id,
      trigger: (t, y, p) => {
        env.t = t;
        env.y = y;
        env.p = p;
        return trig(env) !== 0;
      },
      nRoots: 0,
      roots: () => {},
      initialValue: ev.initialValue ?? true,
      persistent: ev.persistent ?? true,
      useValuesFromTriggerTime: ev.useValuesFromTriggerTime ?? true,
      nAssign: vals.length,
      values: (t, y, p, out) => {
        env.t = t;
        env.y = y;
        env.p = p;
        vals.forEach((f, i) => {
          out[i] = f(env);
        });
      },
      assign: (_t, y, _p, v) => {
        targets.forEach((i, k) => {
          y[i] = v[k];
        });
      },
    };
  });
  const rateAll = (t: number, y: Float64Array, p: Float64Array, out: Float64Array): void => {
    env.t = t;
    env.y = y;
    env.p = p;
    for (let j = 0; j < rates.length; j++) out[j] = rates[j](env);
  };
  return {
    model,
    n,
    stateIds,
    t0: 0,
    p: p0,
    paramIds,
    paramIndex: pIdx,
    stateIndex: sIdx,
    initialState: () => Float64Array.from(model.species.map((s) => s.initial)),
    rhs: (t, y, p, dy) => {
      const a = new Float64Array(rates.length);
      rateAll(t, y, p, a);
      dy.fill(0);
      for (let j = 0; j < rates.length; j++)
        for (let q = rowPtr[j]; q < rowPtr[j + 1]; q++) dy[col[q]] += val[q] * a[j];
    },
    nReactions: rates.length,
    reactionIds: model.reactions.map((r) => r.id),
    rates: rateAll,
    rate: (j, t, y, p) => {
      env.t = t;
      env.y = y;
      env.p = p;
      return rates[j](env);
    },
    stoich: { rowPtr: Int32Array.from(rowPtr), col: Int32Array.from(col), val: Float64Array.from(val) },
    reactants: {
      rowPtr: Int32Array.from([0, ...model.reactions.map((r) => r.reactants.length)]).map((_, j, a) =>
        a.slice(0, j + 1).reduce((x, y) => x + y, 0),
      ),
      col: Int32Array.from(model.reactions.flatMap((r) => r.reactants.map((x) => sIdx.get(x.species)!))),
      val: Float64Array.from(model.reactions.flatMap((r) => r.reactants.map((x) => x.stoichiometry ?? 1))),
      order: Float64Array.from(
        model.reactions.map((r) => r.reactants.reduce((a, x) => a + (x.stoichiometry ?? 1), 0)),
      ),
    },
    speciesIds: stateIds,
    hasRateRules: false,
    dependents: { rowPtr: Int32Array.from(dRow), col: Int32Array.from(dCol) },
    ratesDependOnTime: model.reactions.some((r) => usesTime(r.rate)),
    events,
    tstops: new Float64Array(0),
    observe: (ids) => {
      const idx = ids.map((id) => {
        const i = sIdx.get(id);
        if (i === undefined) throw new Error(`unknown id ${id}`);
        return i;
      });
      return (_t, y, _p, out) => {
        for (let k = 0; k < idx.length; k++) out[k] = y[idx[k]];
      };
    },
    outputIds: stateIds,
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
