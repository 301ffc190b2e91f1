/**
 * Model-wide facts about random draws (SBML distrib): whether a model draws at all, and which parameters
 * serve only as truncation bounds (where an infinite value is meaningful).
 */
import { RANDOM, TRUNCATION_BOUNDS } from '../expr/ops.js';
import { some } from '../expr/transform.js';
import type { Expr, Model } from '../types.js';

/** Every expression of the model outside function definitions. */
function modelExprs(model: Model): Expr[] {
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
  return exprs;
}

/**
 * Whether a model draws random numbers anywhere: rate laws, rules, initial assignments, event triggers,
 * delays, priorities and assignments, directly or through a function definition. Engines use it to draw
 * initial states per run and to install a uniform source.
 */
export function modelUsesRandom(model: Model): boolean {
  // Function bodies may call earlier definitions only, so one pass in order sees every indirect draw.
  const randomFns = new Set<string>();
  const draws = (e: Expr): boolean =>
    some(e, (x) => (x.k === 'op' && RANDOM.has(x.op)) || (x.k === 'call' && randomFns.has(x.fn)));
  for (const f of model.functions ?? []) if (draws(f.body)) randomFns.add(f.id);
  return modelExprs(model).some(draws);
}

/**
 * Ids referenced in model math only as truncation bounds of random draws (directly or negated), never
 * anywhere else: the one place where a value of +-Infinity is well defined (an open side), so validation
 * may accept it there while still rejecting NaN and infinities elsewhere.
 */
export function truncationBoundIds(model: Model): Set<string> {
  const bound = new Set<string>();
  const other = new Set<string>();
  const visit = (e: Expr, asBound: boolean): void => {
    switch (e.k) {
      case 'id':
        (asBound ? bound : other).add(e.id);
        return;
      case 'op': {
        const b = TRUNCATION_BOUNDS[e.op];
        e.args.forEach((a, i) => {
          visit(a, (b !== undefined && (i === b || i === b + 1)) || (asBound && e.op === 'neg'));
        });
        return;
      }
      case 'call':
        for (const a of e.args) visit(a, false);
        return;
      case 'piecewise':
        for (const p of e.pieces) {
          visit(p.value, false);
          visit(p.cond, false);
        }
        if (e.otherwise !== undefined) visit(e.otherwise, false);
        return;
      default:
        return;
    }
  };
  for (const e of modelExprs(model)) visit(e, false);
  for (const id of other) bound.delete(id);
  return bound;
}
