/** Stiff reference problems from the Test Set for IVP Solvers (Mazzia & Magherini, Bari, release 2.4). */
import type { Problem } from '../../src/problem/types.js';
import { handProblem } from './handProblem.js';

export interface Reference {
  readonly problem: Problem;
  readonly tEnd: number;
  readonly yRef: readonly number[];
}

/** Robertson chemical kinetics (ROBER); reference at t = 1e11. */
export function robertson(withJac = true): Reference {
  const problem = handProblem({
    ids: ['y1', 'y2', 'y3'],
    y0: [1, 0, 0],
    rhs: (_t, y, dy) => {
      dy[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
      dy[2] = 3e7 * y[1] * y[1];
      dy[1] = -dy[0] - dy[2];
    },
    ...(withJac
      ? {
          jac: (_t, y, J) => {
            J[0] = -0.04;
            J[1] = 1e4 * y[2];
            J[2] = 1e4 * y[1];
            J[3] = 0.04;
            J[4] = -1e4 * y[2] - 6e7 * y[1];
            J[5] = -1e4 * y[1];
            J[6] = 0;
            J[7] = 6e7 * y[1];
            J[8] = 0;
          },
        }
      : {}),
  });
  return { problem, tEnd: 1e11, yRef: [0.2083340149701255e-7, 0.8333360770334713e-13, 0.999999979166505] };
}

/** High Irradiance RESponse (HIRES), 8 species; reference at t = 321.8122. */
export function hires(): Reference {
  const problem = handProblem({
    ids: ['y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8'],
    y0: [1, 0, 0, 0, 0, 0, 0, 0.0057],
    rhs: (_t, y, f) => {
      f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
      f[1] = 1.71 * y[0] - 8.75 * y[1];
      f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
      f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
      f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
      f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
      f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
      f[7] = -f[6];
    },
  });
  return {
    problem,
    tEnd: 321.8122,
    yRef: [
      0.7371312573325668e-3, 0.1442485726316185e-3, 0.5888729740967575e-4, 0.1175651343283149e-2,
      0.2386356198831331e-2, 0.6238968252742796e-2, 0.2849998395185769e-2, 0.2850001604814231e-2,
    ],
  };
}

/** Van der Pol with mu = 1000 (unscaled form), y(0) = (2, 0); reference at t = 2000. */
export function vanDerPol(): Reference {
  const mu = 1000;
  const problem = handProblem({
    ids: ['x', 'v'],
    y0: [2, 0],
    rhs: (_t, y, f) => {
      f[0] = y[1];
      f[1] = mu * (1 - y[0] * y[0]) * y[1] - y[0];
    },
  });
  return { problem, tEnd: 2000, yRef: [1.706167732170469, -0.8928097010248125e-3] };
}
