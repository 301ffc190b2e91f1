/**
 * Content MathML (the subset SBML Level 3 Version 2 allows, SBML L3V2 spec section 3.4) to our Expr tree.
 * Also reads the distrib package's csymbol distributions (SBML distrib v1, section 3.5) into the
 * expression random-draw ops. Unit annotations (`sbml:units`) are ignored; units are not checked here.
 */

import { InputError } from '../../errors.js';
import { ARITY } from '../../model/expr/ops.js';
import { own } from '../../model/expr/own.js';
import { MAX_DEPTH } from '../../model/expr/parse.js';
import type { BuiltinOp, Expr } from '../../model/expr/types.js';
import { UnsupportedError } from './errors.js';
import { TRIG_TABLE } from './mathml-names.js';
import { attr, childElements, textContent, type XmlElement } from './xml.js';

export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const SYMBOLS = 'http://www.sbml.org/sbml/symbols/';
const DISTRIB = 'http://www.sbml.org/sbml/symbols/distrib/';

/** Where a math element sits, for error messages: the file and e.g. `reaction 'R1' kineticLaw`. */
export interface MathContext {
  readonly file?: string;
  readonly where: string;
  /** SBML Level of the document (default 3): avogadro, rateOf and distrib exist in Level 3 only. */
  readonly level?: number;
}

const SIMPLE: Readonly<Record<string, BuiltinOp>> = {
  divide: 'div',
  power: 'pow',
  abs: 'abs',
  exp: 'exp',
  ln: 'ln',
  floor: 'floor',
  ceiling: 'ceil',
  factorial: 'factorial',
  quotient: 'quotient',
  rem: 'rem',
  not: 'not',
  implies: 'implies',
  ...TRIG_TABLE,
};

/** Binary among SIMPLE; the others take one operand. */
const BINARY = new Set(['divide', 'power', 'quotient', 'rem', 'implies']);

const RELATIONAL: Readonly<Record<string, BuiltinOp>> = {
  eq: 'eq',
  neq: 'neq',
  lt: 'lt',
  leq: 'le',
  gt: 'gt',
  geq: 'ge',
};

/** n-ary operators and their value with no operands (MathML / SBML L3V2 section 3.4.7 conventions). */
const NARY: Readonly<Record<string, { op: BuiltinOp; empty: Expr }>> = {
  plus: { op: 'add', empty: { k: 'num', v: 0 } },
  times: { op: 'mul', empty: { k: 'num', v: 1 } },
  and: { op: 'and', empty: { k: 'const', name: 'true' } },
  or: { op: 'or', empty: { k: 'const', name: 'false' } },
  xor: { op: 'xor', empty: { k: 'const', name: 'false' } },
  min: { op: 'min', empty: { k: 'const', name: 'nan' } },
  max: { op: 'max', empty: { k: 'const', name: 'nan' } },
};

const CONSTANTS: Readonly<Record<string, Expr>> = {
  pi: { k: 'const', name: 'pi' },
  exponentiale: { k: 'const', name: 'e' },
  true: { k: 'const', name: 'true' },
  false: { k: 'const', name: 'false' },
  infinity: { k: 'const', name: 'infinity' },
  notanumber: { k: 'const', name: 'nan' },
};

/**
 * distrib csymbol name -> op by argument count (SBML L3 distrib v1, section 3.5: the trailing two
 * arguments of the longer forms are truncation bounds). One-argument cauchy and laplace give the scale,
 * with location 0.
 */
const DISTRIBUTIONS: Readonly<Record<string, Readonly<Record<number, BuiltinOp>>>> = {
  normal: { 2: 'normal', 4: 'truncnormal' },
  uniform: { 2: 'uniform' },
  bernoulli: { 1: 'bernoulli' },
  binomial: { 2: 'binomial', 4: 'truncbinomial' },
  cauchy: { 1: 'cauchy', 2: 'cauchy', 4: 'trunccauchy' },
  chisquare: { 1: 'chisquare', 3: 'truncchisquare' },
  exponential: { 1: 'exponential', 3: 'truncexponential' },
  gamma: { 2: 'gamma', 4: 'truncgamma' },
  laplace: { 1: 'laplace', 2: 'laplace', 4: 'trunclaplace' },
  lognormal: { 2: 'lognormal', 4: 'trunclognormal' },
  poisson: { 1: 'poisson', 3: 'truncpoisson' },
  rayleigh: { 1: 'rayleigh', 3: 'truncrayleigh' },
};

