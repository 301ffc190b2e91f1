/**
 * Robertson's chemical kinetics, the classic stiff test: A -> B (k1), 2B -> B + C (k2), B + C -> A + C (k3).
 * Robertson, "The solution of a set of reaction rate equations", in Numerical Analysis (1966) 178-182;
 * Hairer & Wanner, Solving ODEs II (1996) IV.1. Integrated to t = 1e5; error on a log-spaced grid.
 */
import { ModelBuilder } from '../../src/model/builder.js';
import type { BenchProblem } from './types.js';

const K = [0.04, 3e7, 1e4] as const;

/** 10^-4 .. 10^5, four points per decade. */
function logGrid(lo: number, hi: number, perDecade: number): Float64Array {
  const n = (hi - lo) * perDecade + 1;
  return Float64Array.from({ length: n }, (_, i) => 10 ** (lo + i / perDecade));
}

export const robertson: BenchProblem = {
  id: 'robertson',
  title: 'Robertson, t = 1e5',
  stateIds: ['A', 'B', 'C'],
  y0: [1, 0, 0],
  params: K,
  t0: 0,
  tEnd: 1e5,
  grid: logGrid(-4, 5, 4),
  doses: [],
  rtol: 1e-6,
  atol: 1e-10,
  errorFloor: 1e-4,
  stiff: true,
  rhs(_t, y, p, dy) {
    const a = -p[0]! * y[0]! + p[2]! * y[1]! * y[2]!;
    const c = p[1]! * y[1]! * y[1]!;
    dy[0] = a;
    dy[1] = -a - c;
    dy[2] = c;
  },
  jac(_t, y, p, J) {
    const k1 = p[0]!;
    const k2 = p[1]!;
    const k3 = p[2]!;
    J[0] = -k1;
    J[1] = k3 * y[2]!;
    J[2] = k3 * y[1]!;
    J[3] = k1;
    J[4] = -k3 * y[2]! - 2 * k2 * y[1]!;
    J[5] = -k3 * y[1]!;
    J[6] = 0;
    J[7] = 2 * k2 * y[1]!;
    J[8] = 0;
  },
  model() {
    const src = { unit: '', source: 'Robertson 1966' };
    return new ModelBuilder('robertson', { name: 'Robertson chemical kinetics' })
      .compartment('V', 1)
      .param('k1', K[0], { ...src, unit: '1/s' })
      .param('k2', K[1], { ...src, unit: '1/s' })
      .param('k3', K[2], { ...src, unit: '1/s' })
      .species('A', { compartment: 'V', initial: 1 })
      .species('B', { compartment: 'V', initial: 0 })
      .species('C', { compartment: 'V', initial: 0 })
      .reaction('r1', 'A -> B', 'k1 * A')
      .reaction('r2', '2 B -> B + C', 'k2 * B^2')
      .reaction('r3', 'B + C -> A + C', 'k3 * B * C')
      .build();
  },
};
