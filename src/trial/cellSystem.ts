/**
 * The trial model's cell reactions in a reduced, local form (the reference clone's system, reference.ts),
 * and the small dense linear algebra of its linear regime: the RK4 propagator matrix and the balanced
 * growth ratio.
 */
import { numberLiteral } from '../model/expr/codegen.js';
import type { Problem } from '../problem/types.js';
import type { TrialModel } from './rates.js';

/** The model's cell reactions in a reduced, local form (built once per compiled model). */
export interface CellSystem {
  /** Model state slots of the cell species, in local order (local 0 = S). */
  readonly slots: Int32Array;
  /** Per reaction: model reaction index, local reactant index, and local stoichiometry (CSR). */
  readonly rx: Int32Array;
  readonly reactant: Int32Array;
  readonly rowPtr: Int32Array;
  readonly col: Int32Array;
  readonly val: Float64Array;
}

const systems = new WeakMap<Problem, CellSystem>();

/** The cell reactions of the trial model: one reactant, a cell species with stoichiometry 1. */
export function cellSystem(M: TrialModel): CellSystem {
  const hit = systems.get(M.problem);
  if (hit) return hit;
  const pr = M.problem;
  const ids = ['S', ...pr.stateIds.filter((id) => /^(P\d+|D)$/.test(id))];
  const slots = Int32Array.from(ids, (id) => pr.stateIndex.get(id)!);
  const local = new Map<number, number>();
  slots.forEach((s, i) => {
    local.set(s, i);
  });
  const rx: number[] = [];
  const reactant: number[] = [];
  const rowPtr = [0];
  const col: number[] = [];
  const val: number[] = [];
  pr.model.reactions.forEach((r, j) => {
    if (r.reactants.length !== 1) return;
    const ref = r.reactants[0]!;
    const x = local.get(pr.stateIndex.get(ref.species) ?? -1);
    if (x === undefined || (ref.stoichiometry ?? 1) !== 1) return;
    rx.push(j);
    reactant.push(x);
    for (let k = pr.stoich.rowPtr[j]!; k < pr.stoich.rowPtr[j + 1]!; k++) {
      const c = local.get(pr.stoich.col[k]!);
      if (c === undefined) continue;
      col.push(c);
      val.push(pr.stoich.val[k]!);
    }
    rowPtr.push(col.length);
  });
  const sys: CellSystem = {
    slots,
    rx: Int32Array.from(rx),
    reactant: Int32Array.from(reactant),
    rowPtr: Int32Array.from(rowPtr),
    col: Int32Array.from(col),
    val: Float64Array.from(val),
  };
  systems.set(M.problem, sys);
  return sys;
}

/** dx = sum over reactions k of rho[k] x[reactant k] times the stoichiometry of k. */
export type Assemble = (rho: Float64Array, x: Float64Array, dx: Float64Array) => void;

const assemblers = new WeakMap<CellSystem, Assemble>();
let work = new Float64Array(0);

/**
 * The slope of the reduced system as straight-line code (compiled once per model): the reference clone
 * evaluates it four times per RK4 step, and the indexed loop over the reactions was a sixth of the fast
 * trial path. The same products and sums in the same order as the loop (reaction by reaction, each
 * species' terms added in that order), so the same bits; the text holds only slot indices and the
 * model's stoichiometric numbers (codegen's numberLiteral).
 */
export function assembler(sys: CellSystem, problem: Problem): Assemble {
  const hit = assemblers.get(sys);
  if (hit) return hit;
  const n = sys.slots.length;
  const { reactant, rowPtr, col, val } = sys;
  let f: Assemble;
  if (problem.compileSource) {
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`let d${i} = 0;`);
    for (let k = 0; k < sys.rx.length; k++) {
      lines.push(`const f${k} = rho[${k}] * x[${reactant[k]!}];`);
      for (let e = rowPtr[k]!; e < rowPtr[k + 1]!; e++)
        lines.push(`d${col[e]!} = d${col[e]!} + ${numberLiteral(val[e]!)} * f${k};`);
    }
    for (let i = 0; i < n; i++) lines.push(`dx[${i}] = d${i};`);
    f = problem.compileSource<Assemble>('rho, x, dx', lines.join('\n'));
  } else
    f = (rho, x, dx) => {
      for (let i = 0; i < n; i++) dx[i] = 0;
      for (let k = 0; k < sys.rx.length; k++) {
        const fk = rho[k]! * x[reactant[k]!]!;
        for (let e = rowPtr[k]!; e < rowPtr[k + 1]!; e++) dx[col[e]!] = dx[col[e]!]! + val[e]! * fk;
      }
    };
  assemblers.set(sys, f);
  return f;
}

/** x = R x for a dense row-major n x n R (in place). */
export type Propagate = (R: Float64Array, x: Float64Array) => void;

const propagators = new WeakMap<CellSystem, Propagate>();

/**
 * The product with the RK4 propagator (rk4Propagator) as straight-line code over the entries the
 * reactions can make nonzero: the propagator is a polynomial of degree 4 in hA, so its pattern is that of
 * (I + |hA|)^4, a band below the diagonal for a chain. An entry outside it is exactly 0 in every patient,
 * and a term that is exactly 0 adds nothing, so the sums (columns ascending, as the dense product) give
 * the same bits. The reference clone makes one such product per step of its linear regime.
 */
