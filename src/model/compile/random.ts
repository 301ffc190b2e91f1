/**
 * Whether a model draws random numbers (SBML distrib) anywhere: rate laws, rules, initial assignments,
 * event triggers, delays, priorities and assignments, directly or through a function definition.
 * Engines use it to draw initial states per run and to install a uniform source.
 */
import { RANDOM } from '../expr/ops.js';
import { some } from '../expr/transform.js';
import type { Expr, Model } from '../types.js';

export function modelUsesRandom(model: Model): boolean {
  // Function bodies may call earlier definitions only, so one pass in order sees every indirect draw.
  const randomFns = new Set<string>();
  const draws = (e: Expr): boolean =>
    some(e, (x) => (x.k === 'op' && RANDOM.has(x.op)) || (x.k === 'call' && randomFns.has(x.fn)));
  for (const f of model.functions ?? []) if (draws(f.body)) randomFns.add(f.id);
  const exprs: Expr[] = [
    ...model.reactions.map((r) => r.rate),
    ...(model.rules ?? []).map((r) => r.math),
    ...(model.initialAssignments ?? []).map((a) => a.math),
  ];
  for (const e of model.events ?? []) {
    exprs.push(e.trigger, ...e.assignments.map((a) => a.math));
    if (e.delay !== undefined) exprs.push(e.delay);
    if (e.priority !== undefined) exprs.push(e.priority);
  }
  return exprs.some(draws);
}
