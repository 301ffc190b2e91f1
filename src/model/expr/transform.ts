/** Tree utilities: substitution, function inlining, id collection, size. */
import { ModelError } from '../../errors.js';
import type { Expr, FunctionDef } from './types.js';

/** Inlining deeper than this means a recursive definition slipped through. */
const MAX_INLINE = 64;

/** Replaces every id for which `f` returns an Expr (ids inside rateOf() / delay() included). */
export function substitute(e: Expr, f: (id: string) => Expr | undefined): Expr {
  switch (e.k) {
    case 'id':
      return f(e.id) ?? e;
    case 'num':
    case 'const':
    case 'time':
      return e;
    case 'op':
      return { k: 'op', op: e.op, args: e.args.map((a) => substitute(a, f)) };
    case 'call':
      return { k: 'call', fn: e.fn, args: e.args.map((a) => substitute(a, f)) };
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({ value: substitute(p.value, f), cond: substitute(p.cond, f) })),
        ...(e.otherwise !== undefined ? { otherwise: substitute(e.otherwise, f) } : {}),
      };
  }
}

/** Replaces every `call` by its function body with the arguments substituted for the parameters. */
export function inlineCalls(e: Expr, functions: ReadonlyMap<string, FunctionDef>, depth = 0): Expr {
  if (depth > MAX_INLINE) throw new ModelError('function definitions nested too deeply (recursion?)');
  switch (e.k) {
    case 'num':
    case 'const':
    case 'time':
    case 'id':
      return e;
    case 'op':
      return { k: 'op', op: e.op, args: e.args.map((a) => inlineCalls(a, functions, depth)) };
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({
          value: inlineCalls(p.value, functions, depth),
          cond: inlineCalls(p.cond, functions, depth),
        })),
        ...(e.otherwise !== undefined ? { otherwise: inlineCalls(e.otherwise, functions, depth) } : {}),
      };
    case 'call': {
      const fn = functions.get(e.fn);
      if (fn === undefined) throw new ModelError(`unknown function '${e.fn}'`);
      if (fn.params.length !== e.args.length) {
        throw new ModelError(
          `function '${e.fn}' takes ${fn.params.length} argument(s), got ${e.args.length}`,
        );
      }
      const args = new Map<string, Expr>();
      fn.params.forEach((p, i) => {
        args.set(p, inlineCalls(e.args[i]!, functions, depth));
      });
      const body = substitute(fn.body, (id) => args.get(id));
      return inlineCalls(body, functions, depth + 1);
    }
  }
}

/** Calls `visit` on every node (pre-order). */
export function walk(e: Expr, visit: (node: Expr) => void): void {
  visit(e);
  switch (e.k) {
    case 'op':
    case 'call':
      for (const a of e.args) walk(a, visit);
      return;
    case 'piecewise':
      for (const p of e.pieces) {
        walk(p.value, visit);
        walk(p.cond, visit);
      }
      if (e.otherwise !== undefined) walk(e.otherwise, visit);
      return;
    default:
      return;
  }
}

/** The set of ids referenced in `e`. */
export function collectIds(e: Expr, out: Set<string> = new Set()): Set<string> {
  walk(e, (n) => {
    if (n.k === 'id') out.add(n.id);
  });
  return out;
}

/** True when some node satisfies `pred`. */
export function some(e: Expr, pred: (node: Expr) => boolean): boolean {
  let found = false;
  walk(e, (n) => {
    if (!found && pred(n)) found = true;
  });
  return found;
}

/** Number of nodes. */
export function exprSize(e: Expr): number {
  let n = 0;
  walk(e, () => {
    n++;
  });
  return n;
}