export function propagator(sys: CellSystem, problem: Problem): Propagate {
  const hit = propagators.get(sys);
  if (hit) return hit;
  const n = sys.slots.length;
  const A = new Uint8Array(n * n);
  for (let k = 0; k < sys.rx.length; k++)
    for (let e = sys.rowPtr[k]!; e < sys.rowPtr[k + 1]!; e++) A[sys.col[e]! * n + sys.reactant[k]!] = 1;
  let B = new Uint8Array(n * n);
  for (let i = 0; i < n; i++) B[i * n + i] = 1;
  for (let step = 0; step < 4; step++) {
    const next = new Uint8Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let v = i === j || B[i * n + j] === 1;
        for (let l = 0; l < n && !v; l++) v = A[i * n + l] === 1 && B[l * n + j] === 1;
        next[i * n + j] = v ? 1 : 0;
      }
    B = next;
  }
  let f: Propagate;
  if (problem.compileSource) {
    const lines: string[] = [];
    for (let j = 0; j < n; j++) lines.push(`const x${j} = x[${j}];`);
    for (let i = 0; i < n; i++) {
      lines.push(`let v${i} = 0;`);
      for (let j = 0; j < n; j++) if (B[i * n + j] === 1) lines.push(`v${i} += R[${i * n + j}] * x${j};`);
    }
    for (let i = 0; i < n; i++) lines.push(`x[${i}] = v${i};`);
    f = problem.compileSource<Propagate>('R, x', lines.join('\n'));
  } else {
    const tmp = new Float64Array(n);
    f = (R, x) => {
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let j = 0; j < n; j++) v += R[i * n + j]! * x[j]!;
        tmp[i] = v;
      }
      for (let i = 0; i < n; i++) x[i] = tmp[i]!;
    };
  }
  propagators.set(sys, f);
  return f;
}

/**
 * The RK4 step of the linear system dx/dt = A x (rates rho, no feedback) as a matrix: R = I + hA + (hA)^2/2
 * + (hA)^3/6 + (hA)^4/24, by Horner (row-major n x n). The same step as four right-hand sides, in one
 * matrix-vector product.
 */
export function rk4Propagator(sys: CellSystem, rho: Float64Array, h: number): Float64Array {
  const n = sys.slots.length;
  // Work matrices of this thread (one propagator per reference clone): only the result is allocated.
  if (work.length !== 3 * n * n) work = new Float64Array(3 * n * n);
  const hA = work.subarray(0, n * n);
  hA.fill(0);
  for (let k = 0; k < sys.rx.length; k++) {
    const from = sys.reactant[k]!;
    for (let e = sys.rowPtr[k]!; e < sys.rowPtr[k + 1]!; e++)
      hA[sys.col[e]! * n + from]! += h * sys.val[e]! * rho[k]!;
  }
  // B = I + hA/4, then B = I + (hA/c) B for c = 3, 2, 1.
  let B = work.subarray(n * n, 2 * n * n);
  let spare = work.subarray(2 * n * n);
  for (let i = 0; i < n * n; i++) B[i] = hA[i]! / 4;
  for (let i = 0; i < n; i++) B[i * n + i]! += 1;
  // hA is a chain (each row about two entries): the products skip its zeros, which add exactly 0.
  const nz: number[][] = Array.from({ length: n }, (_, i) => {
    const row: number[] = [];
    for (let l = 0; l < n; l++) if (hA[i * n + l] !== 0) row.push(l);
    return row;
  });
  for (const c of [3, 2, 1]) {
    const next = c === 1 ? new Float64Array(n * n) : spare;
    for (let i = 0; i < n; i++) {
      const row = nz[i]!;
      for (let j = 0; j < n; j++) {
        let v = 0;
        for (const l of row) v += hA[i * n + l]! * B[l * n + j]!;
        next[i * n + j] = v / c + (i === j ? 1 : 0);
      }
    }
    spare = B;
    B = next;
  }
  return B;
}

/**
 * N / S of the linear system's balanced growth at rate r with S = 1: the progeny solve (A_PP - r) v = -A_PS
 * (dense Gaussian elimination with partial pivoting; the system is small).
 */
export function balancedRatio(sys: CellSystem, rho: Float64Array, r: number): number {
  const n = sys.slots.length - 1;
  const a = new Float64Array(n * (n + 1));
  for (let i = 0; i < n; i++) a[i * (n + 1) + i] = -r;
  for (let k = 0; k < sys.rx.length; k++) {
    const from = sys.reactant[k]!;
    for (let e = sys.rowPtr[k]!; e < sys.rowPtr[k + 1]!; e++) {
      const to = sys.col[e]!;
      if (to === 0) continue;
      const v = sys.val[e]! * rho[k]!;
      // Row to-1; column from-1, or the right-hand side (column n) for flux from S.
      if (from === 0) a[(to - 1) * (n + 1) + n]! -= v;
      else a[(to - 1) * (n + 1) + from - 1]! += v;
    }
  }
  for (let c = 0; c < n; c++) {
    let piv = c;
    for (let i = c + 1; i < n; i++)
      if (Math.abs(a[i * (n + 1) + c]!) > Math.abs(a[piv * (n + 1) + c]!)) piv = i;
    if (piv !== c)
      for (let j = 0; j <= n; j++) {
        const t = a[c * (n + 1) + j]!;
        a[c * (n + 1) + j] = a[piv * (n + 1) + j]!;
        a[piv * (n + 1) + j] = t;
      }
    const d = a[c * (n + 1) + c]!;
    for (let i = 0; i < n; i++) {
      if (i === c) continue;
      const f = a[i * (n + 1) + c]! / d;
      if (f !== 0) for (let j = c; j <= n; j++) a[i * (n + 1) + j]! -= f * a[c * (n + 1) + j]!;
    }
  }
  let g = 1;
  for (let i = 0; i < n; i++) g += a[i * (n + 1) + n]! / a[i * (n + 1) + i]!;
  return g;
}
