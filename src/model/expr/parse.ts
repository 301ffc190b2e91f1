/**
 * Infix text -> Expr. A hand-written recursive-descent parser (precedence climbing by levels).
 *
 * Grammar, loosest first:
 *   or      := xor (('||' | 'or') xor)*              n-ary `or`
 *   xor     := and ('xor' and)*                       n-ary `xor`
 *   and     := cmp (('&&' | 'and') cmp)*              n-ary `and`
 *   cmp     := add (relop add)*                       a chain of one operator is n-ary (a < b < c);
 *                                                     a mixed chain is the `and` of its pairs
 *   add     := mul (('+' | '-') mul)*                 `+` runs are n-ary `add`, `-` is binary `sub`
 *   mul     := unary (('*' | '/') unary)*             `*` runs are n-ary `mul`, `/` is binary `div`
 *   unary   := ('-' | '+' | '!' | 'not') unary | pow  `-2` is the number -2 unless `^` follows
 *   pow     := atom ('^' unary)?                      right-associative: a^b^c = a^(b^c)
 *   atom    := number | name | `name` | name '(' args ')' | '(' or ')'
 *
 * Names: `time`; constants `pi exponentiale true false inf infinity nan avogadro`; anything else is a
 * model id. A backquoted name (`` `pi` ``) is always an id (or a user function when called), so ids that
 * collide with keywords still print and parse. A name followed by '(' is a built-in (BuiltinOp names and
 * the aliases below), `piecewise(v1, c1, ..., otherwise)`, `ifelse(c, a, b)`, or a user function call.
 * `log(x)` and `ln(x)` are natural logs, `log(b, x)` has base b, `log10(x)` base 10.
 */

import { InputError } from '../../errors.js';
import { BUILTIN_OPS } from './ops.js';
import { own } from './own.js';
import type { BuiltinOp, ConstName, Expr } from './types.js';

/** Words that mean something other than a model id; print them backquoted when they are ids. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  'time',
  'and',
  'or',
  'xor',
  'not',
  'pi',
  'exponentiale',
  'true',
  'false',
  'inf',
  'infinity',
  'nan',
  'avogadro',
]);

const CONSTANTS: Readonly<Record<string, ConstName>> = {
  pi: 'pi',
  exponentiale: 'e',
  true: 'true',
  false: 'false',
  inf: 'infinity',
  infinity: 'infinity',
  nan: 'nan',
  avogadro: 'avogadro',
};

/** Function-name aliases accepted by the parser (the printer always writes the canonical name). */
const ALIASES: Readonly<Record<string, BuiltinOp>> = {
  ceiling: 'ceil',
  power: 'pow',
  asin: 'arcsin',
  acos: 'arccos',
  atan: 'arctan',
  asinh: 'arcsinh',
  acosh: 'arccosh',
  atanh: 'arctanh',
  mod: 'rem',
};

/** Deepest nesting accepted; deeper input is rejected instead of overflowing the stack. */
export const MAX_DEPTH = 500;

type TokKind = 'num' | 'name' | 'qname' | 'op' | 'end';
interface Token {
  readonly kind: TokKind;
  readonly text: string;
  /** 0-based offset in the input. */
  readonly pos: number;
  readonly value?: number;
}

const OPS2 = ['==', '!=', '<=', '>=', '&&', '||', '**'];
const OPS1 = '+-*/^()<>,!';

