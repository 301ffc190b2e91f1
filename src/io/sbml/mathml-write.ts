/** Expr -> content MathML text (the inverse of mathml.ts), as SBML L3V2 expects it. */
import type { BuiltinOp, Expr } from '../../model/expr/types.js';
import { MATHML_NS } from './mathml.js';
import { TRIG_TABLE } from './mathml-names.js';

const SYMBOLS = 'http://www.sbml.org/sbml/symbols/';
export const DISTRIB_SYMBOLS = 'http://www.sbml.org/sbml/symbols/distrib/';

/** Our op -> MathML operator element, for ops that map one to one. */
const ELEMENT: Partial<Record<BuiltinOp, string>> = {
  add: 'plus',
  sub: 'minus',
  neg: 'minus',
  mul: 'times',
  div: 'divide',
  pow: 'power',
  eq: 'eq',
  neq: 'neq',
  lt: 'lt',
  le: 'leq',
  gt: 'gt',
  ge: 'geq',
  and: 'and',
  or: 'or',
  xor: 'xor',
  not: 'not',
  implies: 'implies',
  exp: 'exp',
  ln: 'ln',
  log10: 'log',
  sqrt: 'root',
  abs: 'abs',
  floor: 'floor',
  ceil: 'ceiling',
  min: 'min',
  max: 'max',
  factorial: 'factorial',
  quotient: 'quotient',
  rem: 'rem',
  ...TRIG_TABLE,
};

/** Random-draw ops -> distrib csymbol names. */
const DISTRIB: Partial<Record<BuiltinOp, string>> = {
  normal: 'normal',
  truncnormal: 'normal',
  uniform: 'uniform',
  exponential: 'exponential',
  gamma: 'gamma',
  lognormal: 'lognormal',
  poisson: 'poisson',
  binomial: 'binomial',
  bernoulli: 'bernoulli',
  cauchy: 'cauchy',
  chisquare: 'chisquare',
  laplace: 'laplace',
  rayleigh: 'rayleigh',
  truncbinomial: 'binomial',
  trunccauchy: 'cauchy',
  truncchisquare: 'chisquare',
  truncexponential: 'exponential',
  truncgamma: 'gamma',
  trunclaplace: 'laplace',
  trunclognormal: 'lognormal',
  truncpoisson: 'poisson',
  truncrayleigh: 'rayleigh',
};

function cn(v: number): string {
  if (Number.isNaN(v)) return '<notanumber/>';
  if (v === Number.POSITIVE_INFINITY) return '<infinity/>';
  if (v === Number.NEGATIVE_INFINITY) return '<apply><minus/><infinity/></apply>';
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 53) return `<cn type="integer">${v}</cn>`;
  // String(v) is the shortest text that reads back to the same double.
  return `<cn>${String(v)}</cn>`;
}

const CONST: Readonly<Record<string, string>> = {
  pi: '<pi/>',
  e: '<exponentiale/>',
  true: '<true/>',
  false: '<false/>',
  infinity: '<infinity/>',
  nan: '<notanumber/>',
  avogadro: `<csymbol encoding="text" definitionURL="${SYMBOLS}avogadro">avogadro</csymbol>`,
};

export function exprToMathml(e: Expr): string {
  switch (e.k) {
    case 'num':
      return cn(e.v);
    case 'const':
      return CONST[e.name]!;
    case 'id':
      return `<ci>${e.id}</ci>`;
    case 'time':
      return `<csymbol encoding="text" definitionURL="${SYMBOLS}time">time</csymbol>`;
    case 'call':
      return `<apply><ci>${e.fn}</ci>${e.args.map(exprToMathml).join('')}</apply>`;
    case 'piecewise': {
      const pieces = e.pieces.map((p) => `<piece>${exprToMathml(p.value)}${exprToMathml(p.cond)}</piece>`);
      const other = e.otherwise ? `<otherwise>${exprToMathml(e.otherwise)}</otherwise>` : '';
      return `<piecewise>${pieces.join('')}${other}</piecewise>`;
    }
    case 'op':
      return opToMathml(e.op, e.args);
  }
}

function opToMathml(op: BuiltinOp, args: readonly Expr[]): string {
  const inner = args.map(exprToMathml);
  const apply = (head: string, parts: readonly string[]) => `<apply>${head}${parts.join('')}</apply>`;
  switch (op) {
    case 'log':
      return apply('<log/>', [`<logbase>${inner[0]}</logbase>`, inner[1]!]);
    case 'root':
      return args.length === 1
        ? apply('<root/>', inner)
        : apply('<root/>', [`<degree>${inner[0]}</degree>`, inner[1]!]);
    case 'delay':
      return apply(`<csymbol encoding="text" definitionURL="${SYMBOLS}delay">delay</csymbol>`, inner);
    case 'rateOf':
      return apply(`<csymbol encoding="text" definitionURL="${SYMBOLS}rateOf">rateOf</csymbol>`, inner);
    default: {
      const d = DISTRIB[op];
      if (d)
        return apply(`<csymbol encoding="text" definitionURL="${DISTRIB_SYMBOLS}${d}">${d}</csymbol>`, inner);
      return apply(`<${ELEMENT[op]}/>`, inner);
    }
  }
}

/** A complete `<math>` element. */
export function mathElement(e: Expr): string {
  return `<math xmlns="${MATHML_NS}">${exprToMathml(e)}</math>`;
}

/** A `<math>` holding a lambda, for function definitions. */
export function lambdaElement(params: readonly string[], body: Expr): string {
  const bvars = params.map((p) => `<bvar><ci>${p}</ci></bvar>`).join('');
  return `<math xmlns="${MATHML_NS}"><lambda>${bvars}${exprToMathml(body)}</lambda></math>`;
}

/** True when e draws random numbers (the document then needs the distrib package). */
export function usesRandom(e: Expr): boolean {
  switch (e.k) {
    case 'op':
      return DISTRIB[e.op] !== undefined || e.args.some(usesRandom);
    case 'call':
      return e.args.some(usesRandom);
    case 'piecewise':
      return (
        e.pieces.some((p) => usesRandom(p.value) || usesRandom(p.cond)) ||
        (e.otherwise !== undefined && usesRandom(e.otherwise))
      );
    default:
      return false;
  }
}
