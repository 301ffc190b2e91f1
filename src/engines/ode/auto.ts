/**
 * Automatic stiffness switching, in the spirit of LSODA (Petzold 1983, "Automatic selection of methods
 * for solving stiff and nonstiff systems of ODEs", SIAM J. Sci. Stat. Comput. 4:136) and
 * OrdinaryDiffEq's AutoTsit5(Rosenbrock23): start with DOPRI5; when its stiffness test fires,
 * continue from the same point with the stiff method (BDF by default, or Rodas5P); go back when it reports
 * that h ||J|| stays inside the explicit stability region. Problems with algebraic rows start (and stay)
 * on Rodas5P.
 */
import { Bdf } from './bdf.js';
import { Dopri5 } from './dopri5.js';
import { Rodas } from './rodas.js';
import type { OdeStepper, StepContext } from './stepper.js';
import type { StiffMethod } from './types.js';

export class AutoStepper implements OdeStepper {
  readonly order = 5;
  readonly wantsSwitch = false;
  private readonly explicit: Dopri5 | null;
  private readonly implicit: Rodas | Bdf;
  private active: OdeStepper;
  private readonly ctx: StepContext;

  constructor(ctx: StepContext, stiff: StiffMethod) {
    this.ctx = ctx;
    const dae = ctx.problem.mass?.some((m) => m !== 1) ?? false;
    this.explicit = dae ? null : new Dopri5(ctx, true);
    this.implicit = dae || stiff === 'rodas' ? new Rodas(ctx) : new Bdf(ctx);
    this.active = this.explicit ?? this.implicit;
  }

  get method(): 'dopri5' | 'rodas' | 'bdf' {
    return this.active.method;
  }
  get tPrev(): number {
    return this.active.tPrev;
  }
  get t(): number {
    return this.active.t;
  }
  get y(): Float64Array {
    return this.active.y;
  }
  get dense(): Float64Array {
    return this.active.dense;
  }
  get lastError(): number {
    return this.active.lastError;
  }
  get hNext(): number {
    return this.active.hNext;
  }

  reset(t: number, y: Float64Array, h: number): void {
    this.active.reset(t, y, h);
  }

  attempt(tNew: number, atStop = false): boolean {
    const cur = this.active;
    if (cur.wantsSwitch && this.explicit) {
      const next = cur === this.explicit ? this.implicit : this.explicit;
      next.reset(cur.t, cur.y, cur.hNext);
      this.active = next;
      this.ctx.stats.switches++;
    }
    return this.active.attempt(tNew, atStop);
  }

  interpolate(tq: number, out: Float64Array): void {
    this.active.interpolate(tq, out);
  }

  worstComponent(): number {
    return this.active.worstComponent();
  }
}
