/**
 * Our side of one libRoadRunner row, in a fresh process (a cold load, like rrref's): read + import + compile
 * the SBML file, then solve on the grid once and time 5 more solves (fastest kept), as rrref does: `sim_ms`,
 * which in a fresh process is mostly V8 compiling the solver and the model's functions. Then `sim_warm_ms`:
 * the fastest of the solves after those, up to 300 or 3 s, once V8 has optimised them (the state a
 * calibration runs in; rrref's native code has no such phase).
 *   node --import tsx bench/roadrunner/ours-child.ts MODEL.xml T_END POINTS RTOL ATOL [STIFF]
 * STIFF: the stiff method of `auto` (bdf | rodas; default: solve's).
 * Prints {load_ms, sim_ms, sim_warm_ms, ids, y} (y: species amounts on the grid, row-major).
 */
import { readFileSync } from 'node:fs';
import type { StiffMethod } from '../../src/engines/ode/types.js';
import { solve } from '../../src/engines/solve.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';

const [file, tEndS, pointsS, rtolS, atolS, stiff] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  StiffMethod | undefined,
];
const tEnd = Number(tEndS);
const points = Number(pointsS);
const t0 = performance.now();
const model = importSbml(readFileSync(file, 'utf8'), file);
const problem = compile(model);
const t1 = performance.now();
const ids = model.species.map((s) => s.id);
const outputTimes = Array.from({ length: points }, (_, i) => (tEnd * i) / (points - 1));
const opts = {
  tEnd,
  outputTimes,
  outputs: ids,
  amount: ids,
  rtol: Number(rtolS),
  atol: Number(atolS),
  ...(stiff !== undefined ? { stiff } : {}),
};
const first = solve(problem, opts);
let best = Number.POSITIVE_INFINITY;
for (let k = 0; k < 5; k++) {
  const s = performance.now();
  solve(problem, opts);
  best = Math.min(best, performance.now() - s);
}
let warm = best;
const until = performance.now() + 3000;
for (let k = 0; k < 300 && performance.now() < until; k++) {
  const s = performance.now();
  solve(problem, opts);
  warm = Math.min(warm, performance.now() - s);
}
process.stdout.write(
  `${JSON.stringify({ load_ms: t1 - t0, sim_ms: best, sim_warm_ms: warm, ids, y: Array.from(first.y) })}\n`,
);
