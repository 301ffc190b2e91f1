/**
 * Discontinuities in time that the math states outright: a piecewise (or any relational) comparing
 * `time` with a value fixed before the run (numbers, constant parameters and compartments nothing
 * assigns) switches at that value, and the integrator should step exactly onto it rather than across
 * it. Without these stops a step longer than a pulse skips it: BIOMD0000000162 (calcium pulses
 * `piecewise(p0 exp(-(t - delta) Ks), t >= delta, ...)` in an assignment rule) lost its first Ca peak.
 * Thresholds that depend on anything that can change (events, rules, initial assignments) are left to
 * the error control, as before; events' triggers are located by root finding and need none of this.
 */
import { evaluate } from '../expr/evaluate.js';
import type { Expr, Model } from '../types.js';

const RELATIONAL = new Set(['lt', 'le', 'gt', 'ge', 'eq', 'neq']);

/**
 * Switch times found in reaction rates and rules, for a parameter vector: one per threshold, in a stable
 * order (so that the sensitivity engine can difference each by the parameters, engines/sensitivityJump.ts);
 * may repeat, be non-finite or lie before the start. Thresholds may read constant parameters (through `paramIndex`,
 * so that a solve with other parameters, such as a PEtab condition's `Fsk_time`, stops at its own switch
 * times) and fixed compartments.
 */
export function timeBreaks(
  model: Model,
  paramIndex: ReadonlyMap<string, number>,
): (p: Float64Array) => Float64Array {
  const fixed = new Map<string, number>();
  const changing = new Set<string>([
    ...(model.rules ?? []).flatMap((r) => (r.kind === 'algebraic' ? [] : [r.variable])),
    ...(model.initialAssignments ?? []).map((a) => a.variable),
    ...(model.events ?? []).flatMap((e) => e.assignments.map((a) => a.variable)),
  ]);
  const params = new Set<string>();
  for (const p of model.parameters) {
    if (p.constant !== false && !changing.has(p.id)) {
      fixed.set(p.id, p.value);
      if (paramIndex.has(p.id)) params.add(p.id);
    }
  }
  for (const c of model.compartments)
    if (c.constant !== false && !changing.has(c.id)) fixed.set(c.id, c.size);
  let pNow: Float64Array | null = null;
  const value = (id: string): number => {
    if (pNow !== null && params.has(id)) return pNow[paramIndex.get(id)!]!;
    const v = fixed.get(id);
    if (v === undefined) throw new Error('not fixed');
    return v;
  };
  const found: Expr[] = [];
  const threshold = (e: Expr): void => {
    try {
      if (Number.isFinite(evaluate(e, { value }))) found.push(e);
    } catch {
      // depends on something that varies: no stop
    }
  };
  const visit = (e: Expr): void => {
    if (e.k === 'op') {
      if (RELATIONAL.has(e.op) && e.args.length === 2) {
        const [a, b] = e.args as [Expr, Expr];
        const x = crossing(a, b) ?? crossing(b, a);
        if (x !== null) threshold(x);
      }
      for (const x of e.args) visit(x);
    } else if (e.k === 'call') for (const x of e.args) visit(x);
    else if (e.k === 'piecewise') {
      for (const p of e.pieces) {
        visit(p.value);
        visit(p.cond);
      }
      if (e.otherwise) visit(e.otherwise);
    }
  };
  for (const r of model.reactions) visit(r.rate);
  for (const r of model.rules ?? []) visit(r.math);
  return (p) => {
    pNow = p;
    const out = Float64Array.from(found, (e) => evaluate(e, { value }));
    pNow = null;
    return out;
  };
}

const op = (name: 'add' | 'sub', x: Expr, y: Expr): Expr => ({ k: 'op', op: name, args: [x, y] });

/**
 * The time at which `side` (time, time + X, time - X or X - time) equals `other`, or null: PEtab models
 * write switches as `time - Fsk_time < 0` (Isensee_JCB2018).
 */
function crossing(side: Expr, other: Expr): Expr | null {
  if (side.k === 'time') return other;
  if (side.k !== 'op' || side.args.length !== 2) return null;
  const [x, y] = side.args as [Expr, Expr];
  if (side.op === 'sub' && x.k === 'time') return op('add', other, y);
  if (side.op === 'sub' && y.k === 'time') return op('sub', x, other);
  if (side.op === 'add' && x.k === 'time') return op('sub', other, y);
  if (side.op === 'add' && y.k === 'time') return op('sub', other, x);
  return null;
}
