/** Runs one problem at one tolerance on our solvers and on the peers, as Outcomes. */
import { maxRelError } from './error.js';
import { type loadEngine, type OurSolver, runOurs } from './ours.js';
import type { Peer } from './peers/registry.js';
import type { BenchProblem } from './problems/types.js';
import type { Outcome } from './rows.js';
import type { TimingOptions } from './timing.js';

export type Engine = Awaited<ReturnType<typeof loadEngine>>;

export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

const message = (e: unknown): string => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

export function ourOutcome(
  bp: BenchProblem,
  s: OurSolver,
  engine: Engine,
  tol: Tolerance,
  ref: readonly number[],
  timing: TimingOptions,
): Outcome {
  const solve = engine.solve;
  if (typeof solve === 'string') return { ok: false, solver: s.id, why: solve };
  try {
    const r = runOurs(bp, s, { solve, compile: engine.compile }, tol, timing);
    return {
      ok: true,
      solver: s.id,
      ms: r.ms,
      msMedian: r.msMedian,
      error: maxRelError(r.y, ref, bp.errorFloor),
      steps: r.steps,
      rhsEvals: r.rhsEvals,
      jacEvals: r.jacEvals,
    };
  } catch (e) {
    return { ok: false, solver: s.id, why: `failed: ${message(e)}` };
  }
}

export function peerOutcome(
  bp: BenchProblem,
  p: Peer,
  tol: Tolerance,
  ref: readonly number[],
  timing: TimingOptions,
): Outcome {
  const a = p.available();
  if (!a.ok) return { ok: false, solver: p.id, why: `missing (${a.why})` };
  try {
    const r = p.run(bp, { ...tol, batchMs: timing.batchMs, batches: timing.batches });
    return {
      ok: true,
      solver: p.id,
      ms: r.ms,
      msMedian: r.msMedian,
      error: maxRelError(r.y, ref, bp.errorFloor),
      steps: r.steps,
      rhsEvals: r.rhsEvals,
      jacEvals: r.jacEvals,
    };
  } catch (e) {
    return { ok: false, solver: p.id, why: `failed: ${message(e)}` };
  }
}
