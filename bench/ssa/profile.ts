/**
 * Profiling driver for the direct method on the SSA benchmark networks (not part of the benchmark):
 *   node --cpu-prof --import tsx bench/ssa/profile.ts [hierarchy|bd] [runs] [reps]
 * Prints ms and events/s per repetition (the first ones include JIT warm-up).
 */

import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { benchModel } from './run.js';

const name = (process.argv[2] ?? 'hierarchy') as 'bd' | 'hierarchy';
const runs = Number(process.argv[3] ?? 20);
const reps = Number(process.argv[4] ?? 8);
const problem = compile(benchModel(name));
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
