/**
 * Profiling driver for the SSA methods (not part of the benchmark):
 *   node --cpu-prof --import tsx bench/ssa/profile.ts [hierarchy|bd] [runs] [reps]
 *   node --cpu-prof --import tsx bench/ssa/profile.ts her2 [runs] [reps] [hybrid|tau-leap|direct] [inoculum]
 * The first form runs the direct method on the SSA benchmark networks; `her2` runs the 40-day MCF7
 * fat-pad model with trastuzumab as bench/ssa/her2.ts does. Prints ms and events/s per repetition (the
 * first ones include JIT warm-up).
 */

import type { SsaMethodName } from '../../src/engines/ssa/method.js';
import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { her2Ensemble } from './her2.js';
import { benchModel } from './run.js';

const name = process.argv[2] ?? 'hierarchy';
const runs = Number(process.argv[3] ?? 20);
const reps = Number(process.argv[4] ?? 8);
if (name === 'her2') {
  const method = (process.argv[5] ?? 'hybrid') as SsaMethodName;
  const inoculum = Number(process.argv[6] ?? 1e6);
  for (let r = 0; r < reps; r++) {
    const e = await her2Ensemble(inoculum, method, runs, 40, { workers: 1 });
    console.log(
      `her2 ${method} rep ${r}: ${e.cpuPerRun.toFixed(2)} CPU ms/run, ${Math.round(e.res.stats.firings / runs)} firings/run`,
    );
  }
} else {
  const problem = compile(benchModel(name as 'bd' | 'hierarchy'));
  const tEnd = name === 'bd' ? 10 : 20;
  const outputTimes = Array.from({ length: 51 }, (_, i) => (tEnd * i) / 50);
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    const res = await simulate(problem, { runs, seed: 1, outputTimes, quantiles: [], workers: 1 });
    const ms = performance.now() - t0;
    console.log(
      `${name} rep ${r}: ${ms.toFixed(1)} ms, ${((res.stats.firings / ms) * 1e3).toExponential(3)} events/s`,
    );
  }
}
