/**
 * SBML Level 3 event semantics over compiled events, shared by the ODE and stochastic engines
 * (SBML L3V2 core specification, Sec. 4.12 "Events" and 3.4.9 of the execution model):
 * - each event's trigger value is tracked; at t0 it is `initialValue`, so a trigger true at t0 fires
 *   then only when initialValue is false;
 * - an event triggers on a false -> true transition of its trigger; its execution is scheduled at
 *   trigger time + delay (delay evaluated at trigger time); with `useValuesFromTriggerTime` the
 *   assignment values are evaluated at trigger time, else at execution time;
 * - a non-persistent event's pending executions are cancelled when its trigger turns false first;
 * - executions due at the same time run one at a time, highest priority first (priority evaluated
 *   when choosing); events without priority rank below every prioritised event. Ties between equal
 *   priorities are broken at random, as SBML L3 prescribes for events of equal priority (Sec. 4.12,
 *   Priority; the suite's RandomEventExecution cases) when the engine supplies a uniform source, by reservoir
 *   sampling over the tied executions; without one, and always among events without priority, by trigger
 *   order, then by event order in the model. After every execution the engine's `settle` hook runs
 *   (e.g. re-solving algebraic rules) and all triggers are re-evaluated (cascades) before choosing the next;
 * - scheduled events (`fixedTimes`, doses) trigger once at each listed time, including t0.
 *
 * How an engine drives it:
 *   const runner = new EventRunner(problem.events, p, { uniform: () => rng.uniform() });
 *   fired = runner.init(t0, y);                  // may change y (events firing at t0)
 *   loop:
 *     tNext = runner.nextScheduledTime();         // step/sample no further than this
 *     ... advance the state to t (continuous engines locate sign changes of runner.roots(t, y, g) first)
 *     if (t === tNext || runner.needsProcessing(t, y)) fired = runner.process(t, y);   // mutates y
 * The stochastic engine calls process(t, y) after each reaction firing (triggers depend on the state)
 * and advances exactly to nextScheduledTime() when no reaction happens before it.
 */
import { SolverError } from '../errors.js';
import type { CompiledEvent } from '../problem/types.js';
import type { FiredEvent } from './ode/types.js';

interface Pending {
  readonly ev: number;
  readonly tExec: number;
  /** Assignment values evaluated at trigger time, or null to evaluate at execution. */
  readonly vals: Float64Array | null;
  readonly seq: number;
}

/** Optional engine hooks. */
export interface EventRunnerOptions {
  /** Uniform(0, 1) source for random tie-breaks between equal priorities (see setUniform). */
  readonly uniform?: (() => number) | null;
  /**
   * Called after every event execution, before triggers are re-evaluated, to re-establish what the
   * state must satisfy at all times (the ODE engine re-solves algebraic rules here). Mutates y.
   */
  readonly settle?: (t: number, y: Float64Array) => void;
}

/** Guard against an infinite cascade of zero-delay events at one instant. */
const MAX_EXECUTIONS_PER_INSTANT = 100000;

export class EventRunner {
  /** Total number of root functions (sum of nRoots). */
  readonly nRoots: number;
  private readonly events: readonly CompiledEvent[];
  private readonly p: Float64Array;
  private readonly state: Uint8Array;
  private readonly rootOffset: Int32Array;
  private readonly fixedNext: Int32Array;
  private readonly scratch: Float64Array[];
  private readonly settle: ((t: number, y: Float64Array) => void) | null;
  private uniform: (() => number) | null;
  private pending: Pending[] = [];
  private seq = 0;

  constructor(events: readonly CompiledEvent[], p: Float64Array, options: EventRunnerOptions = {}) {
    this.events = events;
    this.p = p;
    this.uniform = options.uniform ?? null;
    this.settle = options.settle ?? null;
    this.state = new Uint8Array(events.length);
    this.rootOffset = new Int32Array(events.length);
    this.fixedNext = new Int32Array(events.length);
    let off = 0;
    events.forEach((ev, i) => {
      this.rootOffset[i] = off;
      off += ev.fixedTimes ? 0 : ev.nRoots;
    });
    this.nRoots = off;
    this.scratch = events.map((ev) => new Float64Array(ev.nAssign));
  }

  /**
   * Installs the uniform(0, 1) source for random tie-breaks (null: reproducible model order). A
   * stochastic engine passes each run's stream here before init().
   */
  setUniform(uniform: (() => number) | null): void {
    this.uniform = uniform;
  }

  /** True when there is nothing to track. */
  get empty(): boolean {
    return this.events.length === 0;
  }

  /** Sets trigger states to their initial values and processes time t0 (may change y). */
  init(t0: number, y: Float64Array): FiredEvent[] {
    this.pending = [];
    this.seq = 0;
    this.events.forEach((ev, i) => {
      this.state[i] = ev.initialValue ? 1 : 0;
      this.fixedNext[i] = 0;
    });
    return this.process(t0, y);
  }

