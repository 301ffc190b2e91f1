/**
 * Algebraic simplification for generated code (Jacobian entries, right-hand side rows): sums collect like
 * terms (c1 X + c2 X -> (c1 + c2) X, dropping X when the coefficients cancel), products and sums fold their
 * numeric constants, and neutral elements (x + 0, 1 * x, x / 1, x ^ 1) disappear.
 *
 * These are the identities of real arithmetic, not of IEEE doubles: X - X becomes 0 even where X is
 * infinite or NaN, 0 * X becomes 0, and folded constants reassociate (2 * (3 * x) -> 6 * x). The results
 * agree with the unsimplified tree to rounding wherever the latter is finite (property-tested against
 * evaluate.ts). Terms containing random draws are never merged: each draw is a separate value.
 */
import { RANDOM } from './ops.js';
import { some } from './transform.js';
import type { BuiltinOp, Expr } from './types.js';

const ZERO: Expr = { k: 'num', v: 0 };
const num = (v: number): Expr => ({ k: 'num', v });
const op = (o: BuiltinOp, args: readonly Expr[]): Expr => ({ k: 'op', op: o, args });

const draws = (e: Expr): boolean => some(e, (n) => n.k === 'op' && RANDOM.has(n.op));

/** Simplified copy of `e` (shares unchanged subtrees). */
export function simplify(e: Expr): Expr {
  switch (e.k) {
    case 'op':
      return simplifyOp(e.op, e.args.map(simplify));
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({ value: simplify(p.value), cond: simplify(p.cond) })),
        ...(e.otherwise !== undefined ? { otherwise: simplify(e.otherwise) } : {}),
      };
    default:
      return e;
  }
}

function simplifyOp(o: BuiltinOp, args: Expr[]): Expr {
  switch (o) {
    case 'add':
      return sum(args.map((a) => [1, a] as [number, Expr]));
    case 'sub':
      return args.length === 1
        ? negate(args[0]!)
        : sum([
            [1, args[0]!],
            [-1, args[1]!],
          ]);
    case 'neg':
      return negate(args[0]!);
    case 'mul':
      return product(args);
    case 'div': {
      const [a, b] = args as [Expr, Expr];
      if (b.k === 'num' && b.v === 1) return a;
      if (a.k === 'num' && a.v === 0) return ZERO;
      if (a.k === 'num' && b.k === 'num') return num(a.v / b.v);
      return op('div', args);
    }
    case 'pow': {
      const [a, b] = args as [Expr, Expr];
      if (b.k === 'num' && b.v === 1) return a;
      if (b.k === 'num' && b.v === 0) return num(1);
      if (a.k === 'num' && b.k === 'num') return num(a.v ** b.v);
      return op('pow', args);
    }
    default:
      return op(o, args);
  }
}

/** c * X split into its numeric coefficient and the rest (null rest: a pure number). */
function split(e: Expr): [number, Expr | null] {
  if (e.k === 'num') return [e.v, null];
  if (e.k === 'op' && e.op === 'neg') {
    const [c, x] = split(e.args[0]!);
    return [-c, x];
  }
  if (e.k === 'op' && e.op === 'mul' && e.args[0]!.k === 'num') {
    const rest = e.args.slice(1);
    return [e.args[0].v, rest.length === 1 ? rest[0]! : op('mul', rest)];
  }
  return [1, e];
}

/** Scaled term c * x, in the canonical shapes emitted above (x, -x, c * x...). */
function scale(c: number, x: Expr): Expr {
  if (c === 1) return x;
  if (c === -1) return op('neg', [x]);
  if (x.k === 'op' && x.op === 'mul') return op('mul', [num(c), ...x.args]);
  return op('mul', [num(c), x]);
}

/** Sum of c_i * t_i with like terms collected; constants summed last. */
function sum(terms: readonly [number, Expr][]): Expr {
  const coef = new Map<string, { c: number; x: Expr }>();
  let k = 0;
  let constant = 0;
  const visit = (c: number, e: Expr): void => {
    if (e.k === 'op' && e.op === 'add') {
      for (const a of e.args) visit(c, a);
      return;
    }
    const [c0, x] = split(e);
    if (x === null) {
      constant += c * c0;
      return;
    }
    const key = draws(x) ? `#draw${k++}` : JSON.stringify(x);
    const prev = coef.get(key);
    if (prev === undefined) coef.set(key, { c: c * c0, x });
    else prev.c += c * c0;
  };
  for (const [c, e] of terms) visit(c, e);
  const out: Expr[] = [];
  for (const { c, x } of coef.values()) if (c !== 0) out.push(scale(c, x));
  if (constant !== 0 || Number.isNaN(constant)) out.push(num(constant));
  return out.length === 0 ? ZERO : out.length === 1 ? out[0]! : op('add', out);
}

function negate(a: Expr): Expr {
  const [c, x] = split(a);
  return x === null ? num(-c) : scale(-c, x);
}

/** Product with numeric factors (and signs of negated factors) folded into one leading coefficient. */
function product(factors: readonly Expr[]): Expr {
  let c = 1;
  const out: Expr[] = [];
  const visit = (e: Expr): void => {
    if (e.k === 'op' && e.op === 'mul') for (const a of e.args) visit(a);
    else if (e.k === 'num') c *= e.v;
    else if (e.k === 'op' && e.op === 'neg') {
      c = -c;
      visit(e.args[0]!);
    } else out.push(e);
  };
  for (const f of factors) visit(f);
  if (c === 0 || out.length === 0) return num(c);
  return scale(c, out.length === 1 ? out[0]! : op('mul', out));
}
