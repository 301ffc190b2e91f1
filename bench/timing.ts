/**
 * Timing as the peer harnesses do it: warm up (JIT), size a batch so that it lasts about `batchMs`,
 * run `batches` batches, and report the fastest batch's time per call (min is the least noisy estimate
 * of the cost) and the median batch's.
 *
 * Clock: 'cpu' (default) counts the process's CPU time (user + system), which time-slicing on a loaded
 * machine does not inflate; the peers use the same clock (CLOCK_PROCESS_CPUTIME_ID, process_time,
 * proc.time). For node this includes V8's helper threads (GC, JIT), which can only count against us.
 * 'wall' is elapsed time, right on an idle machine only.
 */
export type Clock = 'cpu' | 'wall';

export interface TimingOptions {
  readonly batchMs: number;
  readonly batches: number;
  /** Warm-up duration (ms, on the chosen clock); at least 10 calls. */
  readonly warmupMs: number;
  /** Default 'cpu'. */
  readonly clock?: Clock;
}

export interface Timing {
  /** Fastest batch, per call (ms). */
  readonly ms: number;
  readonly msMedian: number;
  readonly reps: number;
}

const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

export function timeCall(fn: () => void, o: TimingOptions): Timing {
  const now = o.clock === 'wall' ? () => performance.now() : cpuMs;
  // Warm up on the same clock: on a loaded machine a wall-clock warm-up may end before the JIT has
  // optimized anything.
  let one = Number.POSITIVE_INFINITY;
  const start = now();
  for (let i = 0; i < 10 || now() - start < o.warmupMs; i++) {
    const s = performance.now();
    fn();
    one = Math.min(one, performance.now() - s);
  }
  const reps = Math.max(1, Math.ceil(o.batchMs / Math.max(one, 1e-3)));
  const per: number[] = [];
  for (let b = 0; b < o.batches; b++) {
    const s = now();
    for (let r = 0; r < reps; r++) fn();
    per.push((now() - s) / reps);
  }
  per.sort((a, b) => a - b);
  return { ms: per[0] ?? one, msMedian: per[per.length >> 1] ?? one, reps };
}
