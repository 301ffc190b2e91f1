/**
 * Expr -> JS source text, for `new Function` in the compiler.
 *
 * Safety: nothing from the input is ever copied into the source. Ids go through `resolve`, whose answers
 * must be slot references (`y[3]`, `w[0]`, `p[12]`, a bare local name) and are checked against a strict
 * pattern; numbers go through `numberLiteral`, which accepts only JS numbers; operator, constant and
 * node kinds are looked up in closed tables (own properties only) and anything else throws. Functions map
 * to `Math.*` or helpers `H.*` (runtime.ts). User function calls are inlined by substitution.
 *
 * Booleans stay JS booleans inside logic and become 1 / 0 where a number is needed (semantics identical
 * to evaluate.ts, which the tests use as the oracle).
 */
import { ModelError } from '../../errors.js';
import { inlineCalls } from './transform.js';
import type { BuiltinOp, ConstName, Expr, FunctionDef } from './types.js';

export interface CodegenContext {
  /** Slot reference for a model id, e.g. `y[3]`. Throw for unknown ids. */
  resolve(id: string): string;
  readonly functions?: ReadonlyMap<string, FunctionDef>;
  /** Name of the time variable in the generated function; default `t`. */
  readonly time?: string;
  /** Source for delay(x, tau), given the source of tau (trusted compiler hook). */
  delay?(x: Expr, tau: string): string;
  /** Source for rateOf(x) (trusted compiler hook). */
  rateOf?(x: Expr): string;
}

const SLOT = /^[A-Za-z_$][A-Za-z0-9_$]*(\[[0-9]+\])?$/;

/** A JS literal for a number; throws for anything that is not a number. */
export function numberLiteral(v: unknown): string {
  if (typeof v !== 'number') throw new ModelError(`expected a number, got ${typeof v}`);
  if (Number.isNaN(v)) return 'NaN';
  if (v === Number.POSITIVE_INFINITY) return 'Infinity';
  if (v === Number.NEGATIVE_INFINITY) return '(-Infinity)';
  if (Object.is(v, -0)) return '(-0)';
  const s = String(v);
  return v < 0 ? `(${s})` : s;
}

const CONST_CODE: Readonly<Record<ConstName, string>> = {
  pi: 'Math.PI',
  e: 'Math.E',
  true: '1',
  false: '0',
  infinity: 'Infinity',
  nan: 'NaN',
  avogadro: '6.02214179e+23', // SBML L3 value (CODATA 2006); must equal runtime.ts AVOGADRO
};

/** One-argument functions: op -> template with `#` for the argument. */
const UNARY: Partial<Record<BuiltinOp, string>> = {
  exp: 'Math.exp(#)',
  ln: 'Math.log(#)',
  log10: 'Math.log10(#)',
  sqrt: 'Math.sqrt(#)',
  abs: 'Math.abs(#)',
  floor: 'Math.floor(#)',
  ceil: 'Math.ceil(#)',
  factorial: 'H.fact(#)',
  sin: 'Math.sin(#)',
  cos: 'Math.cos(#)',
  tan: 'Math.tan(#)',
  sec: '(1 / Math.cos(#))',
  csc: '(1 / Math.sin(#))',
  cot: '(1 / Math.tan(#))',
  sinh: 'Math.sinh(#)',
  cosh: 'Math.cosh(#)',
  tanh: 'Math.tanh(#)',
  sech: '(1 / Math.cosh(#))',
  csch: '(1 / Math.sinh(#))',
  coth: '(1 / Math.tanh(#))',
  arcsin: 'Math.asin(#)',
  arccos: 'Math.acos(#)',
  arctan: 'Math.atan(#)',
  arcsec: 'Math.acos(1 / #)',
  arccsc: 'Math.asin(1 / #)',
  arccot: 'Math.atan(1 / #)',
  arcsinh: 'Math.asinh(#)',
  arccosh: 'Math.acosh(#)',
  arctanh: 'Math.atanh(#)',
  arcsech: 'Math.acosh(1 / #)',
  arccsch: 'Math.asinh(1 / #)',
  arccoth: 'Math.atanh(1 / #)',
  exponential: 'H.exponential(#)',
  poisson: 'H.poisson(#)',
  bernoulli: 'H.bernoulli(#)',
};

/** Functions called as `name(args...)` with their arguments in order. */
const CALLS: Partial<Record<BuiltinOp, string>> = {
  pow: 'Math.pow',
  min: 'Math.min',
  max: 'Math.max',
  normal: 'H.normal',
  uniform: 'H.uniform',
  gamma: 'H.gamma',
  lognormal: 'H.lognormal',
  binomial: 'H.binomial',
  truncnormal: 'H.truncnormal',
  cauchy: 'H.cauchy',
  chisquare: 'H.chisquare',
  laplace: 'H.laplace',
  rayleigh: 'H.rayleigh',
  truncbinomial: 'H.truncbinomial',
  trunccauchy: 'H.trunccauchy',
  truncchisquare: 'H.truncchisquare',
  truncexponential: 'H.truncexponential',
  truncgamma: 'H.truncgamma',
  trunclaplace: 'H.trunclaplace',
  trunclognormal: 'H.trunclognormal',
  truncpoisson: 'H.truncpoisson',
  truncrayleigh: 'H.truncrayleigh',
};

