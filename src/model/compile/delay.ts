/**
 * Evaluators for delay(x, tau): x at the past time t - tau.
 * - From t0 on, x is evaluated on the state the engine's history returns (ODE: the dense output of past
 *   steps; none installed, or exactly t0: the initial state).
 * - Before t0, x takes the values the model gives at that time: initial assignments evaluated at
 *   t - tau (a species "oscillating up until the start", SBML suite 00938-00943), assignment rules on
 *   those values, and rateOf 0 (SBML suite 01401-01409). `before` is the t0 initialisation compiled in
 *   that mode (initial.ts), run at the past time.
 */
import { ModelError } from '../../errors.js';
import type { Expr } from '../types.js';
import type { FunctionBuilder } from './functions.js';

type InitFn = (t: number, p: Float64Array, v: Float64Array, y: Float64Array) => void;

export interface BeforeStart {
  readonly init: InitFn;
  readonly nV: number;
  /** v slot of every model symbol (species as math reads them, reaction ids as their rates). */
  readonly slot: ReadonlyMap<string, number>;
}

export interface DelayContext {
  readonly n: number;
  readonly t0: number;
  /** Model id of each w slot (assignment-rule variable or reaction). */
  readonly wNames: readonly string[];
  history(): ((tPast: number, out: Float64Array) => void) | null;
  y0For(p: Float64Array): Float64Array;
  before(): BeforeStart;
}

/**
 * x (lowered) in before-t0 form: w slots read from v (no rule is re-evaluated on a state whose
 * rates differ), rateOf(...) is 0. Nested delay() arguments keep their own form: they get their own
 * evaluator, which decides for itself where its time lies.
 */
function beforeForm(e: Expr, vOfW: (k: number) => number): Expr {
  switch (e.k) {
    case 'id': {
      const m = /^#w([0-9]+)$/.exec(e.id);
      return m === null ? e : { k: 'id', id: `#v${vOfW(Number(m[1]))}` };
    }
    case 'op':
      if (e.op === 'rateOf') return { k: 'num', v: 0 };
      if (e.op === 'delay') return { k: 'op', op: 'delay', args: [e.args[0]!, beforeForm(e.args[1]!, vOfW)] };
      return { k: 'op', op: e.op, args: e.args.map((a) => beforeForm(a, vOfW)) };
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({ value: beforeForm(p.value, vOfW), cond: beforeForm(p.cond, vOfW) })),
        ...(e.otherwise !== undefined ? { otherwise: beforeForm(e.otherwise, vOfW) } : {}),
      };
    default:
      return e;
  }
}

/** Builds the evaluator of delay(x, .) for a lowered x: (tPast, p) -> x(tPast). */
export function delayEvaluator(
  fb: FunctionBuilder,
  ctx: DelayContext,
  x: Expr,
): (tPast: number, p: Float64Array) => number {
  type Fn = (t: number, y: Float64Array, p: Float64Array) => number;
  const f = fb.compile<Fn>('t, y, p', `${fb.prelude([x])}\nreturn ${fb.num(x)};`);
  const before = ctx.before();
  const vOfW = (k: number): number => {
    const s = before.slot.get(ctx.wNames[k]!);
    if (s === undefined) throw new ModelError(`internal: no t0 value for '${ctx.wNames[k]}'`);
    return s;
  };
  const g = fb.compile<(t: number, y: Float64Array, p: Float64Array, v: Float64Array) => number>(
    't, y, p, v',
    `return ${fb.num(beforeForm(x, vOfW))};`,
  );
  const { n, t0 } = ctx;
  const yh = new Float64Array(n);
  const vb = new Float64Array(before.nV);
  return (tPast, p) => {
    if (tPast < t0) {
      before.init(tPast, p, vb, yh);
      return g(tPast, yh, p, vb);
    }
    const history = ctx.history();
    if (history !== null && tPast > t0) history(tPast, yh);
    else yh.set(ctx.y0For(p));
    return f(tPast, yh, p);
  };
}
