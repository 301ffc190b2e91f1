/** The built-in operator table: arity, result kind, and classes used by check, codegen and derivative. */
import type { BuiltinOp } from './types.js';

/** [min, max] number of arguments; max = Infinity for n-ary. */
export const ARITY: Readonly<Record<BuiltinOp, readonly [number, number]>> = {
  add: [0, Infinity],
  sub: [1, 2],
  mul: [0, Infinity],
  div: [2, 2],
  pow: [2, 2],
  neg: [1, 1],
  eq: [1, Infinity],
  neq: [2, 2],
  lt: [1, Infinity],
  le: [1, Infinity],
  gt: [1, Infinity],
  ge: [1, Infinity],
  and: [0, Infinity],
  or: [0, Infinity],
  xor: [0, Infinity],
  not: [1, 1],
  implies: [2, 2],
  exp: [1, 1],
  ln: [1, 1],
  log10: [1, 1],
  log: [2, 2],
  sqrt: [1, 1],
  root: [1, 2],
  abs: [1, 1],
  floor: [1, 1],
  ceil: [1, 1],
  min: [1, Infinity],
  max: [1, Infinity],
  factorial: [1, 1],
  quotient: [2, 2],
  rem: [2, 2],
  sin: [1, 1],
  cos: [1, 1],
  tan: [1, 1],
  sec: [1, 1],
  csc: [1, 1],
  cot: [1, 1],
  sinh: [1, 1],
  cosh: [1, 1],
  tanh: [1, 1],
  sech: [1, 1],
  csch: [1, 1],
  coth: [1, 1],
  arcsin: [1, 1],
  arccos: [1, 1],
  arctan: [1, 1],
  arcsec: [1, 1],
  arccsc: [1, 1],
  arccot: [1, 1],
  arcsinh: [1, 1],
  arccosh: [1, 1],
  arctanh: [1, 1],
  arcsech: [1, 1],
  arccsch: [1, 1],
  arccoth: [1, 1],
  delay: [2, 2],
  rateOf: [1, 1],
  normal: [2, 2],
  uniform: [2, 2],
  exponential: [1, 1],
  gamma: [2, 2],
  lognormal: [2, 2],
  poisson: [1, 1],
  binomial: [2, 2],
  bernoulli: [1, 1],
  truncnormal: [4, 4],
};

export const BUILTIN_OPS: ReadonlySet<string> = new Set(Object.keys(ARITY));

export const RELATIONAL: ReadonlySet<BuiltinOp> = new Set(['eq', 'neq', 'lt', 'le', 'gt', 'ge']);
export const LOGICAL: ReadonlySet<BuiltinOp> = new Set(['and', 'or', 'xor', 'not', 'implies']);
export const RANDOM: ReadonlySet<BuiltinOp> = new Set([
  'normal',
  'uniform',
  'exponential',
  'gamma',
  'lognormal',
  'poisson',
  'binomial',
  'bernoulli',
  'truncnormal',
]);

/** True for operators whose value is a boolean. */
export function isBooleanOp(op: BuiltinOp): boolean {
  return RELATIONAL.has(op) || LOGICAL.has(op);
}