const REL: Partial<Record<BuiltinOp, string>> = {
  eq: '===',
  neq: '!==',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};

function own<T>(table: Partial<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

class Emitter {
  constructor(private readonly ctx: CodegenContext) {}

  slot(id: unknown): string {
    if (typeof id !== 'string') throw new ModelError('expected an id string');
    const s = this.ctx.resolve(id);
    if (typeof s !== 'string' || !SLOT.test(s)) throw new ModelError(`invalid slot for id '${id}'`);
    return s;
  }

  num(e: Expr): string {
    switch (e.k) {
      case 'num':
        return numberLiteral(e.v);
      case 'const': {
        const c = own(CONST_CODE, e.name);
        if (c === undefined) throw new ModelError('unknown constant');
        return c;
      }
      case 'time': {
        const t = this.ctx.time ?? 't';
        if (!SLOT.test(t)) throw new ModelError('invalid time variable');
        return t;
      }
      case 'id':
        return this.slot(e.id);
      case 'piecewise': {
        let s = e.otherwise === undefined ? 'NaN' : this.num(e.otherwise);
        for (let i = e.pieces.length - 1; i >= 0; i--) {
          const p = e.pieces[i]!;
          s = `(${this.bool(p.cond)} ? ${this.num(p.value)} : ${s})`;
        }
        return s;
      }
      case 'call':
        if (this.ctx.functions === undefined) throw new ModelError(`unknown function '${e.fn}'`);
        return this.num(inlineCalls(e, this.ctx.functions));
      case 'op':
        return this.op(e.op, e.args);
      default:
        throw new ModelError('unknown expression node');
    }
  }

  private op(op: BuiltinOp, args: readonly Expr[]): string {
    if (!Array.isArray(args)) throw new ModelError('expected an argument list');
    if (own(REL, op) !== undefined || ['and', 'or', 'xor', 'not', 'implies'].includes(op)) {
      return `(${this.bool({ k: 'op', op, args })} ? 1 : 0)`;
    }
    const a = (i: number): string => {
      const x = args[i];
      if (x === undefined) throw new ModelError(`${op}: missing argument ${i + 1}`);
      return this.num(x);
    };
    const unary = own(UNARY, op);
    if (unary !== undefined) {
      const x = a(0);
      return unary.replace('#', () => x);
    }
    const call = own(CALLS, op);
    if (call !== undefined) return `${call}(${args.map((x) => this.num(x)).join(', ')})`;
    switch (op) {
      case 'add':
        return args.length === 0 ? '0' : `(${args.map((x) => this.num(x)).join(' + ')})`;
      case 'mul':
        return args.length === 0 ? '1' : `(${args.map((x) => this.num(x)).join(' * ')})`;
      case 'sub':
        return args.length === 1 ? `(-${a(0)})` : `(${a(0)} - ${a(1)})`;
      case 'neg':
        return `(-${a(0)})`;
      case 'div':
        return `(${a(0)} / ${a(1)})`;
      case 'log':
        return `(Math.log(${a(1)}) / Math.log(${a(0)}))`;
      case 'root':
        return args.length === 1 ? `Math.sqrt(${a(0)})` : `H.root(${a(0)}, ${a(1)})`;
      case 'quotient':
        return `Math.trunc(${a(0)} / ${a(1)})`;
      case 'rem':
        return `(${a(0)} % ${a(1)})`;
      case 'delay':
        if (!this.ctx.delay) throw new ModelError('delay() is not available here');
        return this.ctx.delay(args[0]!, a(1));
      case 'rateOf':
        if (!this.ctx.rateOf) throw new ModelError('rateOf() is not available here');
        return this.ctx.rateOf(args[0]!);
      default:
        throw new ModelError('unknown operator');
    }
  }

  bool(e: Expr): string {
    if (e.k === 'const' && (e.name === 'true' || e.name === 'false')) return e.name;
    if (e.k !== 'op') return `(${this.num(e)} !== 0)`;
    const { op, args } = e;
    const rel = own(REL, op);
    if (rel !== undefined) {
      if (args.length < 2) return op === 'neq' ? 'false' : 'true';
      const v = args.map((x) => this.num(x));
      const parts: string[] = [];
      for (let i = 0; i + 1 < v.length; i++) parts.push(`${v[i]} ${rel} ${v[i + 1]}`);
      return `(${parts.join(' && ')})`;
    }
    switch (op) {
      case 'and':
        return args.length === 0 ? 'true' : `(${args.map((x) => this.bool(x)).join(' && ')})`;
      case 'or':
        return args.length === 0 ? 'false' : `(${args.map((x) => this.bool(x)).join(' || ')})`;
      case 'xor':
        return args.length === 0 ? 'false' : `(${args.map((x) => this.bool(x)).join(' !== ')})`;
      case 'not':
        return `(!${this.bool(args[0]!)})`;
      case 'implies':
        return `(!${this.bool(args[0]!)} || ${this.bool(args[1]!)})`;
      default:
        return `(${this.num(e)} !== 0)`;
    }
  }
}

/** JS source for the numeric value of `e` (booleans as 1 / 0). */
export function emitNumber(e: Expr, ctx: CodegenContext): string {
  return new Emitter(ctx).num(e);
}

/** JS source for the truth value of `e` (numbers: nonzero is true). */
export function emitCondition(e: Expr, ctx: CodegenContext): string {
  return new Emitter(ctx).bool(e);
}
