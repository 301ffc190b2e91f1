/**
 * SBML Level 1 formula strings (SBML L1V2 specification, section 3.5: infix text with `+ - * / ^`,
 * parentheses, numbers, identifiers and the functions of its Table 6) parsed into our Expr tree.
 * Precedence follows libSBML's Level 1 reading of the spec (SBML_parseFormula): unary minus binds
 * tightest, then `^` (left-associative), then `* /`, then `+ -`. `log` is the natural logarithm and
 * `sqr(x)` is x^2, as Table 6 defines them. Level 1 has no relational or logical operators.
 */
import { InputError } from '../../errors.js';
import type { BuiltinOp, Expr } from '../../model/expr/types.js';

/** Level 1 function names (Table 6) -> our ops, with their arity. */
const FUNCTIONS: Readonly<Record<string, { op: BuiltinOp; arity: number }>> = {
  abs: { op: 'abs', arity: 1 },
  acos: { op: 'arccos', arity: 1 },
  asin: { op: 'arcsin', arity: 1 },
  atan: { op: 'arctan', arity: 1 },
  ceil: { op: 'ceil', arity: 1 },
  cos: { op: 'cos', arity: 1 },
  exp: { op: 'exp', arity: 1 },
  floor: { op: 'floor', arity: 1 },
  log: { op: 'ln', arity: 1 },
  log10: { op: 'log10', arity: 1 },
  pow: { op: 'pow', arity: 2 },
  sqrt: { op: 'sqrt', arity: 1 },
  sin: { op: 'sin', arity: 1 },
  tan: { op: 'tan', arity: 1 },
};

type Token =
  | { readonly t: 'num'; readonly v: number; readonly at: number }
  | { readonly t: 'id'; readonly v: string; readonly at: number }
  | { readonly t: 'op'; readonly v: string; readonly at: number }
  | { readonly t: 'end'; readonly at: number };

const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;

/** Where a formula sits, for messages: the file and e.g. `reaction 'R1' kineticLaw formula`. */
export interface FormulaContext {
  readonly file?: string;
  readonly where: string;
}

function tokenize(text: string, fail: (msg: string, at: number) => never): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const n = NUMBER.exec(text);
    if (n && /[\d.]/.test(c)) {
      out.push({ t: 'num', v: Number(n[0]), at: i });
      i += n[0].length;
      continue;
    }
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (m) {
      out.push({ t: 'id', v: m[0], at: i });
      i += m[0].length;
      continue;
    }
    if ('+-*/^(),'.includes(c)) {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    fail(`unexpected character '${c}'`, i);
  }
  out.push({ t: 'end', at: text.length });
  return out;
}

/** Parses one Level 1 formula; errors name the place, the column and what was expected. */
export function parseL1Formula(text: string, ctx: FormulaContext): Expr {
  const fail = (msg: string, at: number): never => {
    throw new InputError(`${ctx.where}: formula '${text}': column ${at + 1}: ${msg}`, { file: ctx.file });
  };
  const toks = tokenize(text, fail);
  let k = 0;
  const peek = (): Token => toks[k]!;
  const isOp = (v: string): boolean => {
    const t = peek();
    return t.t === 'op' && t.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) fail(`expected '${v}'`, peek().at);
    k++;
  };
  const describe = (t: Token): string => (t.t === 'end' ? 'end of formula' : `'${t.v}'`);

  const sum = (): Expr => {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const op = (toks[k++] as { v: string }).v;
      const right = product();
      left = { k: 'op', op: op === '+' ? 'add' : 'sub', args: [left, right] };
    }
    return left;
  };
  const product = (): Expr => {
    let left = power();
    while (isOp('*') || isOp('/')) {
      const op = (toks[k++] as { v: string }).v;
      const right = power();
      left = { k: 'op', op: op === '*' ? 'mul' : 'div', args: [left, right] };
    }
    return left;
  };
  const power = (): Expr => {
    let left = unary();
    while (isOp('^')) {
      k++;
      left = { k: 'op', op: 'pow', args: [left, unary()] };
    }
    return left;
  };
  const unary = (): Expr => {
    if (isOp('-')) {
      k++;
      return { k: 'op', op: 'neg', args: [unary()] };
    }
    if (isOp('+')) {
      k++;
      return unary();
    }
    return primary();
  };
  const primary = (): Expr => {
    const t = peek();
    if (t.t === 'num') {
      k++;
      return { k: 'num', v: t.v };
    }
    if (isOp('(')) {
      k++;
      const e = sum();
      expect(')');
      return e;
    }
    if (t.t !== 'id') return fail(`expected a number, a name or '(', found ${describe(t)}`, t.at);
    k++;
    if (!isOp('(')) return { k: 'id', id: t.v };
    k++;
    const args: Expr[] = [];
    if (!isOp(')')) {
      args.push(sum());
      while (isOp(',')) {
        k++;
        args.push(sum());
      }
    }
    expect(')');
    if (t.v === 'sqr') {
      if (args.length !== 1) fail(`sqr takes 1 argument, found ${args.length}`, t.at);
      return { k: 'op', op: 'pow', args: [args[0]!, { k: 'num', v: 2 }] };
    }
    const f = FUNCTIONS[t.v];
    if (!f)
      return fail(
        `unknown function '${t.v}' (SBML Level 1 defines ${Object.keys(FUNCTIONS).join(', ')}, sqr)`,
        t.at,
      );
    if (args.length !== f.arity) fail(`${t.v} takes ${f.arity} argument(s), found ${args.length}`, t.at);
    return { k: 'op', op: f.op, args };
  };

  const e = sum();
  if (peek().t !== 'end') fail(`unexpected ${describe(peek())}`, peek().at);
  return e;
}