class MathReader {
  /** Nesting of expr() calls: the tree it returns is never deeper than the infix parser's MAX_DEPTH. */
  private depth = 0;
  constructor(private readonly ctx: MathContext) {}

  private fail(message: string, el: XmlElement): never {
    throw new InputError(`${this.ctx.where}: line ${el.line}: ${message}`, { file: this.ctx.file });
  }

  private unsupported(feature: string, message: string, el: XmlElement): never {
    throw new UnsupportedError(feature, `${this.ctx.where}: line ${el.line}: ${message}`, {
      file: this.ctx.file,
    });
  }

  private check(el: XmlElement): void {
    if (el.ns !== MATHML_NS) this.fail(`<${el.name}> is not a MathML element`, el);
  }

  /** Child elements of a MathML element, rejecting stray non-whitespace text. */
  private kids(el: XmlElement): XmlElement[] {
    for (const c of el.children)
      if (c.kind === 'text' && c.text.trim() !== '')
        this.fail(`unexpected text '${c.text.trim()}' in <${el.local}>`, el);
    return childElements(el);
  }

  /** The single expression inside a <math> element. */
  math(math: XmlElement): Expr {
    this.check(math);
    if (math.local !== 'math') this.fail(`expected <math>, found <${math.local}>`, math);
    const kids = this.kids(math);
    if (kids.length !== 1) this.fail(`<math> must hold exactly one expression, found ${kids.length}`, math);
    return this.expr(kids[0]!);
  }

  lambda(math: XmlElement): { params: string[]; body: Expr } {
    this.check(math);
    const kids = this.kids(math);
    let lam = kids[0];
    if (kids.length === 1 && lam?.local === 'semantics') lam = this.kids(lam)[0];
    if (kids.length !== 1 || !lam || lam.local !== 'lambda')
      this.fail('a function definition must hold one <lambda>', math);
    const parts = this.kids(lam);
    const params: string[] = [];
    let body: Expr | undefined;
    for (const p of parts) {
      this.check(p);
      if (p.local === 'bvar') {
        if (body !== undefined) this.fail('<bvar> after the lambda body', p);
        const ci = this.kids(p);
        if (ci.length !== 1 || ci[0]!.local !== 'ci') this.fail('<bvar> must hold one <ci>', p);
        params.push(this.name(ci[0]!));
      } else if (body === undefined) {
        body = this.expr(p);
      } else this.fail('a lambda has one body', p);
    }
    if (body === undefined) this.fail('lambda without a body', lam);
    return { params, body };
  }

