/**
 * `npm run bench:queue`: the BullMQ map on a loopback Redis (Debian's redis-server, started for the run).
 * 1. overhead: N near-empty ensemble chunks (1 run of a decay to t = 1e-3) through 1 worker of concurrency 1,
 *    per item: amortised wall time of the whole batch, and the round trip of one item alone (median of 15);
 * 2. throughput: CPU-bound chunks through 1 worker vs 2 workers (concurrency 1 each), interleaved, the
 *    ratio of wall times. Items carry about 0.25 s of work each (CSCSIM_QUEUE_RUNS runs per item, default
 *    2000), the size the README asks of work items so that the queue's cost stays under 2% of the work;
 *    CSCSIM_QUEUE_ITEMS (default 24) of them, so that the last item's tail is a small share of the run. Prints JSON rows; the machine load (loadavg) is part of each row.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { compile } from '../src/model/compile.js';
import { simulate } from '../src/parallel/ensemble.js';
import { redisMap } from '../src/parallel/redis/map.js';
import { redisTarget } from '../src/parallel/redis/url.js';
import { startRedis } from '../test/helpers/redis.js';
import { startWorkers } from '../test/helpers/workers.js';
import { birthDeath } from '../test/ssa/models.js';

const redis = await startRedis();
const target = redisTarget(redis.url)!;
const rows: Record<string, unknown>[] = [];
const load = (): number => Math.round(loadavg()[0]! * 10) / 10;

/** CPU ms (user + system, /proc at 100 Hz) of pids and all their descendants. */
function cpuMs(roots: readonly number[]): number {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const f = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(d), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch {}
  }
  const take = new Set(roots);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, st] of stats)
      if (!take.has(pid) && take.has(st.ppid)) {
        take.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of take) ticks += stats.get(pid)?.ticks ?? 0;
  return ticks * 10;
}
const selfCpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

try {
  const tiny = compile(birthDeath(5, 0.1, 0.1));
  const heavy = compile(birthDeath(400, 1, 1.001));
  // 1. Overhead.
  {
    const ws = await startWorkers(redis.url, 1);
    const map = await redisMap({ target });
    const n = 400;
    const run = (runs: number) => simulate(tiny, { runs, seed: 1, outputTimes: [0, 1e-3], map, chunk: 1 });
    await run(20); // warm: the worker's sandbox child starts and compiles once
    const pids = [...ws.map((w) => w.proc.pid!), redis.pid()!];
    const s0 = selfCpu();
    const c0 = cpuMs(pids) + s0;
    const batch = await timed(() => run(n));
    const s1 = selfCpu();
    const cpu = cpuMs(pids) + s1 - c0;
    const alone: number[] = [];
    for (let k = 0; k < 15; k++) alone.push(await timed(() => run(1)));
    alone.sort((a, b) => a - b);
    const inline = await timed(() => simulate(tiny, { runs: n, seed: 1, outputTimes: [0, 1e-3] }));
    rows.push({
      bench: 'queue overhead per item (1 worker, concurrency 1, loopback)',
      items: n,
      amortised_ms: +((batch - inline) / n).toFixed(3),
      cpu_ms_per_item_all_processes: +(cpu / n).toFixed(3),
      coordinator_cpu_ms_per_item: +((s1 - s0) / n).toFixed(3),
      single_item_round_trip_ms: +alone[7]!.toFixed(2),
      loadavg: load(),
    });
    await map.forget();
    await map.close();
    await Promise.all(ws.map((w) => w.stop()));
  }
  // 2. Throughput, 1 vs 2 workers, alternating.
  {
    const items = Number(process.env.CSCSIM_QUEUE_ITEMS) || 24;
    const runsPerItem = Number(process.env.CSCSIM_QUEUE_RUNS) || 2000;
    const opts = {
      runs: items * runsPerItem,
      seed: 3,
      outputTimes: [0, 5],
      chunk: runsPerItem,
      quantiles: [],
    };
    const one: number[] = [];
    const two: number[] = [];
    const local = await timed(() => simulate(heavy, { ...opts }));
    // V8 gives the same code a speed that differs by up to 30% from one process to the next (measured on
    // these kernels), so each repetition starts fresh workers: the medians compare typical processes,
    // never one lucky process against an unlucky pair. Each repetition has a queue of its own.
    const reps = Number(process.env.CSCSIM_QUEUE_REPS) || 3;
    for (let rep = 0; rep < reps; rep++) {
      for (const n of [1, 2]) {
        const queue = `q${rep}w${n}`;
        const ws = await startWorkers(redis.url, n, ['--queue', queue]);
        const m = await redisMap({ target, queue });
        // Warm: each worker's sandbox child starts (about 1.7 s under tsx) before the clock does; with
        // 4 small items per worker, each takes one while the other's child is still starting.
        await simulate(heavy, { ...opts, runs: 4 * n * 10, chunk: 10, map: m });
        (n === 1 ? one : two).push(await timed(() => simulate(heavy, { ...opts, map: m })));
        await m.forget();
        await m.close();
        await Promise.all(ws.map((w) => w.stop()));
      }
    }
    const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;
    rows.push({
      bench: 'throughput, CPU-bound chunks: 2 workers vs 1 (concurrency 1 each)',
      items,
      item_ms_local: +(local / items).toFixed(1),
      repetitions: reps,
      one_worker_ms: one.map((t) => Math.round(t)),
      two_workers_ms: two.map((t) => Math.round(t)),
      speedup: +(median(one) / median(two)).toFixed(2),
      items_per_s_per_worker: +(items / (median(one) / 1000)).toFixed(2),
      loadavg: load(),
    });
  }
} finally {
  await redis.stop();
}
console.log(JSON.stringify(rows, null, 2));
