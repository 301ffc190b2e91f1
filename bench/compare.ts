/** Runs one problem at one tolerance on our solvers and on the peers, as Outcomes. */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { maxRelError } from './error.js';
import { type loadEngine, type OurResult, type OurSolver, runOurs } from './ours.js';
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
const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'ours-child.ts');

type Measured = Omit<OurResult, 'y'> & { readonly y: ArrayLike<number> };

/** One case in a fresh node process (see ours-child.ts for why). */
function runIsolated(bp: BenchProblem, s: OurSolver, tol: Tolerance, timing: TimingOptions): Measured {
  const arg = JSON.stringify({ problem: bp.id, solver: s.id, rtol: tol.rtol, atol: tol.atol, timing });
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, arg], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const line = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  let v: Measured & { error?: string };
  try {
    v = JSON.parse(line) as Measured & { error?: string };
  } catch {
    throw new Error(`ours-child exited ${r.status}: ${(r.stderr ?? '').trim().slice(-300)}`);
  }
  if (typeof v.error === 'string') throw new Error(v.error);
  return v;
}

/** A successful timing as a table outcome: time, error against the reference and work counters. */
function measuredOutcome(
  solver: string,
  r: Omit<Measured, 'y'> & { readonly y: ArrayLike<number> },
  ref: readonly number[],
  bp: BenchProblem,
): Outcome {
  return {
    ok: true,
    solver,
    ms: r.ms,
    msMedian: r.msMedian,
    error: maxRelError(r.y, ref, bp.errorFloor),
    steps: r.steps,
    rhsEvals: r.rhsEvals,
    jacEvals: r.jacEvals,
  };
}

export function ourOutcome(
  bp: BenchProblem,
  s: OurSolver,
  engine: Engine,
  tol: Tolerance,
  ref: readonly number[],
  timing: TimingOptions,
  isolate: boolean,
): Outcome {
  const solve = engine.solve;
  if (typeof solve === 'string') return { ok: false, solver: s.id, why: solve };
  try {
    const r = isolate
      ? runIsolated(bp, s, tol, timing)
      : runOurs(bp, s, { solve, compile: engine.compile }, tol, timing);
    return measuredOutcome(s.id, r, ref, bp);
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
    const r = p.run(bp, { ...tol, batchMs: timing.batchMs, batches: timing.batches, clock: timing.clock });
    return measuredOutcome(p.id, r, ref, bp);
  } catch (e) {
    return { ok: false, solver: p.id, why: `failed: ${message(e)}` };
  }
}