function tokenize(src: string): Token[] {
  const toks: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(i + 1)))) {
      while (i < n && isDigit(src.charCodeAt(i))) i++;
      if (src[i] === '.') {
        i++;
        while (i < n && isDigit(src.charCodeAt(i))) i++;
      }
      if (src[i] === 'e' || src[i] === 'E') {
        let j = i + 1;
        if (src[j] === '+' || src[j] === '-') j++;
        if (isDigit(src.charCodeAt(j))) {
          i = j;
          while (i < n && isDigit(src.charCodeAt(i))) i++;
        }
      }
      const text = src.slice(start, i);
      toks.push({ kind: 'num', text, pos: start, value: Number(text) });
      continue;
    }
    if (isNameStart(c)) {
      while (i < n && isNameChar(src.charCodeAt(i))) i++;
      toks.push({ kind: 'name', text: src.slice(start, i), pos: start });
      continue;
    }
    if (c === 96) {
      // `name`: an id even when it is a keyword
      i++;
      const s = i;
      if (i < n && isNameStart(src.charCodeAt(i))) {
        while (i < n && isNameChar(src.charCodeAt(i))) i++;
      }
      if (i === s || src[i] !== '`') fail(src, i, 'a name and a closing backquote');
      toks.push({ kind: 'qname', text: src.slice(s, i), pos: start });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (OPS2.includes(two)) {
      toks.push({ kind: 'op', text: two === '**' ? '^' : two, pos: start });
      i += 2;
      continue;
    }
    if (OPS1.includes(src[i]!)) {
      toks.push({ kind: 'op', text: src[i]!, pos: start });
      i++;
      continue;
    }
    throw new InputError(`unexpected character '${src[i]}' at column ${i + 1} in '${src}'`);
  }
  toks.push({ kind: 'end', text: '', pos: n });
  return toks;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** Name characters as in ID_PATTERN (model/validate.ts): letters of any script, `_`, and digits after the first. */
function isNameStart(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 97 && c <= 122) ||
    c === 95 ||
    (c > 127 && LETTER.test(String.fromCharCode(c)))
  );
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || isDigit(c) || (c > 127 && DIGIT.test(String.fromCharCode(c)));
}
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function fail(src: string, pos: number, expected: string): never {
  throw new InputError(`expected ${expected} at column ${pos + 1} in '${src}'`);
}

const RELOPS: Readonly<Record<string, BuiltinOp>> = {
  '==': 'eq',
  '!=': 'neq',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
};