  /** Writes all root functions at out[0 .. nRoots). */
  roots(t: number, y: Float64Array, out: Float64Array): void {
    const { events } = this;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      if (!ev.fixedTimes && ev.nRoots > 0) ev.roots(t, y, this.p, out, this.rootOffset[i]);
    }
  }

  /** Earliest pending execution or scheduled trigger time (> t for scheduled triggers); Infinity if none. */
  nextScheduledTime(): number {
    let next = Number.POSITIVE_INFINITY;
    for (const pe of this.pending) if (pe.tExec < next) next = pe.tExec;
    const { events } = this;
    for (let i = 0; i < events.length; i++) {
      const ft = events[i].fixedTimes;
      if (ft && this.fixedNext[i] < ft.length && ft[this.fixedNext[i]] < next) next = ft[this.fixedNext[i]];
    }
    return next;
  }

  /** True when process(t, y) would do something: a trigger changed value or something is due. */
  needsProcessing(t: number, y: Float64Array): boolean {
    if (this.nextScheduledTime() <= t) return true;
    const { events, state, p } = this;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      if (!ev.fixedTimes && (ev.trigger(t, y, p) ? 1 : 0) !== state[i]) return true;
    }
    return false;
  }

  /**
   * Handles time t for state y (mutated in place): records trigger transitions, then executes every
   * execution due at or before t in priority order, re-evaluating triggers after each one.
   * Returns the executed events in order.
   */
  process(t: number, y: Float64Array): FiredEvent[] {
    const fired: FiredEvent[] = [];
    const { events, p } = this;
    for (let i = 0; i < events.length; i++) {
      const ft = events[i].fixedTimes;
      if (!ft) continue;
      while (this.fixedNext[i] < ft.length && ft[this.fixedNext[i]] <= t) {
        this.fixedNext[i]++;
        this.onTrigger(i, t, y);
      }
    }
    this.updateTriggers(t, y);
    for (let count = 0; ; count++) {
      const idx = this.chooseDue(t, y);
      if (idx < 0) break;
      if (count >= MAX_EXECUTIONS_PER_INSTANT) {
        throw new SolverError(`more than ${MAX_EXECUTIONS_PER_INSTANT} event executions at one instant`, t);
      }
      const pe = this.pending[idx];
      this.pending.splice(idx, 1);
      const ev = events[pe.ev];
      let vals = pe.vals;
      if (!vals) {
        vals = this.scratch[pe.ev];
        ev.values(t, y, p, vals);
      }
      ev.assign(t, y, p, vals);
      if (this.settle) this.settle(t, y);
      fired.push({ id: ev.id, t });
      this.updateTriggers(t, y);
    }
    return fired;
  }

  private updateTriggers(t: number, y: Float64Array): void {
    const { events, state, p } = this;
    for (let i = 0; i < events.length; i++) {
      const ev = events[i];
      if (ev.fixedTimes) continue;
      const v = ev.trigger(t, y, p) ? 1 : 0;
      if (v === state[i]) continue;
      state[i] = v;
      if (v) this.onTrigger(i, t, y);
      else if (!ev.persistent) this.pending = this.pending.filter((pe) => pe.ev !== i);
    }
  }

  private onTrigger(i: number, t: number, y: Float64Array): void {
    const ev = this.events[i];
    const delay = ev.delay ? ev.delay(t, y, this.p) : 0;
    if (!(delay >= 0)) throw new SolverError(`event '${ev.id}' has delay ${delay} (must be >= 0)`, t);
    let vals: Float64Array | null = null;
    if (ev.useValuesFromTriggerTime) {
      vals = new Float64Array(ev.nAssign);
      ev.values(t, y, this.p, vals);
    }
    this.pending.push({ ev: i, tExec: t + delay, vals, seq: this.seq++ });
  }

  /**
   * Index in `pending` of the due execution to run next, or -1. Among equal defined priorities, with a
   * uniform source, the k-th tied candidate replaces the choice with probability 1/k (reservoir
   * sampling: each of the tied executions is chosen with probability 1/ties, one draw per extra tie).
   */
  private chooseDue(t: number, y: Float64Array): number {
    let best = -1;
    let bestPrio = 0;
    let bestSeq = 0;
    let ties = 0;
    const { uniform } = this;
    for (let k = 0; k < this.pending.length; k++) {
      const pe = this.pending[k];
      if (pe.tExec > t) continue;
      const ev = this.events[pe.ev];
      const prio = ev.priority ? ev.priority(t, y, this.p) : Number.NEGATIVE_INFINITY;
      if (best < 0 || prio > bestPrio) {
        best = k;
        bestPrio = prio;
        bestSeq = pe.seq;
        ties = 1;
      } else if (prio === bestPrio) {
        if (uniform && ev.priority) {
          ties++;
          if (uniform() * ties < 1) best = k;
        } else if (pe.seq < bestSeq) {
          best = k;
          bestSeq = pe.seq;
        }
      }
    }
    return best;
  }
}
