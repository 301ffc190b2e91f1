/**
 * Van der Pol oscillator, mu = 1000, unscaled: y1' = y2, y2' = mu (1 - y1^2) y2 - y1, y(0) = (2, 0)
 * (MATLAB's vdp1000, the ode15s example).
 * Very stiff on the slow branches, with fast jumps every ~(3 - 2 ln 2) mu = 1614 time units.
 * Van der Pol, Phil Mag 2 (1926) 978-992; Hairer & Wanner, Solving ODEs II (1996) IV.1. Integrated to t = 3000; error on a uniform grid.
 */
import { ModelBuilder } from '../../src/model/builder.js';
import type { BenchProblem } from './types.js';

const MU = 1000;

export const vdp: BenchProblem = {
  id: 'vdp',
  title: 'Van der Pol mu = 1000, t = 3000',
  stateIds: ['y1', 'y2'],
  y0: [2, 0],
  params: [MU],
  t0: 0,
  tEnd: 3000,
  grid: Float64Array.from({ length: 300 }, (_, i) => 10 * (i + 1)),
  doses: [],
  rtol: 1e-6,
  atol: 1e-10,
  errorFloor: 1e-4,
  stiff: true,
  rhs(_t, y, p, dy) {
    dy[0] = y[1]!;
    dy[1] = p[0]! * (1 - y[0]! * y[0]!) * y[1]! - y[0]!;
  },
  jac(_t, y, p, J) {
    J[0] = 0;
    J[1] = 1;
    J[2] = -2 * p[0]! * y[0]! * y[1]! - 1;
    J[3] = p[0]! * (1 - y[0]! * y[0]!);
  },
  model() {
    return new ModelBuilder('vdp', { name: 'Van der Pol oscillator, mu = 1000' })
      .param('mu', MU, { unit: 'dimensionless', source: 'Hairer & Wanner 1996, IV.1' })
      .param('y1', 2, { unit: 'dimensionless', source: 'Hairer & Wanner 1996', constant: false })
      .param('y2', 0, { unit: 'dimensionless', source: 'Hairer & Wanner 1996', constant: false })
      .rate('y1', 'y2')
      .rate('y2', 'mu * (1 - y1^2) * y2 - y1')
      .build();
  },
};
