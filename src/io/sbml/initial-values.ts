/**
 * Values SBML leaves unset because an initial assignment gives them (a compartment size only an
 * initialAssignment sets, common in Level 2 BioModels): the model value still holds a number, the
 * assignment's value at t0, so that it reads, prints and round-trips through JSON as that number
 * rather than NaN. The initial assignment stays in the model and still decides at compile time.
 * Only what depends on constants, parameters and compartment sizes is folded here; an assignment that
 * needs species, rules or delays is left to compile (the value stays NaN until then).
 */
import { evaluate } from '../../model/expr/evaluate.js';
import type { Expr, Model } from '../../model/types.js';

export function foldInitialSizes(m: Model): Model {
  const ia = new Map((m.initialAssignments ?? []).map((a) => [a.variable, a.math] as const));
  if (ia.size === 0) return m;
  const ruled = new Set((m.rules ?? []).flatMap((r) => (r.kind === 'algebraic' ? [] : [r.variable])));
  const known = new Map<string, number>();
  for (const p of m.parameters) known.set(p.id, p.value);
  for (const c of m.compartments) known.set(c.id, c.size);
  const functions = new Map((m.functions ?? []).map((f) => [f.id, f]));
  const memo = new Map<string, number>();
  const busy = new Set<string>();
  const value = (id: string): number => {
    const v0 = known.get(id);
    if (v0 === undefined || ruled.has(id) || busy.has(id)) throw new Error(`not foldable: ${id}`);
    const math: Expr | undefined = ia.get(id);
    if (math === undefined) return v0;
    const hit = memo.get(id);
    if (hit !== undefined) return hit;
    busy.add(id);
    try {
      const v = evaluate(math, { value, time: 0, functions });
      memo.set(id, v);
      return v;
    } finally {
      busy.delete(id);
    }
  };
  const fold = (id: string, current: number): number => {
    if (!Number.isNaN(current) || !ia.has(id)) return current;
    try {
      const v = value(id);
      return Number.isFinite(v) ? v : current;
    } catch {
      return current;
    }
  };
  return {
    ...m,
    compartments: m.compartments.map((c) => {
      const size = fold(c.id, c.size);
      return size === c.size ? c : { ...c, size };
    }),
    parameters: m.parameters.map((p) => {
      const v = fold(p.id, p.value);
      return v === p.value ? p : { ...p, value: v };
    }),
  };
}
