/** Seeded random expression trees for property tests (a 32-bit LCG, Numerical Recipes constants). */
import { emitNumber } from '../../src/model/expr/codegen.js';
import { evaluate } from '../../src/model/expr/evaluate.js';
import type { Helpers } from '../../src/model/expr/runtime.js';
import type { BuiltinOp, Expr } from '../../src/model/expr/types.js';

export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const NUM_OPS: BuiltinOp[] = [
  'add',
  'sub',
  'mul',
  'div',
  'pow',
  'neg',
  'exp',
  'ln',
  'sqrt',
  'sin',
  'cos',
  'tanh',
  'abs',
  'min',
  'max',
  'arctan',
  'log10',
  'log',
  'root',
  'cosh',
  'sec',
  'arcsinh',
];
const BOOL_OPS: BuiltinOp[] = ['lt', 'le', 'gt', 'ge', 'eq', 'neq', 'and', 'or', 'xor', 'not'];
const ARITY_OF = (op: BuiltinOp, r: () => number): number => {
  if (
    op === 'add' ||
    op === 'mul' ||
    op === 'min' ||
    op === 'max' ||
    op === 'and' ||
    op === 'or' ||
    op === 'xor'
  )
    return 2 + Math.floor(r() * 2);
  if (['sub', 'div', 'pow', 'lt', 'le', 'gt', 'ge', 'eq', 'neq', 'log', 'root'].includes(op)) return 2;
  return 1;
};

export interface GenOptions {
  readonly ids: readonly string[];
  /** Include boolean operators and piecewise. */
  readonly logic?: boolean;
  /** Include time. */
  readonly time?: boolean;
}

/** A random tree of depth at most `depth`. */
export function randomExpr(r: () => number, depth: number, o: GenOptions): Expr {
  if (depth <= 0 || r() < 0.2) {
    const u = r();
    if (u < 0.35) return { k: 'num', v: Math.round((r() * 4 - 1) * 100) / 100 };
    if (u < 0.4) return { k: 'const', name: r() < 0.5 ? 'pi' : 'e' };
    if (o.time && u < 0.45) return { k: 'time' };
    return { k: 'id', id: o.ids[Math.floor(r() * o.ids.length)]! };
  }
  if (o.logic && r() < 0.1) {
    return {
      k: 'piecewise',
      pieces: [{ value: randomExpr(r, depth - 1, o), cond: randomExpr(r, depth - 1, o) }],
      ...(r() < 0.7 ? { otherwise: randomExpr(r, depth - 1, o) } : {}),
    };
  }
  const pool = o.logic && r() < 0.25 ? BOOL_OPS : NUM_OPS;
  const op = pool[Math.floor(r() * pool.length)]!;
  const n = ARITY_OF(op, r);
  const args: Expr[] = [];
  for (let i = 0; i < n; i++) args.push(randomExpr(r, depth - 1, o));
  return { k: 'op', op, args };
}

/** A generated number function over (t, y, H) with ids mapped to y slots, as the compiler would emit it. */
export type TreeFn = (t: number, y: Float64Array, H: unknown) => number;

/** Emits `e` with `emitNumber` (ids resolved to y[i] in the order of `ids`) and compiles it for comparison. */
export function compileTree(e: Expr, ids: readonly string[]): TreeFn {
  const index = new Map(ids.map((id, i) => [id, i]));
  const code = emitNumber(e, { resolve: (id) => `y[${index.get(id)}]` });
  return new Function('t', 'y', 'H', `return ${code};`) as TreeFn;
}

/** Random state and time for `ids`, and the reference interpreter's value of `e` there. */
export function randomPoint(
  r: () => number,
  e: Expr,
  ids: readonly string[],
  H: Helpers,
): { t: number; y: Float64Array; want: number } {
  const index = new Map(ids.map((id, i) => [id, i]));
  const y = Float64Array.from(ids, () => r() * 4 - 1);
  const t = r() * 3;
  const want = evaluate(e, { value: (id) => y[index.get(id)!]!, time: t, helpers: H });
  return { t, y, want };
}