  private name(ci: XmlElement): string {
    const n = textContent(ci).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) this.fail(`'${n}' is not a valid identifier`, ci);
    return n;
  }

  expr(el: XmlElement): Expr {
    if (this.depth >= MAX_DEPTH) this.fail(`expression nested deeper than ${MAX_DEPTH} levels`, el);
    this.depth++;
    try {
      return this.node(el);
    } finally {
      this.depth--;
    }
  }

  private node(el: XmlElement): Expr {
    this.check(el);
    switch (el.local) {
      case 'cn':
        return { k: 'num', v: this.number(el) };
      case 'ci':
        return { k: 'id', id: this.name(el) };
      case 'csymbol':
        return this.symbol(el);
      case 'apply':
        return this.apply(el);
      case 'piecewise':
        return this.piecewise(el);
      case 'semantics': {
        const first = this.kids(el)[0];
        if (!first) this.fail('empty <semantics>', el);
        return this.expr(first);
      }
      default: {
        const c = own(CONSTANTS, el.local);
        if (c) {
          if (this.kids(el).length > 0) this.fail(`<${el.local}/> takes no content`, el);
          return c;
        }
        return this.fail(`unknown or misplaced MathML element <${el.local}>`, el);
      }
    }
  }

  private number(el: XmlElement): number {
    const type = attr(el, 'type') ?? 'real';
    const parts: string[] = [''];
    for (const c of el.children) {
      if (c.kind === 'text') parts[parts.length - 1] += c.text;
      else if (c.local === 'sep') parts.push('');
      else this.fail(`unexpected <${c.local}> inside <cn>`, el);
    }
    const nums = parts.map((p) => this.decimal(p.trim(), el));
    const want = type === 'e-notation' || type === 'rational' ? 2 : 1;
    if (nums.length !== want)
      this.fail(`<cn type="${type}"> needs ${want} part(s), found ${nums.length}`, el);
    switch (type) {
      case 'real':
        return nums[0]!;
      case 'integer':
        if (!Number.isInteger(nums[0])) this.fail(`<cn type="integer"> holds '${parts[0]!.trim()}'`, el);
        return nums[0]!;
      case 'e-notation':
        return Number(`${parts[0]!.trim()}e${parts[1]!.trim()}`);
      case 'rational':
        return nums[0]! / nums[1]!;
      default:
        return this.fail(`unknown <cn> type '${type}'`, el);
    }
  }

  private decimal(s: string, el: XmlElement): number {
    if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return Number(s);
    if (/^[+-]?inf(inity)?$/i.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
    if (/^nan$/i.test(s)) return Number.NaN;
    return this.fail(`'${s}' is not a number`, el);
  }

  private url(el: XmlElement): string {
    const u = attr(el, 'definitionURL');
    if (u === undefined) this.fail('<csymbol> without definitionURL', el);
    return u.trim();
  }

  private symbol(el: XmlElement): Expr {
    const u = this.url(el);
    if (u === `${SYMBOLS}time`) return { k: 'time' };
    if (u === `${SYMBOLS}avogadro`) this.levelThree(u, el);
    if (u === `${SYMBOLS}avogadro`) return { k: 'const', name: 'avogadro' };
    if (u === `${SYMBOLS}delay` || u === `${SYMBOLS}rateOf` || u.startsWith(DISTRIB))
      this.fail(`csymbol '${u}' must be applied to arguments`, el);
    return this.unsupported('csymbol', `unknown csymbol '${u}'`, el);
  }

  private piecewise(el: XmlElement): Expr {
    const pieces: { value: Expr; cond: Expr }[] = [];
    let otherwise: Expr | undefined;
    for (const p of this.kids(el)) {
      this.check(p);
      if (p.local === 'piece') {
        if (otherwise !== undefined) this.fail('<piece> after <otherwise>', p);
        const vc = this.kids(p);
        if (vc.length !== 2)
          this.fail(`<piece> needs a value and a condition, found ${vc.length} elements`, p);
        pieces.push({ value: this.expr(vc[0]!), cond: this.expr(vc[1]!) });
      } else if (p.local === 'otherwise') {
        if (otherwise !== undefined) this.fail('more than one <otherwise>', p);
        const v = this.kids(p);
        if (v.length !== 1) this.fail('<otherwise> needs exactly one expression', p);
        otherwise = this.expr(v[0]!);
      } else this.fail(`unexpected <${p.local}> inside <piecewise>`, p);
    }
    return otherwise !== undefined ? { k: 'piecewise', pieces, otherwise } : { k: 'piecewise', pieces };
  }

  private apply(el: XmlElement): Expr {
    const kids = this.kids(el);
    const head = kids[0];
    if (!head) this.fail('empty <apply>', el);
    this.check(head);
    let rest = kids.slice(1);
    // Qualifiers (degree, logbase) come first among the operands in MathML 2.
    const qualifier = (name: string): Expr | undefined => {
      const q = rest.find((c) => c.local === name);
      if (!q) return undefined;
      rest = rest.filter((c) => c !== q);
      const inner = this.kids(q);
      if (inner.length !== 1) this.fail(`<${name}> needs exactly one expression`, q);
      return this.expr(inner[0]!);
    };
    const op = head.local;
    if (op === 'root') {
      const degree = qualifier('degree');
      const args = this.args(rest, 1, op, el);
      return degree === undefined
        ? { k: 'op', op: 'sqrt', args }
        : { k: 'op', op: 'root', args: [degree, ...args] };
    }
    if (op === 'log') {
      const base = qualifier('logbase');
      const args = this.args(rest, 1, op, el);
      return base === undefined
        ? { k: 'op', op: 'log10', args }
        : { k: 'op', op: 'log', args: [base, ...args] };
    }
    for (const q of rest)
      if (q.local === 'degree' || q.local === 'logbase')
        this.fail(`<${q.local}> is not allowed with <${op}>`, q);
    if (head.local === 'ci') {
      return { k: 'call', fn: this.name(head), args: rest.map((a) => this.expr(a)) };
    }
    // `<apply><apply>...</apply></apply>`: an apply of one expression and no operator is that expression,
    // as libSBML reads it (found in real models, e.g. the PEtab benchmark's Beer_MolBioSystems2014).
    if (head.local === 'apply' && rest.length === 0) return this.expr(head);
    if (head.local === 'csymbol') return this.applySymbol(head, rest, el);
    if (this.kids(head).length > 0 && head.local !== 'apply')
      this.fail(`operator <${op}> must be empty`, head);
    if (op === 'minus') {
      const args = rest.map((a) => this.expr(a));
      if (args.length === 1) return { k: 'op', op: 'neg', args };
      if (args.length === 2) return { k: 'op', op: 'sub', args };
      return this.fail(`<minus> takes 1 or 2 operands, found ${args.length}`, el);
    }
    const nary = own(NARY, op);
    if (nary) {
      const args = rest.map((a) => this.expr(a));
      if (args.length === 0) return nary.empty;
      if (args.length === 1 && (op === 'plus' || op === 'times' || op === 'min' || op === 'max'))
        return args[0]!;
      return { k: 'op', op: nary.op, args };
    }
    const rel = own(RELATIONAL, op);
    if (rel) {
      const args = rest.map((a) => this.expr(a));
      if (args.length < 2) {
        if (op === 'neq') this.fail('<neq> takes exactly 2 operands', el);
        return { k: 'const', name: 'true' };
      }
      if (op === 'neq' && args.length !== 2) this.fail('<neq> takes exactly 2 operands', el);
      return { k: 'op', op: rel, args };
    }
    const simple = own(SIMPLE, op);
    if (simple) {
      const n = BINARY.has(op) ? 2 : 1;
      return { k: 'op', op: simple, args: this.args(rest, n, op, el) };
    }
    return this.fail(`unknown or misplaced MathML element <${op}>`, head);
  }

  private args(rest: XmlElement[], n: number, op: string, el: XmlElement): Expr[] {
    if (n >= 0 && rest.length !== n) this.fail(`<${op}> takes ${n} operand(s), found ${rest.length}`, el);
    return rest.map((a) => this.expr(a));
  }

  /** csymbols Level 3 introduced are unknown to Levels 1-2 documents. */
  private levelThree(u: string, el: XmlElement): void {
    if ((this.ctx.level ?? 3) < 3)
      this.fail(`csymbol '${u}' is SBML Level 3 only (this document is Level ${this.ctx.level})`, el);
  }

  private applySymbol(head: XmlElement, rest: XmlElement[], el: XmlElement): Expr {
    const u = this.url(head);
    if (u !== `${SYMBOLS}delay`) this.levelThree(u, el);
    if (u === `${SYMBOLS}delay`) return { k: 'op', op: 'delay', args: this.args(rest, 2, 'delay', el) };
    if (u === `${SYMBOLS}rateOf`) {
      const args = this.args(rest, 1, 'rateOf', el);
      if (args[0]!.k !== 'id') this.fail('rateOf takes an identifier', el);
      return { k: 'op', op: 'rateOf', args };
    }
    if (u.startsWith(DISTRIB)) {
      const name = u.slice(DISTRIB.length);
      const byArity = own(DISTRIBUTIONS, name);
      const op = byArity?.[rest.length];
      if (!op)
        this.unsupported(
          'distrib',
          `distrib function '${name}' with ${rest.length} argument(s) is not supported`,
          el,
        );
      const args = rest.map((a) => this.expr(a));
      if (args.length < ARITY[op][0]) args.unshift({ k: 'num', v: 0 }); // location 0
      return { k: 'op', op, args };
    }
    if (u === `${SYMBOLS}time` || u === `${SYMBOLS}avogadro`)
      this.fail(`csymbol '${u}' cannot be applied`, el);
    return this.unsupported('csymbol', `unknown csymbol '${u}'`, el);
  }
}

/** Reads the expression of a `<math>` element. */
export function mathToExpr(math: XmlElement, ctx: MathContext): Expr {
  return new MathReader(ctx).math(math);
}

/** Reads the `<lambda>` of a function definition's `<math>`. */
export function mathToLambda(math: XmlElement, ctx: MathContext): { params: string[]; body: Expr } {
  return new MathReader(ctx).lambda(math);
}
