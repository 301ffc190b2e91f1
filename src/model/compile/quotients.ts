/**
 * Common-subexpression elimination of the concentrations: a species read as a concentration lowers to
 * `y_i / size` in every rate and rule that reads it (lower.ts symbolSlot). In networks of complexes that is
 * the same division many times per right-hand side (SalazarCavazos_MBoC2020: 618 rates over 75 states).
 * Each quotient used at least twice becomes a work slot of its own, defined once and read by the others,
 * so the generated prelude computes it once per call (the FunctionBuilder orders slots by dependency).
 * The values are the same divisions, so the right-hand side is bit for bit what it was.
 * Quotients inside delay() stay where they are: a delayed argument is evaluated at a past state.
 */
import type { Expr } from '../types.js';

const isSlot = (e: Expr): boolean => e.k === 'num' || (e.k === 'id' && /^#[ypw][0-9]+$/.test(e.id));
const isQuotient = (e: Expr): boolean =>
  e.k === 'op' &&
  e.op === 'div' &&
  e.args.length === 2 &&
  e.args[0]!.k === 'id' &&
  e.args[0]!.id.startsWith('#y') &&
  isSlot(e.args[1]!);
const keyOf = (e: Expr): string => JSON.stringify(e);

function visit(e: Expr, f: (q: Expr) => Expr | undefined): Expr {
  if (isQuotient(e)) return f(e) ?? e;
  switch (e.k) {
    case 'op':
      if (e.op === 'delay') return e;
      return { k: 'op', op: e.op, args: e.args.map((a) => visit(a, f)) };
    case 'call':
      return { k: 'call', fn: e.fn, args: e.args.map((a) => visit(a, f)) };
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({ value: visit(p.value, f), cond: visit(p.cond, f) })),
        ...(e.otherwise !== undefined ? { otherwise: visit(e.otherwise, f) } : {}),
      };
    default:
      return e;
  }
}

/**
 * The work-slot definitions with every repeated quotient moved to a new slot (appended after the
 * existing ones, named `[y_i / size]` after the state for error messages).
 */
export function hoistQuotients(
  wDefs: readonly Expr[],
  wNames: readonly string[],
  stateIds: readonly string[],
): { wDefs: Expr[]; wNames: string[] } {
  const count = new Map<string, number>();
  for (const e of wDefs) {
    visit(e, (q) => {
      const k = keyOf(q);
      count.set(k, (count.get(k) ?? 0) + 1);
      return undefined;
    });
  }
  const slot = new Map<string, number>();
  const defs = [...wDefs];
  const names = [...wNames];
  const hoisted = (q: Expr): Expr | undefined => {
    const k = keyOf(q);
    if ((count.get(k) ?? 0) < 2) return undefined;
    let s = slot.get(k);
    if (s === undefined) {
      s = defs.length;
      slot.set(k, s);
      defs.push(q);
      const y = q.k === 'op' && q.args[0]!.k === 'id' ? q.args[0]!.id : '';
      names.push(`[${stateIds[Number(y.slice(2))] ?? y} / size]`);
    }
    return { k: 'id', id: `#w${s}` };
  };
  const n = wDefs.length;
  for (let k = 0; k < n; k++) defs[k] = visit(wDefs[k]!, hoisted);
  return { wDefs: defs, wNames: names };
}
