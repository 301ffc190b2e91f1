/**
 * Symbolic partial derivative d e / d x with light algebraic simplification (zeros and ones folded),
 * for the analytic Jacobian. Piecewise expressions are differentiated piece by piece (conditions kept);
 * abs, min and max become piecewise. Returns null when a node that depends on x has no usable derivative
 * (floor, ceil, factorial, quotient, rem, random draws, delay, rateOf, unexpanded calls): the compiler
 * then leaves the Jacobian to finite differences. Function calls must be inlined first.
 */
import { RANDOM } from './ops.js';
import { some } from './transform.js';
import type { BuiltinOp, Expr } from './types.js';

const ZERO: Expr = { k: 'num', v: 0 };
const ONE: Expr = { k: 'num', v: 1 };
const num = (v: number): Expr => ({ k: 'num', v });
const isNum = (e: Expr, v: number): boolean => e.k === 'num' && e.v === v;
const op = (o: BuiltinOp, ...args: Expr[]): Expr => ({ k: 'op', op: o, args });

/** Simplifying constructors. */
export function sAdd(...terms: Expr[]): Expr {
  const out: Expr[] = [];
  let c = 0;
  for (const t of terms) {
    if (t.k === 'num') c += t.v;
    else if (t.k === 'op' && t.op === 'add') out.push(...t.args);
    else out.push(t);
  }
  if (c !== 0 || Number.isNaN(c)) out.push(num(c));
  return out.length === 0 ? ZERO : out.length === 1 ? out[0]! : op('add', ...out);
}

export function sMul(...factors: Expr[]): Expr {
  const out: Expr[] = [];
  let c = 1;
  for (const f of factors) {
    if (f.k === 'num') c *= f.v;
    else if (f.k === 'op' && f.op === 'mul') out.push(...f.args);
    else out.push(f);
  }
  if (c === 0) return ZERO;
  if (out.length === 0) return num(c);
  if (c === -1) return sNeg(out.length === 1 ? out[0]! : op('mul', ...out));
  if (c !== 1) out.unshift(num(c));
  return out.length === 1 ? out[0]! : op('mul', ...out);
}

export function sNeg(a: Expr): Expr {
  if (a.k === 'num') return num(-a.v);
  if (a.k === 'op' && a.op === 'neg') return a.args[0]!;
  return op('neg', a);
}

export function sSub(a: Expr, b: Expr): Expr {
  if (isNum(b, 0)) return a;
  if (isNum(a, 0)) return sNeg(b);
  if (a.k === 'num' && b.k === 'num') return num(a.v - b.v);
  return op('sub', a, b);
}

export function sDiv(a: Expr, b: Expr): Expr {
  if (isNum(a, 0)) return ZERO;
  if (isNum(b, 1)) return a;
  return op('div', a, b);
}

export function sPow(a: Expr, b: Expr): Expr {
  if (isNum(b, 1)) return a;
  if (isNum(b, 0)) return ONE;
  return op('pow', a, b);
}

const NON_DIFFERENTIABLE: ReadonlySet<string> = new Set([
  'floor',
  'ceil',
  'factorial',
  'quotient',
  'rem',
  'delay',
  'rateOf',
  ...RANDOM,
]);
const BOOLEAN: ReadonlySet<string> = new Set([
  'eq',
  'neq',
  'lt',
  'le',
  'gt',
  'ge',
  'and',
  'or',
  'xor',
  'not',
  'implies',
]);

/** Reciprocal inverse functions rewritten through their base function: arcsec(u) = arccos(1/u), ... */
const RECIP: Partial<Record<BuiltinOp, BuiltinOp>> = {
  arcsec: 'arccos',
  arccsc: 'arcsin',
  arccot: 'arctan',
  arcsech: 'arccosh',
  arccsch: 'arcsinh',
  arccoth: 'arctanh',
};

/** d e / d x, or null when not differentiable symbolically. */
export function derivative(e: Expr, x: string): Expr | null {
  if (!some(e, (n) => n.k === 'id' && n.id === x)) return ZERO;
  switch (e.k) {
    case 'id':
      return e.id === x ? ONE : ZERO;
    case 'num':
    case 'const':
    case 'time':
    case 'call':
      return e.k === 'call' ? null : ZERO;
    case 'piecewise': {
      const pieces: { value: Expr; cond: Expr }[] = [];
      for (const p of e.pieces) {
        const d = derivative(p.value, x);
        if (d === null) return null;
        pieces.push({ value: d, cond: p.cond });
      }
      if (e.otherwise === undefined) return { k: 'piecewise', pieces };
      const o = derivative(e.otherwise, x);
      return o === null ? null : { k: 'piecewise', pieces, otherwise: o };
    }
    case 'op':
      return dOp(e.op, e.args, x);
  }
}

