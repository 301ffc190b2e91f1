/**
 * A reference tree interpreter: slow, obviously correct, and the oracle that generated code is tested
 * against. Booleans are 1 / 0. Semantics match codegen.ts exactly (same helpers from runtime.ts).
 */
import { ModelError } from '../../errors.js';
import { AVOGADRO, type Helpers, makeHelpers } from './runtime.js';
import type { ConstName, Expr, FunctionDef } from './types.js';

export interface EvalEnv {
  /** Value of a model id. */
  value(id: string): number;
  readonly time?: number;
  readonly functions?: ReadonlyMap<string, FunctionDef>;
  readonly helpers?: Helpers;
  /** delay(x, tau): value of x at time - tau. Default: x now. */
  delay?(x: Expr, tau: number): number;
  /** rateOf(x). Default: error. */
  rateOf?(x: Expr): number;
}

export const CONST_VALUE: Readonly<Record<ConstName, number>> = {
  pi: Math.PI,
  e: Math.E,
  true: 1,
  false: 0,
  infinity: Number.POSITIVE_INFINITY,
  nan: Number.NaN,
  avogadro: AVOGADRO,
};

const b = (x: boolean): number => (x ? 1 : 0);

function chain(v: number[], rel: (a: number, c: number) => boolean): number {
  for (let i = 0; i + 1 < v.length; i++) if (!rel(v[i]!, v[i + 1]!)) return 0;
  return 1;
}

