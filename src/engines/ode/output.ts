/**
 * Output sampling, kept apart from stepping: either at requested times (values from the dense output,
 * never by forcing steps) or at every accepted step. Values go through problem.observe so that outputs
 * can be any model symbol, as amounts or concentrations.
 *
 * Protocol used by the integrator, for each accepted step ending at tEnd:
 *   before(tEnd, interp)  -- requested times < tEnd, from the dense output
 *   at(tEnd, y)           -- requested times == tEnd (after events at tEnd), or the step point
 * At an event the integrator calls `step(t, y)` before processing (the pre-event point, step mode only)
 * and `at(t, y)` after it, so requested times equal to an event time report post-event values.
 */
import { InputError } from '../../errors.js';
import type { Observer } from '../../problem/types.js';

export class OutputSampler {
  private readonly observer: Observer;
  private readonly p: Float64Array;
  private readonly nIds: number;
  private readonly times: Float64Array | null;
  private next = 0;
  private tBuf: Float64Array;
  private yBuf: Float64Array;
  private rows = 0;
  private readonly row: Float64Array;
  private readonly yTmp: Float64Array;

  constructor(observer: Observer, p: Float64Array, nIds: number, n: number, times: Float64Array | null) {
    this.observer = observer;
    this.p = p;
    this.nIds = nIds;
    this.times = times;
    const cap = times ? times.length : 256;
    this.tBuf = new Float64Array(cap);
    this.yBuf = new Float64Array(cap * nIds);
    this.row = new Float64Array(nIds);
    this.yTmp = new Float64Array(n);
  }

  /** Validates requested output times: finite, sorted, within [t0, tEnd]. */
  static checkTimes(times: ArrayLike<number>, t0: number, tEnd: number): Float64Array {
    const out = Float64Array.from(times);
    for (let i = 0; i < out.length; i++) {
      const t = out[i];
      if (!Number.isFinite(t) || t < t0 || t > tEnd) {
        throw new InputError(`output time ${t} is outside [${t0}, ${tEnd}]`, { path: `outputTimes[${i}]` });
      }
      if (i > 0 && t < out[i - 1])
        throw new InputError('output times must be sorted', { path: `outputTimes[${i}]` });
    }
    return out;
  }

  /** Requested times strictly before t, interpolated by `interp`. */
  before(t: number, interp: (tq: number, out: Float64Array) => void): void {
    const { times } = this;
    if (!times) return;
    while (this.next < times.length && times[this.next] < t) {
      const tq = times[this.next++];
      interp(tq, this.yTmp);
      this.record(tq, this.yTmp);
    }
  }

  /** Requested times <= t from the state y at t; in step mode, records the point (t, y). */
  at(t: number, y: Float64Array): void {
    const { times } = this;
    if (!times) {
      this.record(t, y);
      return;
    }
    while (this.next < times.length && times[this.next] <= t) this.record(times[this.next++], y);
  }

  /** Records a pre-event point in step mode; no-op for requested times. */
  step(t: number, y: Float64Array): void {
    if (!this.times) this.record(t, y);
  }

  result(): { t: Float64Array; y: Float64Array } {
    return { t: this.tBuf.slice(0, this.rows), y: this.yBuf.slice(0, this.rows * this.nIds) };
  }

  private record(t: number, y: Float64Array): void {
    if (this.rows === this.tBuf.length) {
      const t2 = new Float64Array(this.rows * 2);
      t2.set(this.tBuf);
      this.tBuf = t2;
      const y2 = new Float64Array(this.rows * 2 * this.nIds);
      y2.set(this.yBuf);
      this.yBuf = y2;
    }
    this.observer(t, y, this.p, this.row);
    this.tBuf[this.rows] = t;
    this.yBuf.set(this.row, this.rows * this.nIds);
    this.rows++;
  }
}
