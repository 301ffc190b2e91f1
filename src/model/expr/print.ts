/**
 * Expr -> infix text that `parseExpr` reads back to the same tree (for finite numbers; a NaN number
 * prints as `nan`, which reads back as the constant). Parentheses are added exactly where the tree's
 * shape differs from what the parser would build, so n-ary and nested forms both survive.
 */
import { BUILTIN_OPS } from './ops.js';
import { KEYWORDS } from './parse.js';
import type { BuiltinOp, ConstName, Expr } from './types.js';

const P_OR = 1;
const P_XOR = 2;
const P_AND = 3;
const P_CMP = 4;
const P_ADD = 5;
const P_MUL = 6;
const P_UNARY = 7;
const P_POW = 8;
const P_ATOM = 9;

const REL_TEXT: Partial<Record<BuiltinOp, string>> = {
  eq: '==',
  neq: '!=',
  lt: '<',
  le: '<=',
  gt: '>',
  ge: '>=',
};
const LOGIC: Partial<Record<BuiltinOp, [string, number]>> = {
  and: ['&&', P_AND],
  or: ['||', P_OR],
  xor: ['xor', P_XOR],
};
const CONST_TEXT: Record<ConstName, string> = {
  pi: 'pi',
  e: 'exponentiale',
  true: 'true',
  false: 'false',
  infinity: 'infinity',
  nan: 'nan',
  avogadro: 'avogadro',
};

/** Formats a number so that the tokenizer reads back the same double (including -0 and infinities). */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return '1e999';
  if (v === -Infinity) return '-1e999';
  if (Object.is(v, -0)) return '-0';
  return String(v);
}

function name(id: string): string {
  return KEYWORDS.has(id) ? `\`${id}\`` : id;
}

interface Printed {
  readonly text: string;
  readonly prec: number;
}

function wrap(p: Printed, min: number): string {
  return p.prec >= min ? p.text : `(${p.text})`;
}

function fnForm(fn: string, args: readonly Expr[]): Printed {
  return { text: `${fn}(${args.map((a) => printExpr(a)).join(', ')})`, prec: P_ATOM };
}

function isOp(e: Expr, op: BuiltinOp): boolean {
  return e.k === 'op' && e.op === op;
}

function pr(e: Expr): Printed {
  switch (e.k) {
    case 'num': {
      const text = formatNumber(e.v);
      return { text, prec: text.startsWith('-') ? P_UNARY : P_ATOM };
    }
    case 'const':
      return { text: CONST_TEXT[e.name], prec: P_ATOM };
    case 'id':
      return { text: name(e.id), prec: P_ATOM };
    case 'time':
      return { text: 'time', prec: P_ATOM };
    case 'call': {
      const fn = KEYWORDS.has(e.fn) || isReservedFn(e.fn) ? `\`${e.fn}\`` : e.fn;
      return fnForm(fn, e.args);
    }
    case 'piecewise': {
      const parts: Expr[] = [];
      for (const p of e.pieces) parts.push(p.value, p.cond);
      if (e.otherwise !== undefined) parts.push(e.otherwise);
      return fnForm('piecewise', parts);
    }
    case 'op':
      return printOp(e.op, e.args);
  }
}

/** Names the parser treats specially when followed by '(' (user functions with these names are quoted). */
function isReservedFn(fn: string): boolean {
  return fn === 'piecewise' || fn === 'ifelse' || BUILTIN_OPS.has(fn) || RESERVED_FN.has(fn);
}
const RESERVED_FN = new Set(['ceiling', 'power', 'asin', 'acos', 'atan', 'asinh', 'acosh', 'atanh', 'mod']);

function printOp(op: BuiltinOp, args: readonly Expr[]): Printed {
  const a = args.map(pr);
  const n = args.length;
  if ((op === 'add' || op === 'mul') && n >= 2) {
    const [sym, prec] = op === 'add' ? [' + ', P_ADD] : [' * ', P_MUL];
    const parts = a.map((x, j) => {
      if (j === 0) return isOp(args[0]!, op) ? `(${x.text})` : wrap(x, prec);
      return wrap(x, prec + 1);
    });
    return { text: parts.join(sym), prec };
  }
  if ((op === 'sub' || op === 'div') && n === 2) {
    const [sym, prec] = op === 'sub' ? [' - ', P_ADD] : [' / ', P_MUL];
    return { text: `${wrap(a[0]!, prec)}${sym}${wrap(a[1]!, prec + 1)}`, prec };
  }
  if (op === 'neg' && n === 1) {
    const x = a[0]!;
    const inner = args[0]!.k === 'num' ? `(${x.text})` : x.prec >= P_UNARY ? x.text : `(${x.text})`;
    return { text: `-${inner.startsWith('-') ? ` ${inner}` : inner}`, prec: P_UNARY };
  }
  if (op === 'not' && n === 1) return { text: `!${wrap(a[0]!, P_UNARY)}`, prec: P_UNARY };
  if (op === 'pow' && n === 2) {
    return { text: `${wrap(a[0]!, P_ATOM)}^${wrap(a[1]!, P_UNARY)}`, prec: P_POW };
  }
  const rel = REL_TEXT[op];
  if (rel !== undefined && n >= 2) {
    return { text: a.map((x) => wrap(x, P_ADD)).join(` ${rel} `), prec: P_CMP };
  }
  const logic = LOGIC[op];
  if (logic !== undefined && n >= 2) {
    const [sym, prec] = logic;
    return { text: a.map((x) => wrap(x, prec + 1)).join(` ${sym} `), prec };
  }
  return fnForm(op, args);
}

/** Prints an Expr as infix text. */
export function printExpr(e: Expr): string {
  return pr(e).text;
}