function dOp(o: BuiltinOp, args: readonly Expr[], x: string): Expr | null {
  if (BOOLEAN.has(o)) return ZERO;
  if (NON_DIFFERENTIABLE.has(o)) return null;
  const recip = RECIP[o];
  if (recip !== undefined) return derivative(op(recip, sDiv(ONE, args[0]!)), x);
  const ds: Expr[] = [];
  for (const a of args) {
    const d = derivative(a, x);
    if (d === null) return null;
    ds.push(d);
  }
  const u = args[0]!;
  const du = ds[0]!;
  const chain = (outer: Expr): Expr => sMul(outer, du);
  switch (o) {
    case 'add':
      return sAdd(...ds);
    case 'sub':
      return args.length === 1 ? sNeg(du) : sSub(du, ds[1]!);
    case 'neg':
      return sNeg(du);
    case 'mul':
      return sAdd(...args.map((_, i) => sMul(ds[i]!, ...args.filter((_a, j) => j !== i))));
    case 'div': {
      const v = args[1]!;
      const dv = ds[1]!;
      if (isNum(dv, 0)) return sDiv(du, v);
      return sDiv(sSub(sMul(du, v), sMul(u, dv)), sPow(v, num(2)));
    }
    case 'pow': {
      const v = args[1]!;
      const dv = ds[1]!;
      if (isNum(dv, 0)) {
        const vm1 = v.k === 'num' ? num(v.v - 1) : sSub(v, ONE);
        return sMul(v, sPow(u, vm1), du);
      }
      if (isNum(du, 0)) return sMul(op('pow', u, v), op('ln', u), dv);
      return sMul(op('pow', u, v), sAdd(sMul(dv, op('ln', u)), sDiv(sMul(v, du), u)));
    }
    case 'root': {
      if (args.length === 1) return sDiv(du, sMul(num(2), op('sqrt', u)));
      return derivative(op('pow', args[1]!, sDiv(ONE, u)), x);
    }
    case 'exp':
      return chain(op('exp', u));
    case 'ln':
      return sDiv(du, u);
    case 'log10':
      return sDiv(du, sMul(u, num(Math.LN10)));
    case 'log':
      return derivative(sDiv(op('ln', args[1]!), op('ln', u)), x);
    case 'sqrt':
      return sDiv(du, sMul(num(2), op('sqrt', u)));
    case 'abs':
      return {
        k: 'piecewise',
        pieces: [
          { value: du, cond: op('gt', u, ZERO) },
          { value: sNeg(du), cond: op('lt', u, ZERO) },
        ],
        otherwise: ZERO,
      };
    case 'min':
    case 'max': {
      const rel: BuiltinOp = o === 'max' ? 'ge' : 'le';
      const pieces = args.slice(0, -1).map((a, i) => ({
        value: ds[i]!,
        cond: op('and', ...args.filter((_b, j) => j !== i).map((b) => op(rel, a, b))),
      }));
      return { k: 'piecewise', pieces, otherwise: ds[ds.length - 1]! };
    }
    case 'sin':
      return chain(op('cos', u));
    case 'cos':
      return sNeg(chain(op('sin', u)));
    case 'tan':
      return sDiv(du, sPow(op('cos', u), num(2)));
    case 'sec':
      return chain(sMul(op('sec', u), op('tan', u)));
    case 'csc':
      return sNeg(chain(sMul(op('csc', u), op('cot', u))));
    case 'cot':
      return sNeg(sDiv(du, sPow(op('sin', u), num(2))));
    case 'sinh':
      return chain(op('cosh', u));
    case 'cosh':
      return chain(op('sinh', u));
    case 'tanh':
      return sDiv(du, sPow(op('cosh', u), num(2)));
    case 'sech':
      return sNeg(chain(sMul(op('sech', u), op('tanh', u))));
    case 'csch':
      return sNeg(chain(sMul(op('csch', u), op('coth', u))));
    case 'coth':
      return sNeg(sDiv(du, sPow(op('sinh', u), num(2))));
    case 'arcsin':
      return sDiv(du, op('sqrt', sSub(ONE, sPow(u, num(2)))));
    case 'arccos':
      return sNeg(sDiv(du, op('sqrt', sSub(ONE, sPow(u, num(2))))));
    case 'arctan':
      return sDiv(du, sAdd(ONE, sPow(u, num(2))));
    case 'arcsinh':
      return sDiv(du, op('sqrt', sAdd(sPow(u, num(2)), ONE)));
    case 'arccosh':
      return sDiv(du, op('sqrt', sSub(sPow(u, num(2)), ONE)));
    case 'arctanh':
      return sDiv(du, sSub(ONE, sPow(u, num(2))));
    default:
      return null;
  }
}
