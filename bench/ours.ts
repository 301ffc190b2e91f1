/**
 * Our side of each comparison: `solve` from src/engines/solve.ts on a hand-built Problem (the solver
 * alone) or on `compile(model)` (the shipped path, compiled expressions included). Both modules are
 * imported dynamically so that the benchmarks run, reporting "missing", while they are being written.
 */

import type { OdeMethod, OdeOptions, OdeSolution } from '../src/engines/ode/types.js';
import type { Model } from '../src/model/types.js';
import type { Problem } from '../src/problem/types.js';
import { handProblem } from './problems/hand.js';
import type { BenchProblem } from './problems/types.js';
import { type Timing, type TimingOptions, timeCall } from './timing.js';

type SolveFn = (problem: Problem, options: OdeOptions) => OdeSolution;
type CompileFn = (model: Model) => Problem;

export interface OurSolver {
  /** Row label, e.g. 'rodas' or 'rodas+compile'. */
  readonly id: string;
  readonly method: OdeMethod;
  readonly path: 'hand' | 'compiled';
  /** Also run on stiff problems? (explicit methods are not.) */
  readonly stiffOk: boolean;
}

export const ourSolvers: readonly OurSolver[] = [
  { id: 'rodas', method: 'rodas', path: 'hand', stiffOk: true },
  { id: 'auto', method: 'auto', path: 'hand', stiffOk: true },
  { id: 'dopri5', method: 'dopri5', path: 'hand', stiffOk: false },
  { id: 'auto+compile', method: 'auto', path: 'compiled', stiffOk: true },
];

export interface OurResult extends Timing {
  /** Values on the grid, row-major (grid point, state). */
  readonly y: Float64Array;
  readonly steps: number;
  readonly rhsEvals: number;
  readonly jacEvals: number;
}

async function importOptional<T>(path: string, name: string): Promise<T | string> {
  try {
    const mod = (await import(path)) as Record<string, unknown>;
    const f = mod[name];
    return typeof f === 'function' ? (f as T) : `${path} has no export '${name}'`;
  } catch (e) {
    return `${path} not available (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`;
  }
}

/** The engine entry points, or why they are missing. */
export async function loadEngine(): Promise<{ solve: SolveFn | string; compile: CompileFn | string }> {
  return {
    solve: await importOptional<SolveFn>('../src/engines/solve.js', 'solve'),
    compile: await importOptional<CompileFn>('../src/model/compile.js', 'compile'),
  };
}

/** Picks the grid rows out of a solution (whether or not it also reports t0). */
export function gridValues(sol: OdeSolution, bp: BenchProblem): Float64Array {
  const n = bp.stateIds.length;
  const cols = bp.stateIds.map((id) => sol.ids.indexOf(id));
  if (cols.some((c) => c < 0)) throw new Error(`${bp.id}: solution lacks some of ${bp.stateIds.join(', ')}`);
  const w = sol.ids.length;
  const out = new Float64Array(bp.grid.length * n).fill(Number.NaN);
  let row = 0;
  for (let i = 0; i < bp.grid.length; i++) {
    while (row < sol.t.length && sol.t[row]! < bp.grid[i]!) row++;
    if (row === sol.t.length) break;
    for (let k = 0; k < n; k++) out[i * n + k] = sol.y[row * w + cols[k]!]!;
  }
  return out;
}

export function runOurs(
  bp: BenchProblem,
  s: OurSolver,
  engine: { solve: SolveFn; compile: CompileFn | string },
  tol: { rtol: number; atol: number },
  timing: TimingOptions,
): OurResult {
  let problem: Problem;
  if (s.path === 'hand') problem = handProblem(bp);
  else if (typeof engine.compile === 'string') throw new Error(engine.compile);
  else problem = engine.compile(bp.model());
  const opts: OdeOptions = {
    method: s.method,
    rtol: tol.rtol,
    atol: tol.atol,
    tEnd: bp.tEnd,
    outputTimes: bp.grid,
    outputs: bp.stateIds,
    maxSteps: 1e7,
  };
  const solve = engine.solve;
  const sol = solve(problem, opts);
  const t = timeCall(() => {
    solve(problem, opts);
  }, timing);
  return {
    ...t,
    y: gridValues(sol, bp),
    steps: sol.stats.accepted,
    rhsEvals: sol.stats.rhsEvals,
    jacEvals: sol.stats.jacEvals,
  };
}
