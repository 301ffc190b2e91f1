/**
 * Static checks of expression trees: node shape (trees may come from JSON), built-in arity, known ids,
 * known functions, and recursion among function definitions. Errors are ModelErrors naming the path,
 * e.g. `reactions[2].rate: unknown id 'X'`.
 */
import { ModelError } from '../../errors.js';
import { ARITY } from './ops.js';
import { MAX_DEPTH } from './parse.js';
import type { Expr, FunctionDef } from './types.js';

const CONSTS = new Set(['pi', 'e', 'true', 'false', 'infinity', 'nan', 'avogadro']);

export interface CheckScope {
  /** True when `id` names a symbol visible at this place. */
  has(id: string): boolean;
  /** Known functions; null checks only the shape of calls (for loaders). */
  readonly functions: ReadonlyMap<string, FunctionDef> | null;
}

function isObj(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Checks `e` (of unknown provenance) and narrows it to Expr. */
export function checkExpr(e: unknown, path: string, scope: CheckScope): asserts e is Expr {
  const err = (msg: string): ModelError => new ModelError(msg, { path });
  const go = (x: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) throw err(`expression nested deeper than ${MAX_DEPTH} levels`);
    if (!isObj(x)) throw err('expected an expression object');
    switch (x.k) {
      case 'num':
        if (typeof x.v !== 'number') throw err('number node without a numeric value');
        return;
      case 'const':
        if (typeof x.name !== 'string' || !CONSTS.has(x.name))
          throw err(`unknown constant '${String(x.name)}'`);
        return;
      case 'time':
        return;
      case 'id':
        if (typeof x.id !== 'string') throw err('id node without an id string');
        if (!scope.has(x.id)) throw err(`unknown id '${x.id}'`);
        return;
      case 'piecewise': {
        if (!Array.isArray(x.pieces)) throw err('piecewise without pieces');
        for (const p of x.pieces as unknown[]) {
          if (!isObj(p)) throw err('piecewise piece must be {value, cond}');
          go(p.value, depth + 1);
          go(p.cond, depth + 1);
        }
        if (x.otherwise !== undefined) go(x.otherwise, depth + 1);
        return;
      }
      case 'call': {
        if (typeof x.fn !== 'string') throw err('call without a function name');
        if (!Array.isArray(x.args)) throw err(`call of '${x.fn}' without arguments`);
        const f = scope.functions?.get(x.fn);
        if (f === undefined) {
          if (scope.functions !== null) throw err(`unknown function '${x.fn}'`);
        } else if (f.params.length !== x.args.length) {
          throw err(`function '${x.fn}' takes ${f.params.length} argument(s), got ${x.args.length}`);
        }
        for (const a of x.args as unknown[]) go(a, depth + 1);
        return;
      }
      case 'op': {
        if (typeof x.op !== 'string' || !Object.hasOwn(ARITY, x.op)) {
          throw err(`unknown operator '${String(x.op)}'`);
        }
        const op = x.op as keyof typeof ARITY;
        if (!Array.isArray(x.args)) throw err(`${op} without arguments`);
        const [lo, hi] = ARITY[op];
        const n = x.args.length;
        if (n < lo || n > hi) {
          const want = lo === hi ? `${lo}` : hi === Infinity ? `at least ${lo}` : `${lo} to ${hi}`;
          throw err(`${op}() takes ${want} argument(s), got ${n}`);
        }
        if (op === 'rateOf') {
          const a = x.args[0] as unknown;
          if (!isObj(a) || a.k !== 'id') throw err('rateOf() takes a symbol id');
        }
        for (const a of x.args as unknown[]) go(a, depth + 1);
        return;
      }
      default:
        throw err(`unknown expression node kind '${String(x.k)}'`);
    }
  };
  go(e, 0);
}

/**
 * Checks function definitions: bodies use only their parameters, calls name earlier-or-later definitions
 * with the right arity, and no definition calls itself directly or through others (names the cycle).
 */
export function checkFunctions(defs: readonly FunctionDef[], path = 'functions'): Map<string, FunctionDef> {
  const map = new Map<string, FunctionDef>();
  defs.forEach((f, i) => {
    if (map.has(f.id)) throw new ModelError(`duplicate function id '${f.id}'`, { path: `${path}[${i}]` });
    map.set(f.id, f);
  });
  defs.forEach((f, i) => {
    const params = new Set(f.params);
    if (params.size !== f.params.length) {
      throw new ModelError(`duplicate parameter name in '${f.id}'`, { path: `${path}[${i}].params` });
    }
    checkExpr(f.body, `${path}[${i}].body`, { has: (id) => params.has(id), functions: map });
  });
  // Recursion: depth-first search for a back edge in the call graph.
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const visit = (id: string): void => {
    state.set(id, 1);
    stack.push(id);
    for (const callee of calls(map.get(id)!.body)) {
      const s = state.get(callee);
      if (s === 1) {
        const cycle = [...stack.slice(stack.indexOf(callee)), callee].join(' -> ');
        const i = defs.findIndex((f) => f.id === id);
        throw new ModelError(`recursive function definition: ${cycle}`, { path: `${path}[${i}]` });
      }
      if (s === undefined && map.has(callee)) visit(callee);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const f of defs) if (!state.has(f.id)) visit(f.id);
  return map;
}

function calls(e: Expr, out: string[] = []): string[] {
  switch (e.k) {
    case 'call':
      out.push(e.fn);
      for (const a of e.args) calls(a, out);
      break;
    case 'op':
      for (const a of e.args) calls(a, out);
      break;
    case 'piecewise':
      for (const p of e.pieces) {
        calls(p.value, out);
        calls(p.cond, out);
      }
      if (e.otherwise !== undefined) calls(e.otherwise, out);
      break;
  }
  return out;
}
