/**
 * Timing as the peer harnesses do it: warm up (JIT), size a batch so that it lasts about `batchMs`,
 * run `batches` batches, and report the fastest batch's time per call (min is the least noisy estimate
 * of the cost on a shared machine) and the median batch's.
 */
export interface TimingOptions {
  readonly batchMs: number;
  readonly batches: number;
  /** Warm-up duration (ms); at least 3 calls. */
  readonly warmupMs: number;
}

export interface Timing {
  /** Fastest batch, per call (ms). */
  readonly ms: number;
  readonly msMedian: number;
  readonly reps: number;
}

export function timeCall(fn: () => void, o: TimingOptions): Timing {
  let one = Number.POSITIVE_INFINITY;
  const start = performance.now();
  for (let i = 0; i < 3 || performance.now() - start < o.warmupMs; i++) {
    const s = performance.now();
    fn();
    one = Math.min(one, performance.now() - s);
  }
  const reps = Math.max(1, Math.ceil(o.batchMs / Math.max(one, 1e-3)));
  const per: number[] = [];
  for (let b = 0; b < o.batches; b++) {
    const s = performance.now();
    for (let r = 0; r < reps; r++) fn();
    per.push((performance.now() - s) / reps);
  }
  per.sort((a, b) => a - b);
  return { ms: per[0] ?? one, msMedian: per[per.length >> 1] ?? one, reps };
}
