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

/** Switch times in (t0, infinity) found in reaction rates and rules; unsorted, may repeat. */
export function timeBreaks(model: Model, t0: number): number[] {
  const fixed = new Map<string, number>();
  const changing = new Set<string>([
    ...(model.rules ?? []).flatMap((r) => (r.kind === 'algebraic' ? [] : [r.variable])),
    ...(model.initialAssignments ?? []).map((a) => a.variable),
    ...(model.events ?? []).flatMap((e) => e.assignments.map((a) => a.variable)),
  ]);
  for (const p of model.parameters) if (p.constant !== false && !changing.has(p.id)) fixed.set(p.id, p.value);
  for (const c of model.compartments)
    if (c.constant !== false && !changing.has(c.id)) fixed.set(c.id, c.size);
  const value = (id: string): number => {
    const v = fixed.get(id);
    if (v === undefined) throw new Error('not fixed');
    return v;
  };
  const out: number[] = [];
  const threshold = (e: Expr): void => {
    try {
      const v = evaluate(e, { value });
      if (Number.isFinite(v) && v > t0) out.push(v);
    } catch {
      // depends on something that varies: no stop
    }
  };
  const visit = (e: Expr): void => {
    if (e.k === 'op') {
      if (RELATIONAL.has(e.op) && e.args.length === 2) {
        const [a, b] = e.args as [Expr, Expr];
        if (a.k === 'time') threshold(b);
        else if (b.k === 'time') threshold(a);
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
  return out;
}
