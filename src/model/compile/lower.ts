/**
 * Lowering: model-level expressions -> slot expressions, whose only ids are internal slot names
 * `#y<i>`, `#p<i>`, `#w<i>` (or `#v<i>` for the t0 values). Model ids can never start with '#', so
 * the two namespaces cannot collide. Species read as concentrations become `amount / size`; reaction
 * ids become their flux; rateOf(x) is expanded into the expression for dx/dt.
 */
import { ModelError } from '../../errors.js';
import { sMul, sNeg } from '../expr/derivative.js';
import { inlineCalls, substitute } from '../expr/transform.js';
import type { Expr } from '../types.js';
import type { Layout } from './layout.js';

const id = (s: string): Expr => ({ k: 'id', id: s });
const num = (v: number): Expr => ({ k: 'num', v });
const op = (o: 'add' | 'mul' | 'div' | 'sub' | 'neg', ...args: Expr[]): Expr => ({ k: 'op', op: o, args });

/** True when `s` is a model species read as a concentration in math. */
export function readsConcentration(L: Layout, s: string): boolean {
  const sp = L.species.get(s);
  return sp !== undefined && sp.hasOnlySubstanceUnits !== true;
}

/** Model-level expression of d(amount of species s)/dt from reactions and infusions (no rate rule). */
export function amountRate(L: Layout, s: string): Expr {
  const terms: Expr[] = [];
  if (L.reacting.has(s)) {
    // Net stoichiometry per reaction: a catalyst (A + E -> B + E) contributes nothing to E, and
    // 2A -> A contributes -1 * flux once. Variable stoichiometries (ids) stay separate terms.
    for (const r of L.model.reactions) {
      let net = 0;
      for (const [list, sign] of [
        [r.reactants, -1],
        [r.products, 1],
      ] as const) {
        for (const ref of list) {
          if (ref.species !== s) continue;
          if (ref.id === undefined) {
            net += sign * (ref.stoichiometry ?? 1);
            continue;
          }
          const t = sMul(id(ref.id), id(r.id));
          terms.push(sign < 0 ? sNeg(t) : t);
        }
      }
      if (net !== 0) terms.push(sMul(num(net), id(r.id)));
    }
    const cf = L.species.get(s)!.conversionFactor ?? L.model.conversionFactor;
    if (cf !== undefined && terms.length > 0) {
      const sum = terms.length === 1 ? terms[0]! : op('add', ...terms);
      terms.length = 0;
      terms.push(sMul(id(cf), sum));
    }
  }
  for (const d of L.infusions) if (d.target === s) terms.push(id(d.id));
  return terms.length === 0 ? num(0) : terms.length === 1 ? terms[0]! : op('add', ...terms);
}

/** Model-level expression of d x / dt for rateOf(x) (SBML L3V2): in the units x has in math. */
export function rateOfExpr(L: Layout, x: string, depth = 0): Expr {
  if (depth > 32) throw new ModelError(`rateOf('${x}') refers to itself`);
  // A local parameter, already bound to its constant slot by layout(): it never changes.
  if (x.startsWith('#p')) return num(0);
  const sym = L.syms.get(x);
  if (sym === undefined) throw new ModelError(`rateOf(): unknown id '${x}'`);
  if (L.assignRules.has(x))
    throw new ModelError(`rateOf('${x}'): not supported for assignment-rule variables`);
  if (L.algebraic.some((a) => a.variable === x)) {
    throw new ModelError(`rateOf('${x}'): not supported for algebraic-rule variables`);
  }
  const rule = L.rateRules.get(x);
  if (rule !== undefined) return expandRateOf(L, rule, depth + 1);
  if (sym.kind === 'species') {
    const nDot = amountRate(L, x);
    if (!readsConcentration(L, x)) return nDot;
    const c = L.species.get(x)!.compartment;
    const cDot = rateOfExpr(L, c, depth + 1);
    if (cDot.k === 'num' && cDot.v === 0) return op('div', nDot, id(c));
    return op('div', op('sub', nDot, op('mul', id(x), cDot)), id(c));
  }
  if (sym.kind === 'parameter') {
    const ins = L.infusions.filter((d) => d.target === x).map((d) => id(d.id));
    if (ins.length > 0) return ins.length === 1 ? ins[0]! : op('add', ...ins);
  }
  return num(0);
}

