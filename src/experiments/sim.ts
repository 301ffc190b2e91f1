/**
 * Deterministic runs of a compiled model with doses applied between ODE segments, so that one Problem
 * (compiled without doses) serves every schedule and every parameter set: schedules differ only in the
 * list of (time, amount) administrations passed here. Doses are read from the model's Dose values.
 */

import type { OdeSolution } from '../engines/ode/types.js';
import { solve } from '../engines/solve.js';
import { ModelError } from '../errors.js';
import { modelOf } from '../model/compile.js';
import { administrations as doseTimes } from '../model/doses.js';
import type { Dose } from '../model/types.js';
import type { Problem } from '../problem/types.js';

export interface Administration {
  readonly t: number;
  readonly target: string;
  readonly amount: number;
}

/** Expands bolus Dose values into administrations sorted by time. */
export function administrations(doses: readonly Dose[]): Administration[] {
  const out: Administration[] = [];
  for (const d of doses) {
    if (d.route !== 'bolus') throw new ModelError(`dose '${d.id}': only bolus doses are applied here`);
    for (const a of doseTimes(d)) out.push({ t: a.t, target: d.target, amount: a.amount });
  }
  return out.sort((a, b) => a.t - b.t);
}

/** A copy of problem.p with named values replaced. */
export function paramVector(
  problem: Problem,
  values: Readonly<Record<string, number>> = {},
  base: Float64Array = problem.p,
): Float64Array {
  const p = Float64Array.from(base);
  for (const [id, v] of Object.entries(values)) {
    const i = problem.paramIndex.get(id);
    if (i === undefined) throw new ModelError(`unknown parameter '${id}'`);
    p[i] = v;
  }
  return p;
}

export function stateSlot(problem: Problem, id: string): number {
  const i = problem.stateIndex.get(id);
  if (i === undefined)
    throw new ModelError(`'${id}' is not a state of model '${modelOf(problem)?.id ?? '?'}'`);
  return i;
}

export interface Trajectory {
  readonly t: Float64Array;
  readonly ids: readonly string[];
  /** Row-major values, like OdeSolution.y. */
  readonly y: Float64Array;
  readonly yEnd: Float64Array;
}

export interface RunOptions {
  readonly p: Float64Array;
  readonly y0?: Float64Array;
  readonly t0?: number;
  readonly tEnd: number;
  /** Output times in [t0, tEnd]; values at a dose time are taken just before the dose. */
  readonly times: ArrayLike<number>;
  readonly outputs: readonly string[];
  readonly doses?: readonly Administration[];
  readonly rtol?: number;
}

import { column } from '../engines/columns.js';

export { column };

/** Solves from t0 to tEnd, applying administrations at their times. */
export function run(problem: Problem, o: RunOptions): Trajectory {
  const t0 = o.t0 ?? 0;
  let y = o.y0 ? Float64Array.from(o.y0) : problem.initialState(o.p);
  const doses = (o.doses ?? []).filter((d) => d.t >= t0 && d.t < o.tEnd);
  const cuts = [...new Set(doses.map((d) => d.t))].filter((t) => t > t0);
  const bounds = [t0, ...cuts, o.tEnd];
  const m = o.outputs.length;
  const tOut: number[] = [];
  const yOut: number[] = [];
  let k = 0;
  const times = Array.from(o.times);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const a = bounds[s]!;
    const b = bounds[s + 1]!;
    for (const d of doses) if (d.t === a) y[stateSlot(problem, d.target)] += d.amount;
    const last = s + 2 === bounds.length;
    const seg: number[] = [];
    while (k < times.length && (times[k]! < b || (last && times[k]! <= b))) seg.push(times[k++]!);
    if (b <= a) continue;
    const sol: OdeSolution = solve(problem, {
      t0: a,
      tEnd: b,
      p: o.p,
      y0: y,
      outputs: o.outputs,
      outputTimes: seg.length ? seg : [b],
      rtol: o.rtol ?? 1e-6,
      atol: 1e-6,
    });
    if (seg.length) {
      for (let i = 0; i < sol.t.length; i++) {
        tOut.push(sol.t[i]!);
        for (let j = 0; j < m; j++) yOut.push(sol.y[i * m + j]!);
      }
    }
    y = Float64Array.from(sol.yEnd);
  }
  return { t: Float64Array.from(tOut), ids: o.outputs, y: Float64Array.from(yOut), yEnd: y };
}

/** Evaluates named observables at one state. */
export function observeAt(
  problem: Problem,
  ids: readonly string[],
  t: number,
  y: Float64Array,
  p: Float64Array,
) {
  const out = new Float64Array(ids.length);
  problem.observe(ids)(t, y, p, out);
  const r: Record<string, number> = {};
  ids.forEach((id, i) => {
    r[id] = out[i]!;
  });
  return r;
}

/**
 * First time the observable `id` reaches `level` (linear interpolation on a daily grid), or NaN if not by
 * tMax. Used to start "established tumor" treatment at a given volume.
 */
export function timeToReach(
  problem: Problem,
  p: Float64Array,
  id: string,
  level: number,
  tMax: number,
  step = 0.5,
): number {
  const times = Array.from({ length: Math.floor(tMax / step) + 1 }, (_, i) => i * step);
  const tr = run(problem, { p, tEnd: tMax, times, outputs: [id] });
  const v = column(tr, id);
  for (let i = 1; i < v.length; i++) {
    if (v[i]! >= level) {
      const f = (level - v[i - 1]!) / (v[i]! - v[i - 1]!);
      return tr.t[i - 1]! + f * (tr.t[i]! - tr.t[i - 1]!);
    }
  }
  return Number.NaN;
}
