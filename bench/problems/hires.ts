/**
 * HIRES: "High Irradiance RESponse" of plant photomorphogenesis, 8 species, mildly stiff.
 * Schäfer, J Math Biol 2 (1975) 41-56; Hairer & Wanner, Solving ODEs II (1996) IV.10; the IVP test set
 * of Mazzia & Magherini. Integrated to t = 321.8122; error on a uniform grid.
 */
import { ModelBuilder } from '../../src/model/builder.js';
import type { BenchProblem } from './types.js';

const T_END = 321.8122;
const IDS = ['y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8'] as const;
const Y0 = [1, 0, 0, 0, 0, 0, 0, 0.0057];
const RATES = [
  '-1.71 * y1 + 0.43 * y2 + 8.32 * y3 + 0.0007',
  '1.71 * y1 - 8.75 * y2',
  '-10.03 * y3 + 0.43 * y4 + 0.035 * y5',
  '8.32 * y2 + 1.71 * y3 - 1.12 * y4',
  '-1.745 * y5 + 0.43 * y6 + 0.43 * y7',
  '-280 * y6 * y8 + 0.69 * y4 + 1.71 * y5 - 0.43 * y6 + 0.69 * y7',
  '280 * y6 * y8 - 1.81 * y7',
  '-280 * y6 * y8 + 1.81 * y7',
];

export const hires: BenchProblem = {
  id: 'hires',
  title: 'HIRES, t = 321.8122',
  stateIds: IDS,
  y0: Y0,
  params: [],
  t0: 0,
  tEnd: T_END,
  grid: Float64Array.from({ length: 64 }, (_, i) => (T_END * (i + 1)) / 64),
  doses: [],
  rtol: 1e-6,
  atol: 1e-10,
  errorFloor: 1e-4,
  stiff: true,
  rhs(_t, y, _p, dy) {
    const r = 280 * y[5]! * y[7]!;
    dy[0] = -1.71 * y[0]! + 0.43 * y[1]! + 8.32 * y[2]! + 0.0007;
    dy[1] = 1.71 * y[0]! - 8.75 * y[1]!;
    dy[2] = -10.03 * y[2]! + 0.43 * y[3]! + 0.035 * y[4]!;
    dy[3] = 8.32 * y[1]! + 1.71 * y[2]! - 1.12 * y[3]!;
    dy[4] = -1.745 * y[4]! + 0.43 * y[5]! + 0.43 * y[6]!;
    dy[5] = -r + 0.69 * y[3]! + 1.71 * y[4]! - 0.43 * y[5]! + 0.69 * y[6]!;
    dy[6] = r - 1.81 * y[6]!;
    dy[7] = -r + 1.81 * y[6]!;
  },
  jac(_t, y, _p, J) {
    J.fill(0);
    J[0] = -1.71;
    J[1] = 0.43;
    J[2] = 8.32;
    J[8] = 1.71;
    J[9] = -8.75;
    J[18] = -10.03;
    J[19] = 0.43;
    J[20] = 0.035;
    J[25] = 8.32;
    J[26] = 1.71;
    J[27] = -1.12;
    J[36] = -1.745;
    J[37] = 0.43;
    J[38] = 0.43;
    J[43] = 0.69;
    J[44] = 1.71;
    J[45] = -0.43 - 280 * y[7]!;
    J[46] = 0.69;
    J[47] = -280 * y[5]!;
    J[53] = 280 * y[7]!;
    J[54] = -1.81;
    J[55] = 280 * y[5]!;
    J[61] = -280 * y[7]!;
    J[62] = 1.81;
    J[63] = -280 * y[5]!;
  },
  model() {
    const m = new ModelBuilder('hires', { name: 'HIRES (Schäfer 1975)' });
    IDS.forEach((id, i) => {
      m.param(id, Y0[i]!, { unit: 'dimensionless', source: 'Schäfer 1975', constant: false });
    });
    IDS.forEach((id, i) => {
      m.rate(id, RATES[i]!);
    });
    return m.build();
  },
};
