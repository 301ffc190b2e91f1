/**
 * The initial state (SBML L3 semantics at t0): initial assignments, assignment rules and declared values
 * are evaluated together in one dependency order; species values are converted to amounts with their
 * compartment's t0 size. Compiled to one function `(t, p, v, y)`; `v` holds each symbol's t0 value as
 * math reads it (concentration for species unless hasOnlySubstanceUnits).
 */
import { ModelError } from '../../errors.js';
import { collectIds, substitute } from '../expr/transform.js';
import type { Expr } from '../types.js';
import { findCycle } from '../validate.js';
import type { FunctionBuilder } from './functions.js';
import type { Layout } from './layout.js';
import { expandRateOf, readsConcentration } from './lower.js';

const id = (s: string): Expr => ({ k: 'id', id: s });
const num = (v: number): Expr => ({ k: 'num', v });

/** rateOf(x) before t0 is 0: nothing moves before the simulation starts. */
function zeroRateOf(e: Expr): Expr {
  if (e.k === 'op') {
    if (e.op === 'rateOf') return num(0);
    return { k: 'op', op: e.op, args: e.args.map(zeroRateOf) };
  }
  if (e.k === 'piecewise') {
    return {
      k: 'piecewise',
      pieces: e.pieces.map((p) => ({ value: zeroRateOf(p.value), cond: zeroRateOf(p.cond) })),
      ...(e.otherwise !== undefined ? { otherwise: zeroRateOf(e.otherwise) } : {}),
    };
  }
  return e;
}

/** delay(x, tau) at t0 is x at t0. */
function dropDelays(e: Expr): Expr {
  if (e.k === 'op') {
    if (e.op === 'delay') return dropDelays(e.args[0]!);
    return { k: 'op', op: e.op, args: e.args.map(dropDelays) };
  }
  if (e.k === 'piecewise') {
    return {
      k: 'piecewise',
      pieces: e.pieces.map((p) => ({ value: dropDelays(p.value), cond: dropDelays(p.cond) })),
      ...(e.otherwise !== undefined ? { otherwise: dropDelays(e.otherwise) } : {}),
    };
  }
  return e;
}

/**
 * Source of the body of `init(t, p, v, y)`, and the v slot of every symbol. With `before`, the values
 * the model had at a time t before t0, as delay() reads them (SBML suite 00938-00943): initial
 * assignments evaluated at that time, every rateOf 0.
 */
export function initialBody(
  L: Layout,
  fb: FunctionBuilder,
  options: { before?: boolean } = {},
): { body: string; nV: number; slot: ReadonlyMap<string, number> } {
  const defs = new Map<string, Expr>();
  const m = L.model;
  for (const s of m.species) {
    const conc = readsConcentration(L, s.id);
    const given = s.initialKind ?? 'amount';
    const c = id(s.compartment);
    let e: Expr = num(s.initial);
    if (given === 'amount' && conc) e = { k: 'op', op: 'div', args: [e, c] };
    if (given === 'concentration' && !conc) e = { k: 'op', op: 'mul', args: [e, c] };
    defs.set(s.id, e);
  }
  for (const [pid, k] of L.paramIndex) if (!pid.includes('.')) defs.set(pid, id(`#p${k}`));
  m.reactions.forEach((r, j) => {
    defs.set(r.id, L.rates[j]!);
  });
  for (const d of L.infusions) defs.set(d.id, num(0));
  for (const [v, e] of L.assignRules) defs.set(v, e);
  for (const [v, e] of L.initialAssignments) defs.set(v, e);
  for (const [k, e] of defs) defs.set(k, dropDelays(options.before ? zeroRateOf(e) : expandRateOf(L, e)));

  const cycle = findCycle(defs);
  if (cycle !== null) {
    throw new ModelError(`cycle in initial assignments and rules: ${cycle.join(' -> ')}`, {
      path: 'initialAssignments',
    });
  }
  const slot = new Map<string, number>();
  const order: string[] = [];
  const visit = (s: string): void => {
    if (slot.has(s) || !defs.has(s)) return;
    slot.set(s, -1);
    for (const dep of collectIds(defs.get(s)!)) visit(dep);
    slot.set(s, order.length);
    order.push(s);
  };
  for (const s of defs.keys()) visit(s);
  const lines: string[] = [];
  for (const s of order) {
    const e = substitute(defs.get(s)!, (x) => (x.startsWith('#') ? undefined : id(`#v${slot.get(x)}`)));
    lines.push(`v[${slot.get(s)}] = ${fb.num(e)};`);
  }
  L.stateIds.forEach((s, i) => {
    const k = slot.get(s)!;
    const sp = L.species.get(s);
    if (sp !== undefined && readsConcentration(L, s))
      lines.push(`y[${i}] = v[${k}] * v[${slot.get(sp.compartment)}];`);
    else lines.push(`y[${i}] = v[${k}];`);
  });
  return { body: lines.join('\n'), nV: order.length, slot };
}
