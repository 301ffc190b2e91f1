/**
 * Turns lowered expressions into compiled JS functions. Each generated function first evaluates the work
 * slots `w` it needs (assignment rules and fluxes, in dependency order, each once), then its outputs, as
 * one straight-line body. Its closure holds only the helpers `H` and a preallocated `w` (no allocation
 * per call). Source text is built from slot names and numeric literals only (see expr/codegen.ts).
 */
import { ModelError } from '../../errors.js';
import { emitCondition, emitNumber } from '../expr/codegen.js';
import { reducePowers } from '../expr/powers.js';
import type { Helpers } from '../expr/runtime.js';
import type { Expr } from '../types.js';
import { chunkedSource } from './chunks.js';
import { slotSource, wRefs } from './lower.js';

export class FunctionBuilder {
  /** Topological order of the w slots. */
  readonly order: number[];
  private readonly delayKeys = new Map<string, number>();

  constructor(
    /** Lowered definition of each w slot. */
    readonly wDefs: readonly Expr[],
    /** Names of the w slots for error messages. */
    readonly wNames: readonly string[],
    readonly H: Helpers,
    /** Builds the evaluator of delay(x, .) at a past time; called once per distinct x. */
    private readonly makeDelay: (x: Expr) => (tPast: number, p: Float64Array) => number,
    /**
     * Compiled sources by text, shared by the builders of one model: binding a problem to a new solve context
     * (new helpers, new work arrays) then reuses the parsed functions instead of compiling them again.
     */
    private readonly factories: Map<string, (H: Helpers, w: Float64Array) => unknown> = new Map(),
  ) {
    this.order = topoOrder(wDefs, wNames);
  }

  private ctx = {
    resolve: slotSource,
    delay: (x: Expr, tau: string): string => {
      const key = JSON.stringify(x);
      let k = this.delayKeys.get(key);
      if (k === undefined) {
        k = this.H.delays.length;
        this.delayKeys.set(key, k);
        this.H.delays.push(() => Number.NaN);
        this.H.delays[k] = this.makeDelay(x);
      }
      return `H.delays[${k}](t - ${tau}, p)`;
    },
    // rateOf(<expansion>) survives lowering only inside delay() (lower.ts expandRateOf).
    rateOf: (x: Expr): string => `(${this.num(x)})`,
  };

  num(e: Expr): string {
    return emitNumber(reducePowers(e), this.ctx);
  }
  cond(e: Expr): string {
    return emitCondition(reducePowers(e), this.ctx);
  }

  /** Statements computing every w slot the given expressions need (transitively), in order. */
  prelude(exprs: readonly Expr[]): string {
    const need = new Set<number>();
    const stack: number[] = [];
    for (const e of exprs) for (const k of wRefs(e)) stack.push(k);
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (need.has(k)) continue;
      need.add(k);
      for (const j of wRefs(this.wDefs[k]!)) stack.push(j);
    }
    const lines: string[] = [];
    for (const k of this.order) if (need.has(k)) lines.push(`w[${k}] = ${this.num(this.wDefs[k]!)};`);
    return lines.join('\n');
  }

  /**
   * Compiles `function (params) { body }` with `H` and a work array `w` in its closure; `outer` holds
   * generated declarations of per-function state (once, outside the function).
   */
  compile<F>(
    params: string,
    body: string,
    w: Float64Array = new Float64Array(this.wDefs.length),
    outer = '',
  ): F {
    const src = chunkedSource(params, body, outer);
    let make = this.factories.get(src);
    if (make === undefined) {
      make = new Function('H', 'w', src) as (H: Helpers, w: Float64Array) => unknown;
      this.factories.set(src, make);
    }
    return make(this.H, w) as F;
  }
}

/** Topological order of definitions by their w references; throws naming a cycle. */
function topoOrder(defs: readonly Expr[], names: readonly string[]): number[] {
  const order: number[] = [];
  const state = new Uint8Array(defs.length);
  const stack: number[] = [];
  const visit = (k: number): void => {
    state[k] = 1;
    stack.push(k);
    for (const j of wRefs(defs[k]!)) {
      if (state[j] === 1) {
        const cycle = [...stack.slice(stack.indexOf(j)), j].map((i) => names[i]).join(' -> ');
        throw new ModelError(`cycle in assignment rules and reaction rates: ${cycle}`, { path: 'rules' });
      }
      if (state[j] === 0) visit(j);
    }
    stack.pop();
    state[k] = 2;
    order.push(k);
  };
  for (let k = 0; k < defs.length; k++) if (state[k] === 0) visit(k);
  return order;
}
