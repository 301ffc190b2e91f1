/**
 * Right-hand side rows and the reaction network (stoichiometry, dependency graph); the Jacobian is in jacobian.ts.
 */

import type { Stoichiometry } from '../../problem/types.js';
import { collectIds, some } from '../expr/transform.js';
import type { Expr } from '../types.js';
import type { Layout } from './layout.js';
import { amountRate, lower, rateOfExpr, readsConcentration } from './lower.js';

const ZERO: Expr = { k: 'num', v: 0 };

/** Lowered d y_i / dt for each state component (algebraic rows: the residual), and the mass matrix. */
export function rhsRows(L: Layout): { rows: Expr[]; mass?: Float64Array } {
  const algebraic = new Map(L.algebraic.map((a) => [a.variable, a.math]));
  const infusionIds = new Set(L.infusions.map((d) => d.id));
  const rows = L.stateIds.map((s): Expr => {
    const res = algebraic.get(s);
    if (res !== undefined) return lower(L, res);
    if (infusionIds.has(s)) return ZERO;
    const rule = L.rateRules.get(s);
    const sym = L.syms.get(s)!;
    if (sym.kind === 'species') {
      if (rule === undefined) return lower(L, amountRate(L, s));
      if (!readsConcentration(L, s)) return lower(L, rule);
      // d(amount)/dt = d[S]/dt * V + [S] * dV/dt
      const c = L.species.get(s)!.compartment;
      const cDot = rateOfExpr(L, c);
      const id = (x: string): Expr => ({ k: 'id', id: x });
      const term: Expr = { k: 'op', op: 'mul', args: [rule, id(c)] };
      if (cDot.k === 'num' && cDot.v === 0) return lower(L, term);
      return lower(L, { k: 'op', op: 'add', args: [term, { k: 'op', op: 'mul', args: [id(s), cDot] }] });
    }
    const ins: Expr[] = L.infusions.filter((d) => d.target === s).map((d) => ({ k: 'id', id: d.id }));
    const parts = rule === undefined ? ins : [rule, ...ins];
    if (parts.length === 0) return ZERO;
    return lower(L, parts.length === 1 ? parts[0]! : { k: 'op', op: 'add', args: parts });
  });
  if (L.algebraic.length === 0) return { rows };
  const mass = new Float64Array(L.stateIds.length).fill(1);
  for (const a of L.algebraic) mass[L.stateIndex.get(a.variable)!] = 0;
  return { rows, mass };
}

/** Stoichiometry by reaction (CSR) over state species changed by reactions; variable stoichiometries at their model value. */
export function stoichiometry(L: Layout): { rowPtr: Int32Array; col: Int32Array; val: Float64Array } {
  const rowPtr = [0];
  const col: number[] = [];
  const val: number[] = [];
  for (const r of L.model.reactions) {
    const net = new Map<number, number>();
    for (const [list, sign] of [
      [r.reactants, -1],
      [r.products, 1],
    ] as const) {
      for (const ref of list) {
        if (!L.reacting.has(ref.species)) continue;
        const i = L.stateIndex.get(ref.species);
        if (i === undefined) continue;
        net.set(i, (net.get(i) ?? 0) + sign * (ref.stoichiometry ?? 1));
      }
    }
    for (const [i, v] of [...net].sort((a, b) => a[0] - b[0])) {
      if (v === 0) continue;
      col.push(i);
      val.push(v);
    }
    rowPtr.push(col.length);
  }
  return { rowPtr: Int32Array.from(rowPtr), col: Int32Array.from(col), val: Float64Array.from(val) };
}

/** For each w slot: the state indices it reads (transitively) and whether it reads time / delay / random. */
export function wReads(defs: readonly Expr[]): { ys: Set<number>; time: boolean }[] {
  const memo: ({ ys: Set<number>; time: boolean } | undefined)[] = new Array(defs.length);
  const get = (k: number): { ys: Set<number>; time: boolean } => {
    const m = memo[k];
    if (m !== undefined) return m;
    const r = { ys: new Set<number>(), time: false };
    memo[k] = r;
    const e = defs[k]!;
    r.time = some(e, (n) => n.k === 'time' || (n.k === 'op' && (n.op === 'delay' || n.op === 'rateOf')));
    for (const s of collectIds(e)) {
      if (s.startsWith('#y')) r.ys.add(Number(s.slice(2)));
      else if (s.startsWith('#w')) {
        const sub = get(Number(s.slice(2)));
        for (const y of sub.ys) r.ys.add(y);
        r.time ||= sub.time;
      }
    }
    return r;
  };
  return defs.map((_, k) => get(k));
}

/** dependents(j): reactions whose flux reads a state component that reaction j changes (plus j). */
export function dependents(
  L: Layout,
  stoich: { rowPtr: Int32Array; col: Int32Array },
  reads: readonly { ys: Set<number>; time: boolean }[],
): { rowPtr: Int32Array; col: Int32Array } {
  const m = L.model.reactions.length;
  const rowPtr = [0];
  const col: number[] = [];
  for (let j = 0; j < m; j++) {
    const deps: number[] = [];
    for (let k = 0; k < m; k++) {
      const r = reads[L.fluxW[k]!]!;
      let hit = k === j;
      for (let q = stoich.rowPtr[j]!; !hit && q < stoich.rowPtr[j + 1]!; q++) hit = r.ys.has(stoich.col[q]!);
      if (hit) deps.push(k);
    }
    col.push(...deps);
    rowPtr.push(col.length);
  }
  return { rowPtr: Int32Array.from(rowPtr), col: Int32Array.from(col) };
}

/**
 * Reactants by reaction (the stoichiometry holds only net changes, so A + B -> 2B loses B as a reactant):
 * reaction j consumes val[k] of state y[col[k]] for k in rowPtr[j]..rowPtr[j+1] (species that are not
 * states are left out); order[j] sums the stoichiometries of all its reactants, boundary species included.
 */
export function reactantTable(L: Layout): Stoichiometry & { readonly order: Float64Array } {
  const m = L.model.reactions.length;
  const rowPtr = new Int32Array(m + 1);
  const col: number[] = [];
  const val: number[] = [];
  const order = new Float64Array(m);
  L.model.reactions.forEach((r, j) => {
    for (const ref of r.reactants) {
      const s = ref.stoichiometry ?? 1;
      order[j] += s;
      const i = L.stateIndex.get(ref.species);
      if (i === undefined) continue;
      col.push(i);
      val.push(s);
    }
    rowPtr[j + 1] = col.length;
  });
  return { rowPtr, col: Int32Array.from(col), val: Float64Array.from(val), order };
}