/** Evaluates `e` in `env`. */
export function evaluate(e: Expr, env: EvalEnv): number {
  const H = env.helpers ?? makeHelpers();
  const ev = (x: Expr, scope: ReadonlyMap<string, number> | null): number => {
    switch (x.k) {
      case 'num':
        return x.v;
      case 'const':
        return CONST_VALUE[x.name];
      case 'time':
        return env.time ?? 0;
      case 'id':
        if (scope !== null) {
          const s = scope.get(x.id);
          if (s !== undefined) return s;
          throw new ModelError(`unknown id '${x.id}' in a function body`);
        }
        return env.value(x.id);
      case 'piecewise':
        for (const p of x.pieces) if (ev(p.cond, scope) !== 0) return ev(p.value, scope);
        return x.otherwise === undefined ? Number.NaN : ev(x.otherwise, scope);
      case 'call': {
        const f = env.functions?.get(x.fn);
        if (f === undefined) throw new ModelError(`unknown function '${x.fn}'`);
        const inner = new Map<string, number>();
        f.params.forEach((name, i) => {
          inner.set(name, ev(x.args[i]!, scope));
        });
        return ev(f.body, inner);
      }
      case 'op':
        break;
    }
    const op = x.op;
    if (op === 'delay') {
      const tau = ev(x.args[1]!, scope);
      return env.delay ? env.delay(x.args[0]!, tau) : ev(x.args[0]!, scope);
    }
    if (op === 'rateOf') {
      if (!env.rateOf) throw new ModelError('rateOf() needs a compiled model');
      return env.rateOf(x.args[0]!);
    }
    if (op === 'and') {
      for (const a of x.args) if (ev(a, scope) === 0) return 0;
      return 1;
    }
    if (op === 'or') {
      for (const a of x.args) if (ev(a, scope) !== 0) return 1;
      return 0;
    }
    const v = x.args.map((a) => ev(a, scope));
    const a0 = v[0]!;
    const a1 = v[1]!;
    switch (op) {
      case 'add':
        return v.length === 0 ? 0 : v.reduce((s, y) => s + y);
      case 'mul':
        return v.length === 0 ? 1 : v.reduce((s, y) => s * y);
      case 'sub':
        return v.length === 1 ? -a0 : a0 - a1;
      case 'div':
        return a0 / a1;
      case 'pow':
        return a0 ** a1;
      case 'neg':
        return -a0;
      case 'eq':
        return chain(v, (p, q) => p === q);
      case 'neq':
        return b(a0 !== a1);
      case 'lt':
        return chain(v, (p, q) => p < q);
      case 'le':
        return chain(v, (p, q) => p <= q);
      case 'gt':
        return chain(v, (p, q) => p > q);
      case 'ge':
        return chain(v, (p, q) => p >= q);
      case 'xor':
        return v.reduce((s, y) => s ^ b(y !== 0), 0);
      case 'not':
        return b(a0 === 0);
      case 'implies':
        return b(a0 === 0 || a1 !== 0);
      case 'exp':
        return Math.exp(a0);
      case 'ln':
        return Math.log(a0);
      case 'log10':
        return Math.log10(a0);
      case 'log':
        return Math.log(a1) / Math.log(a0);
      case 'sqrt':
        return Math.sqrt(a0);
      case 'root':
        return v.length === 1 ? Math.sqrt(a0) : H.root(a0, a1);
      case 'abs':
        return Math.abs(a0);
      case 'floor':
        return Math.floor(a0);
      case 'ceil':
        return Math.ceil(a0);
      case 'min':
        return Math.min(...v);
      case 'max':
        return Math.max(...v);
      case 'factorial':
        return H.fact(a0);
      case 'quotient':
        return Math.trunc(a0 / a1);
      case 'rem':
        return a0 % a1;
      case 'sin':
        return Math.sin(a0);
      case 'cos':
        return Math.cos(a0);
      case 'tan':
        return Math.tan(a0);
      case 'sec':
        return 1 / Math.cos(a0);
      case 'csc':
        return 1 / Math.sin(a0);
      case 'cot':
        return 1 / Math.tan(a0);
      case 'sinh':
        return Math.sinh(a0);
      case 'cosh':
        return Math.cosh(a0);
      case 'tanh':
        return Math.tanh(a0);
      case 'sech':
        return 1 / Math.cosh(a0);
      case 'csch':
        return 1 / Math.sinh(a0);
      case 'coth':
        return 1 / Math.tanh(a0);
      case 'arcsin':
        return Math.asin(a0);
      case 'arccos':
        return Math.acos(a0);
      case 'arctan':
        return Math.atan(a0);
      case 'arcsec':
        return Math.acos(1 / a0);
      case 'arccsc':
        return Math.asin(1 / a0);
      case 'arccot':
        return Math.atan(1 / a0);
      case 'arcsinh':
        return Math.asinh(a0);
      case 'arccosh':
        return Math.acosh(a0);
      case 'arctanh':
        return Math.atanh(a0);
      case 'arcsech':
        return Math.acosh(1 / a0);
      case 'arccsch':
        return Math.asinh(1 / a0);
      case 'arccoth':
        return Math.atanh(1 / a0);
      case 'normal':
        return H.normal(a0, a1);
      case 'uniform':
        return H.uniform(a0, a1);
      case 'exponential':
        return H.exponential(a0);
      case 'gamma':
        return H.gamma(a0, a1);
      case 'lognormal':
        return H.lognormal(a0, a1);
      case 'poisson':
        return H.poisson(a0);
      case 'binomial':
        return H.binomial(a0, a1);
      case 'bernoulli':
        return H.bernoulli(a0);
      case 'truncnormal':
        return H.truncnormal(a0, a1, v[2]!, v[3]!);
      case 'cauchy':
        return H.cauchy(a0, a1);
      case 'chisquare':
        return H.chisquare(a0);
      case 'laplace':
        return H.laplace(a0, a1);
      case 'rayleigh':
        return H.rayleigh(a0);
      case 'truncbinomial':
        return H.truncbinomial(a0, a1, v[2]!, v[3]!);
      case 'trunccauchy':
        return H.trunccauchy(a0, a1, v[2]!, v[3]!);
      case 'truncchisquare':
        return H.truncchisquare(a0, a1, v[2]!);
      case 'truncexponential':
        return H.truncexponential(a0, a1, v[2]!);
      case 'truncgamma':
        return H.truncgamma(a0, a1, v[2]!, v[3]!);
      case 'trunclaplace':
        return H.trunclaplace(a0, a1, v[2]!, v[3]!);
      case 'trunclognormal':
        return H.trunclognormal(a0, a1, v[2]!, v[3]!);
      case 'truncpoisson':
        return H.truncpoisson(a0, a1, v[2]!);
      case 'truncrayleigh':
        return H.truncrayleigh(a0, a1, v[2]!);
    }
  };
  return ev(e, null);
}
