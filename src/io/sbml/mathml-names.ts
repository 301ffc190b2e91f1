/** MathML element names shared by the reader (mathml.ts) and the writer (mathml-write.ts). */
import type { BuiltinOp } from '../../model/expr/types.js';

/** Trigonometric and hyperbolic functions: the MathML element and our op have the same name. */
export const TRIG_OPS: readonly BuiltinOp[] = [
  'sin',
  'cos',
  'tan',
  'sec',
  'csc',
  'cot',
  'sinh',
  'cosh',
  'tanh',
  'sech',
  'csch',
  'coth',
  'arcsin',
  'arccos',
  'arctan',
  'arcsec',
  'arccsc',
  'arccot',
  'arcsinh',
  'arccosh',
  'arctanh',
  'arcsech',
  'arccsch',
  'arccoth',
];

/** Identity map over TRIG_OPS, to spread into name -> op tables. */
export const TRIG_TABLE: Readonly<Record<string, BuiltinOp>> = Object.fromEntries(
  TRIG_OPS.map((o) => [o, o]),
);
