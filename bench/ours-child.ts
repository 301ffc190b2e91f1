/**
 * Runs one of our (problem, solver, tolerance) cases in a fresh process and prints the result as JSON:
 *   node --import tsx bench/ours-child.ts '{"problem":"robertson","solver":"rodas","rtol":1e-6,"atol":1e-10,
 *     "timing":{"batchMs":200,"batches":7,"warmupMs":500}}'
 * Why a process per case: V8 inlines the Problem's rhs into the stepper only while the call site has seen
 * one function; solving a second Problem in the same process makes it polymorphic and slows every later
 * solve (measured up to 2x on Robertson). Peers run one job per process too.
 */
import { loadEngine, ourSolvers, runOurs } from './ours.js';
import { problems } from './problems/index.js';
import type { TimingOptions } from './timing.js';

interface Case {
  readonly problem: string;
  readonly solver: string;
  readonly rtol: number;
  readonly atol: number;
  readonly timing: TimingOptions;
}

const c = JSON.parse(process.argv[2] ?? '{}') as Case;
const bp = problems.find((p) => p.id === c.problem);
const s = ourSolvers.find((x) => x.id === c.solver);
try {
  if (!bp || !s) throw new Error(`unknown problem or solver: ${c.problem}, ${c.solver}`);
  const engine = await loadEngine();
  if (typeof engine.solve === 'string') throw new Error(engine.solve);
  const r = runOurs(bp, s, { solve: engine.solve, compile: engine.compile }, c, c.timing);
  process.stdout.write(`${JSON.stringify({ ...r, y: Array.from(r.y) })}\n`);
} catch (e) {
  process.stdout.write(
    `${JSON.stringify({ error: e instanceof Error ? e.message.split('\n')[0] : String(e) })}\n`,
  );
}
