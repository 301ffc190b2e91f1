/**
 * Dense-output history of accepted steps, for models with delay() (method of steps,
 * Bellen & Zennaro, Numerical Methods for Delay Differential Equations, 2003, Ch. 3). Each step stores
 * its start time, size and the 5n dense coefficients (dense.ts). Before t0 the solution is the initial
 * state (compiled models never ask: their delay() evaluators take pre-t0 values from the model itself,
 * model/compile/delay.ts); past the last step the last polynomial is extrapolated (a delay shorter than the
 * current step), and the step-size controller sees the resulting error.
 */
import { evalDense } from './dense.js';

export class DenseHistory {
  private readonly n: number;
  private readonly y0: Float64Array;
  private t0: number;
  private starts: Float64Array = new Float64Array(64);
  private sizes: Float64Array = new Float64Array(64);
  private data: Float64Array;
  private count = 0;
  private last = 0;

  constructor(n: number, t0: number, y0: Float64Array) {
    this.n = n;
    this.t0 = t0;
    this.y0 = Float64Array.from(y0);
    this.data = new Float64Array(64 * 5 * n);
  }

  /** Appends the step [tStart, tStart + h] (later steps may start before its end, after an event). */
  push(tStart: number, h: number, dense: Float64Array): void {
    const cap = this.starts.length;
    if (this.count === cap) {
      this.starts = grow(this.starts, 2 * cap);
      this.sizes = grow(this.sizes, 2 * cap);
      this.data = grow(this.data, 2 * cap * 5 * this.n);
    }
    // Drop steps that a truncated step (event) overrides.
    while (this.count > 0 && this.starts[this.count - 1] >= tStart) this.count--;
    this.starts[this.count] = tStart;
    this.sizes[this.count] = h;
    this.data.set(dense.subarray(0, 5 * this.n), this.count * 5 * this.n);
    this.count++;
  }

  /** Writes y(tPast) into out. */
  eval(tPast: number, out: Float64Array): void {
    if (this.count === 0 || tPast <= this.t0) {
      out.set(this.y0);
      return;
    }
    const k = this.find(tPast);
    const h = this.sizes[k];
    evalDense(this.data, k * 5 * this.n, this.n, h > 0 ? (tPast - this.starts[k]) / h : 1, out);
  }

  /** Last step starting at or before t (binary search, starting from the last hit). */
  private find(t: number): number {
    const { starts } = this;
    let i = Math.min(this.last, this.count - 1);
    if (starts[i] <= t && (i + 1 >= this.count || starts[i + 1] > t)) return i;
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= t) lo = mid;
      else hi = mid - 1;
    }
    i = lo;
    this.last = i;
    return i;
  }
}

function grow(a: Float64Array, size: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}