/**
 * Replaces every rateOf(x) by its model-level expansion. Inside the first argument of delay() the
 * expansion stays wrapped, as rateOf(<expansion>): a delayed rate reaching back before t0 is 0 (the
 * state does not move before the simulation starts; SBML suite 01401), so delay evaluators need to see
 * where a rate was. The code generator emits the wrapped expansion as is (FunctionBuilder).
 */
export function expandRateOf(L: Layout, e: Expr, depth = 0, inDelay = false): Expr {
  if (e.k === 'op') {
    if (e.op === 'rateOf') {
      const a = e.args[0]!;
      if (a.k !== 'id') throw new ModelError('rateOf() takes a symbol id');
      const x = rateOfExpr(L, a.id, depth);
      return inDelay ? { k: 'op', op: 'rateOf', args: [x] } : x;
    }
    if (e.op === 'delay') {
      const [x, tau] = e.args as [Expr, Expr];
      return {
        k: 'op',
        op: 'delay',
        args: [expandRateOf(L, x, depth, true), expandRateOf(L, tau, depth, inDelay)],
      };
    }
    return { k: 'op', op: e.op, args: e.args.map((x) => expandRateOf(L, x, depth, inDelay)) };
  }
  if (e.k === 'piecewise') {
    return {
      k: 'piecewise',
      pieces: e.pieces.map((p) => ({
        value: expandRateOf(L, p.value, depth, inDelay),
        cond: expandRateOf(L, p.cond, depth, inDelay),
      })),
      ...(e.otherwise !== undefined ? { otherwise: expandRateOf(L, e.otherwise, depth, inDelay) } : {}),
    };
  }
  return e;
}

/** Run-time slot expression for a model id, as math reads it. */
export function symbolSlot(L: Layout, s: string): Expr {
  if (s.startsWith('#')) return id(s);
  const w = L.ruleW.get(s);
  if (w !== undefined) return id(`#w${w}`);
  const sym = L.syms.get(s);
  if (sym === undefined) throw new ModelError(`unknown id '${s}'`);
  if (sym.kind === 'reaction') return id(`#w${L.fluxW[L.model.reactions.findIndex((r) => r.id === s)]}`);
  const yi = L.stateIndex.get(s);
  if (yi !== undefined) {
    if (sym.kind === 'species' && readsConcentration(L, s)) {
      return op('div', id(`#y${yi}`), symbolSlot(L, L.species.get(s)!.compartment));
    }
    return id(`#y${yi}`);
  }
  const pi = L.paramIndex.get(s);
  if (pi !== undefined) return id(`#p${pi}`);
  throw new ModelError(`'${s}' (a ${sym.kind}) has no value here`);
}

/** Lowers a model-level expression to run-time slots. */
export function lower(L: Layout, e: Expr): Expr {
  // Rates and rules arrive inlined from layout(); triggers, delays, priorities and assignments do not.
  return substitute(expandRateOf(L, inlineCalls(e, L.functions)), (s) => symbolSlot(L, s));
}

/** The `#w` slots referenced by a lowered expression, outside delay() (delays evaluate on their own). */
export function wRefs(e: Expr, out: Set<number> = new Set()): Set<number> {
  switch (e.k) {
    case 'id':
      if (e.id.startsWith('#w')) out.add(Number(e.id.slice(2)));
      break;
    case 'op':
      if (e.op === 'delay') wRefs(e.args[1]!, out);
      else for (const a of e.args) wRefs(a, out);
      break;
    case 'piecewise':
      for (const p of e.pieces) {
        wRefs(p.value, out);
        wRefs(p.cond, out);
      }
      if (e.otherwise !== undefined) wRefs(e.otherwise, out);
      break;
    default:
      break;
  }
  return out;
}

/** Maps an internal slot id to its JS slot (`#y3` -> `y[3]`); anything else is an internal error. */
export function slotSource(s: string): string {
  const m = /^#([ypwv])([0-9]+)$/.exec(s);
  if (m === null) throw new ModelError(`internal: unresolved id '${s}'`);
  return `${m[1]}[${m[2]}]`;
}
