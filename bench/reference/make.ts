/**
 * Makes the reference solutions: `node --import tsx bench/reference/make.ts [problem ...]`.
 * Primary: SciPy Radau IIA (order 5) at rtol 1e-13, atol = errorFloor * 1e-9; for the linear PK problem,
 * the exact matrix-exponential solution. Cross-checks, independent implementations: CVODE BDF at rtol 1e-12
 * and R deSolve's RADAU5 (Fortran) at rtol 1e-13 (SciPy Radau for PK); their errors against the primary
 * are stored, the smallest being an upper estimate of the reference's own error.
 */
import { maxRelError } from '../error.js';
import { findPeer } from '../peers/registry.js';
import { problems } from '../problems/index.js';
import type { BenchProblem } from '../problems/types.js';
import { exactLinear2 } from './exact.js';
import { saveReference } from './store.js';

function tight(bp: BenchProblem, peerId: string, rtol: number): { y: number[]; method: string } {
  const atol = bp.errorFloor * 1e-9;
  const out = findPeer(peerId).run(bp, { rtol, atol, batchMs: 0, batches: 0, reference: true });
  return { y: [...out.y], method: `${out.solver} ${out.version} rtol ${rtol} atol ${atol}` };
}

function make(bp: BenchProblem): void {
  const t0 = performance.now();
  const primary =
    bp.id === 'pk2'
      ? { y: [...exactLinear2(bp)], method: 'exact (2x2 matrix exponential between doses)' }
      : tight(bp, 'scipy-radau', 1e-13);
  const checks =
    bp.id === 'pk2'
      ? [tight(bp, 'scipy-radau', 1e-13)]
      : [tight(bp, 'cvode-bdf', 1e-12), tight(bp, 'desolve-radau', 1e-13)];
  const crossChecks = checks.map((c) => ({
    method: c.method,
    error: maxRelError(c.y, primary.y, bp.errorFloor),
  }));
  saveReference({
    problem: bp.id,
    ids: bp.stateIds,
    grid: [...bp.grid],
    y: primary.y,
    method: primary.method,
    crossChecks,
    generated: new Date().toISOString().slice(0, 10),
  });
  const s = ((performance.now() - t0) / 1000).toFixed(1);
  const checked = crossChecks.map((c) => `${c.method}: ${c.error.toExponential(2)}`).join('; ');
  console.log(`${bp.id}: ${primary.method}; cross-checks ${checked} (${s} s)`);
}

const wanted = process.argv.slice(2);
for (const bp of problems) if (wanted.length === 0 || wanted.includes(bp.id)) make(bp);