class Parser {
  private i = 0;
  private depth = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  private peek(k = 0): Token {
    return this.toks[Math.min(this.i + k, this.toks.length - 1)]!;
  }
  private isOp(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === 'op' && t.text === text;
  }
  private isWord(text: string): boolean {
    const t = this.peek();
    return t.kind === 'name' && t.text === text;
  }
  private expectOp(text: string): void {
    if (!this.isOp(text)) fail(this.src, this.peek().pos, `'${text}'`);
    this.i++;
  }
  private enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new InputError(
        `expression nested deeper than ${MAX_DEPTH} levels at column ${this.peek().pos + 1}`,
      );
    }
  }

  parseAll(): Expr {
    const e = this.or();
    const t = this.peek();
    if (t.kind !== 'end') fail(this.src, t.pos, 'an operator or the end of the expression');
    return e;
  }

  private nary(op: BuiltinOp, next: () => Expr, isSep: () => boolean): Expr {
    const first = next();
    if (!isSep()) return first;
    const args = [first];
    while (isSep()) {
      this.i++;
      args.push(next());
    }
    return { k: 'op', op, args };
  }

  private or(): Expr {
    return this.nary(
      'or',
      () => this.xor(),
      () => this.isOp('||') || this.isWord('or'),
    );
  }
  private xor(): Expr {
    return this.nary(
      'xor',
      () => this.and(),
      () => this.isWord('xor'),
    );
  }
  private and(): Expr {
    return this.nary(
      'and',
      () => this.cmp(),
      () => this.isOp('&&') || this.isWord('and'),
    );
  }

  private relop(): BuiltinOp | undefined {
    const t = this.peek();
    return t.kind === 'op' ? own(RELOPS, t.text) : undefined;
  }

  private cmp(): Expr {
    const first = this.add();
    let op = this.relop();
    if (op === undefined) return first;
    const operands = [first];
    const ops: BuiltinOp[] = [];
    while (op !== undefined) {
      this.i++;
      ops.push(op);
      operands.push(this.add());
      op = this.relop();
    }
    if (ops.every((o) => o === ops[0])) return { k: 'op', op: ops[0]!, args: operands };
    const pairs: Expr[] = ops.map((o, j) => ({ k: 'op', op: o, args: [operands[j]!, operands[j + 1]!] }));
    return { k: 'op', op: 'and', args: pairs };
  }

  /** Runs of `opPlus` are n-ary `nOp`; `opMinus` is binary `bOp` (left-associative). */
  private chain(plus: string, minus: string, nOp: BuiltinOp, bOp: BuiltinOp, next: () => Expr): Expr {
    let terms: Expr[] = [next()];
    for (;;) {
      if (this.isOp(plus)) {
        this.i++;
        terms.push(next());
      } else if (this.isOp(minus)) {
        this.i++;
        const left: Expr = terms.length > 1 ? { k: 'op', op: nOp, args: terms } : terms[0]!;
        terms = [{ k: 'op', op: bOp, args: [left, next()] }];
      } else break;
    }
    return terms.length > 1 ? { k: 'op', op: nOp, args: terms } : terms[0]!;
  }

  private add(): Expr {
    return this.chain('+', '-', 'add', 'sub', () => this.mul());
  }
  private mul(): Expr {
    return this.chain('*', '/', 'mul', 'div', () => this.unary());
  }

  private unary(): Expr {
    this.enter();
    try {
      if (this.isOp('-')) {
        this.i++;
        const t = this.peek();
        if (t.kind === 'num' && !this.isOp('^', 1)) {
          this.i++;
          return { k: 'num', v: -t.value! };
        }
        return { k: 'op', op: 'neg', args: [this.unary()] };
      }
      if (this.isOp('+')) {
        this.i++;
        return this.unary();
      }
      if (this.isOp('!') || (this.isWord('not') && !this.isOp('(', 1))) {
        this.i++;
        return { k: 'op', op: 'not', args: [this.unary()] };
      }
      return this.pow();
    } finally {
      this.depth--;
    }
  }

  private pow(): Expr {
    const base = this.atom();
    if (!this.isOp('^')) return base;
    this.i++;
    return { k: 'op', op: 'pow', args: [base, this.unary()] };
  }

  private args(): Expr[] {
    this.expectOp('(');
    const args: Expr[] = [];
    if (this.isOp(')')) {
      this.i++;
      return args;
    }
    for (;;) {
      args.push(this.or());
      if (this.isOp(',')) {
        this.i++;
        continue;
      }
      if (this.isOp(')')) {
        this.i++;
        return args;
      }
      fail(this.src, this.peek().pos, "',' or ')'");
    }
  }

  private atom(): Expr {
    const t = this.peek();
    if (t.kind === 'num') {
      this.i++;
      return { k: 'num', v: t.value! };
    }
    if (t.kind === 'op' && t.text === '(') {
      this.enter();
      this.i++;
      const e = this.or();
      this.expectOp(')');
      this.depth--;
      return e;
    }
    if (t.kind === 'qname') {
      this.i++;
      if (this.isOp('(')) return { k: 'call', fn: t.text, args: this.args() };
      return { k: 'id', id: t.text };
    }
    if (t.kind === 'name') {
      this.i++;
      if (this.isOp('(')) return this.call(t);
      if (t.text === 'time') return { k: 'time' };
      const c = own(CONSTANTS, t.text);
      if (c !== undefined) return { k: 'const', name: c };
      if (KEYWORDS.has(t.text)) fail(this.src, t.pos, 'an operand');
      return { k: 'id', id: t.text };
    }
    fail(this.src, t.pos, 'an operand');
  }

  private call(t: Token): Expr {
    const name = t.text;
    const args = this.args();
    if (name === 'piecewise') {
      const pieces: { value: Expr; cond: Expr }[] = [];
      let j = 0;
      for (; j + 1 < args.length; j += 2) pieces.push({ value: args[j]!, cond: args[j + 1]! });
      return j < args.length ? { k: 'piecewise', pieces, otherwise: args[j]! } : { k: 'piecewise', pieces };
    }
    if (name === 'ifelse') {
      if (args.length !== 3) fail(this.src, t.pos, 'ifelse(condition, then, else) with 3 arguments');
      return { k: 'piecewise', pieces: [{ value: args[1]!, cond: args[0]! }], otherwise: args[2]! };
    }
    if (name === 'log' && args.length === 1) return { k: 'op', op: 'ln', args };
    const op = own(ALIASES, name) ?? (BUILTIN_OPS.has(name) ? (name as BuiltinOp) : undefined);
    if (op !== undefined) return { k: 'op', op, args };
    if (KEYWORDS.has(name)) fail(this.src, t.pos, 'an operand');
    return { k: 'call', fn: name, args };
  }
}

/** Parses infix text into an Expr; throws InputError naming the column and what was expected. */
export function parseExpr(text: string): Expr {
  if (typeof text !== 'string') throw new InputError('expected expression text');
  return new Parser(text, tokenize(text)).parseAll();
}
