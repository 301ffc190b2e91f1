/**
 * Makes the reference solutions: `node --import tsx bench/reference/make.ts [problem ...]`.
 * Primary: SciPy Radau IIA (order 5) at rtol 1e-13, atol = errorFloor * 1e-14; for the linear PK problem,
 * the exact matrix-exponential solution. Cross-check: CVODE BDF at rtol 1e-12 (SciPy Radau for PK), whose
 * error against the primary is stored, an upper estimate of the reference's own error.
 */
import { maxRelError } from '../error.js';
import { findPeer } from '../peers/registry.js';
import { problems } from '../problems/index.js';
import type { BenchProblem } from '../problems/types.js';
import { exactLinear2 } from './exact.js';
import { saveReference } from './store.js';

function tight(bp: BenchProblem, peerId: string, rtol: number): { y: number[]; method: string } {
  const atol = bp.errorFloor * 1e-14;
  const out = findPeer(peerId).run(bp, { rtol, atol, batchMs: 0, batches: 0, reference: true });
  return { y: [...out.y], method: `${out.solver} ${out.version} rtol ${rtol} atol ${atol}` };
}

function make(bp: BenchProblem): void {
  const t0 = performance.now();
  const primary =
    bp.id === 'pk2'
      ? { y: [...exactLinear2(bp)], method: 'exact (2x2 matrix exponential between doses)' }
      : tight(bp, 'scipy-radau', 1e-13);
  const check = bp.id === 'pk2' ? tight(bp, 'scipy-radau', 1e-13) : tight(bp, 'cvode-bdf', 1e-12);
  const error = maxRelError(check.y, primary.y, bp.errorFloor);
  saveReference({
    problem: bp.id,
    ids: bp.stateIds,
    grid: [...bp.grid],
    y: primary.y,
    method: primary.method,
    crossCheck: { method: check.method, error },
    generated: new Date().toISOString().slice(0, 10),
  });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  console.log(
    `${bp.id}: ${primary.method}; cross-check ${check.method}: error ${error.toExponential(2)} (${s} s)`,
  );
}

const wanted = process.argv.slice(2);
for (const bp of problems) if (wanted.length === 0 || wanted.includes(bp.id)) make(bp);
