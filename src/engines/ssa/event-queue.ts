/**
 * SBML Level 3 event semantics for the stochastic engines: triggers fire on a false -> true transition,
 * scheduled (fixedTimes) events fire once at each listed time, delays queue an execution, non-persistent
 * events are cancelled when their trigger turns false first, simultaneous events run by priority
 * (highest first, ties in declaration order) and each assignment may trigger further events (cascade).
 * The pure-jump engines check triggers after every firing, so a trigger changes value only at jumps or
 * (for time-dependent triggers) between them, where the driver bisects for the crossing.
 */
import { SolverError } from '../../errors.js';
import type { CompiledEvent, Problem } from '../problem.js';

interface Pending {
  t: number;
  readonly ev: number;
  /** Assignment values fixed at trigger time, or null to evaluate at execution. */
  readonly vals: Float64Array | null;
  readonly seq: number;
}

const MAX_CASCADE = 10_000;

export class EventQueue {
  private readonly events: readonly CompiledEvent[];
  private readonly prev: Uint8Array;
  private readonly nextFixed: Int32Array;
  private readonly scratch: Float64Array;
  private pending: Pending[] = [];
  private seq = 0;
  /** Events with a trigger evaluated from state (not fixedTimes). */
  readonly hasTriggers: boolean;
  readonly count: number;
  /** Ids and times of executed events, in order (kept only when recording). */
  readonly log: { id: string; t: number }[] = [];
  record = false;

  constructor(
    problem: Problem,
    private readonly p: Float64Array,
  ) {
    this.events = problem.events;
    this.count = this.events.length;
    this.prev = new Uint8Array(this.count);
    this.nextFixed = new Int32Array(this.count);
    this.hasTriggers = this.events.some((e) => e.fixedTimes === undefined);
    this.scratch = new Float64Array(Math.max(1, ...this.events.map((e) => e.nAssign)));
  }

  /** Resets for a new run at t0: trigger memory from initialValue, then fires what is already due. */
  start(t0: number, y: Float64Array): boolean {
    this.pending = [];
    this.seq = 0;
    this.log.length = 0;
    for (let i = 0; i < this.count; i++) {
      const e = this.events[i];
      this.prev[i] = e.initialValue ? 1 : 0;
      this.nextFixed[i] = 0;
      // Scheduled times before t0 are in the past; the SBML t0 trigger rule applies to time >= t0.
      if (e.fixedTimes)
        while (this.nextFixed[i] < e.fixedTimes.length && e.fixedTimes[this.nextFixed[i]] < t0)
          this.nextFixed[i]++;
    }
    return this.process(t0, y);
  }

  /** Earliest scheduled time > t at which the queue must act (fixed times, delayed executions). */
  nextTime(t: number): number {
    let tn = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.count; i++) {
      const ft = this.events[i].fixedTimes;
      if (ft && this.nextFixed[i] < ft.length && ft[this.nextFixed[i]] < tn) tn = ft[this.nextFixed[i]];
    }
    for (const q of this.pending) if (q.t < tn) tn = q.t;
    return Math.max(tn, t);
  }

  /** True when some state trigger is false -> true at (t, y), without changing anything. */
  wouldTrigger(t: number, y: Float64Array): boolean {
    for (let i = 0; i < this.count; i++) {
      const e = this.events[i];
      if (e.fixedTimes === undefined && this.prev[i] === 0 && e.trigger(t, y, this.p)) return true;
    }
    return false;
  }

  /**
   * Handles everything due at time t with state y (modified in place): new triggers, scheduled times,
   * delayed executions, cascades. Returns true when some assignment changed y.
   */
  process(t: number, y: Float64Array): boolean {
    const ready: Pending[] = [];
    this.collect(t, y, ready);
    let changed = false;
    let n = 0;
    while (ready.length > 0) {
      if (++n > MAX_CASCADE) throw new SolverError('event cascade did not terminate', t);
      const k = this.pickHighest(ready, t, y);
      const q = ready[k];
      ready.splice(k, 1);
      const e = this.events[q.ev];
      const vals = q.vals ?? this.scratch;
      if (q.vals === null) e.values(t, y, this.p, vals);
      e.assign(t, y, this.p, vals);
      if (this.record) this.log.push({ id: e.id, t });
      changed = true;
      // Assignments may change triggers: cancel non-persistent ready events, collect new ones.
      for (let i = ready.length - 1; i >= 0; i--) {
        const r = ready[i];
        const re = this.events[r.ev];
        if (!re.persistent && re.fixedTimes === undefined && !re.trigger(t, y, this.p)) ready.splice(i, 1);
      }
      this.collect(t, y, ready);
    }
    return changed;
  }

  private collect(t: number, y: Float64Array, ready: Pending[]): void {
    for (let i = 0; i < this.count; i++) {
      const e = this.events[i];
      let fire = false;
      if (e.fixedTimes) {
        const ft = e.fixedTimes;
        while (this.nextFixed[i] < ft.length && ft[this.nextFixed[i]] <= t) {
          this.nextFixed[i]++;
          fire = true;
        }
      } else {
        const now = e.trigger(t, y, this.p) ? 1 : 0;
        if (now === 1 && this.prev[i] === 0) fire = true;
        this.prev[i] = now;
        if (now === 0 && !e.persistent) this.pending = this.pending.filter((q) => q.ev !== i);
      }
      if (!fire) continue;
      const vals = e.useValuesFromTriggerTime && e.nAssign > 0 ? new Float64Array(e.nAssign) : null;
      if (vals) e.values(t, y, this.p, vals);
      const d = e.delay ? e.delay(t, y, this.p) : 0;
      const q: Pending = { t: t + d, ev: i, vals, seq: this.seq++ };
      if (d > 0) this.pending.push(q);
      else ready.push(q);
    }
    for (let i = this.pending.length - 1; i >= 0; i--) {
      if (this.pending[i].t <= t) {
        ready.push(this.pending[i]);
        this.pending.splice(i, 1);
      }
    }
  }

  private pickHighest(ready: Pending[], t: number, y: Float64Array): number {
    let best = 0;
    let bestP = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < ready.length; i++) {
      const e = this.events[ready[i].ev];
      const pr = e.priority ? e.priority(t, y, this.p) : Number.NEGATIVE_INFINITY;
      if (pr > bestP || (pr === bestP && ready[i].seq < ready[best].seq)) {
        best = i;
        bestP = pr;
      }
    }
    return best;
  }
}
