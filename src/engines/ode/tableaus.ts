/**
 * Method coefficients as data. Each integrator family has one generic stepper
 * (explicitRk.ts, rosenbrock.ts) that runs any tableau of its kind; adding a method adds a
 * frozen constant here and a citation.
 */

/** Explicit Runge-Kutta tableau with an embedded error estimate. Row-major matrices. */
export interface ButcherTableau {
  readonly name: string;
  /** Order of the propagated solution. */
  readonly order: number;
  /** Order of the embedded solution (error estimate ~ h^(errorOrder + 1)). */
  readonly errorOrder: number;
  readonly stages: number;
  /** Strictly lower-triangular stage matrix A, stages x stages. */
  readonly a: readonly (readonly number[])[];
  readonly b: readonly number[];
  readonly c: readonly number[];
  /** Error weights e = b - bHat: the local error estimate is h * sum_j e_j k_j. */
  readonly e: readonly number[];
  /** First Same As Last: the last stage is evaluated at the new solution (k_s = f(t + h, y_new)). */
  readonly fsal: boolean;
}

/**
 * Rosenbrock tableau in the W-transformed form used by Hairer's RODAS and OrdinaryDiffEq's
 * RodasTableau: stage i solves (M / (h gamma) - J) k_i = f(t + c_i h, y + sum_j a_ij k_j)
 * + h d_i f_t + M sum_j (C_ij / h) k_j, and y_new = y + sum_i b_i k_i. The k_i have units of y.
 */
export interface RosenbrockTableau {
  readonly name: string;
  readonly order: number;
  readonly errorOrder: number;
  readonly stages: number;
  readonly gamma: number;
  /** Strictly lower-triangular, stages x stages. */
  readonly a: readonly (readonly number[])[];
  /** Strictly lower-triangular, stages x stages. */
  readonly C: readonly (readonly number[])[];
  readonly b: readonly number[];
  /** Error estimate: sum_i bTilde_i k_i. */
  readonly bTilde: readonly number[];
  readonly c: readonly number[];
  readonly d: readonly number[];
  /**
   * Dense output rows (3 x stages): with K_r = sum_j H[r][j] k_j,
   * y(theta) = (1 - theta) y0 + theta (y1 + (1 - theta) (K_0 + theta (K_1 + theta K_2))).
   */
  readonly H: readonly (readonly number[])[];
}

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o as object)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * Dormand-Prince 5(4), FSAL, 7 stages: J. R. Dormand, P. J. Prince, "A family of embedded Runge-Kutta
 * formulae", J. Comput. Appl. Math. 6 (1980) 19-26; coefficients as in Hairer, Norsett & Wanner,
 * Solving ODEs I (2nd ed.), Table II.5.2. The method for non-stiff problems at moderate tolerances.
 */
export const DOPRI5: ButcherTableau = deepFreeze({
  name: 'dopri5',
  order: 5,
  errorOrder: 4,
  stages: 7,
  a: [
    [0, 0, 0, 0, 0, 0, 0],
    [1 / 5, 0, 0, 0, 0, 0, 0],
    [3 / 40, 9 / 40, 0, 0, 0, 0, 0],
    [44 / 45, -56 / 15, 32 / 9, 0, 0, 0, 0],
    [19372 / 6561, -25360 / 2187, 64448 / 6561, -212 / 729, 0, 0, 0],
    [9017 / 3168, -355 / 33, 46732 / 5247, 49 / 176, -5103 / 18656, 0, 0],
    [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
  ],
  b: [35 / 384, 0, 500 / 1113, 125 / 192, -2187 / 6784, 11 / 84, 0],
  c: [0, 1 / 5, 3 / 10, 4 / 5, 8 / 9, 1, 1],
  e: [71 / 57600, 0, -71 / 16695, 71 / 1920, -17253 / 339200, 22 / 525, -1 / 40],
  fsal: true,
});

/**
 * Order-4 dense output of DOPRI5 (Hairer's CONTD5 in dopri5.f; Hairer, Norsett & Wanner I, II.6):
 * r5 = h * sum_j DOPRI5_DENSE[j] k_j, used with the shared form in dense.ts.
 */
export const DOPRI5_DENSE: readonly number[] = Object.freeze([
  -12715105075 / 11282082432,
  0,
  87487479700 / 32700410799,
  -10690763975 / 1880347072,
  701980252875 / 199316789632,
  -1453857185 / 822651844,
  69997945 / 29380423,
]);

const R5P_A6 = [
  -7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946,
];

/**
 * Rodas5P: 8-stage, order 5(4), L-stable, stiffly accurate Rosenbrock method with an order-4 dense
 * output that remains accurate for index-1 DAEs. G. Steinebach, "Construction of Rosenbrock-Wanner
 * method Rodas5P and numerical benchmarks within the Julia Differential Equations package",
 * BIT Numer. Math. 63:27 (2023). Coefficients as published in OrdinaryDiffEq.jl's Rodas5PTableau.
 * The method for stiff problems and DAEs with a diagonal mass matrix.
 */
export const RODAS5P: RosenbrockTableau = deepFreeze({
  name: 'rodas5p',
  order: 5,
  errorOrder: 4,
  stages: 8,
  gamma: 0.21193756319429014,
  a: [
    [0, 0, 0, 0, 0, 0, 0, 0],
    [3.0, 0, 0, 0, 0, 0, 0, 0],
    [2.849394379747939, 0.45842242204463923, 0, 0, 0, 0, 0, 0],
    [-6.954028509809101, 2.489845061869568, -10.358996098473584, 0, 0, 0, 0, 0],
    [2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641, 0, 0, 0, 0],
    [...R5P_A6, 0, 0, 0],
    [...R5P_A6, 1, 0, 0],
    [...R5P_A6, 1, 1, 0],
  ],
  C: [
    [0, 0, 0, 0, 0, 0, 0, 0],
    [-14.155112264123755, 0, 0, 0, 0, 0, 0, 0],
    [-17.97296035885952, -2.859693295451294, 0, 0, 0, 0, 0, 0],
    [147.12150275711716, -1.41221402718213, 71.68940251302358, 0, 0, 0, 0, 0],
    [165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306, 0, 0, 0, 0],
    [
      24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471, 0,
      0, 0,
    ],
    [
      30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623,
      -28.087943162872662, 0, 0,
    ],
    [
      37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002,
      -54.66780262877968, -9.48861652309627, 0,
    ],
  ],
  b: [...R5P_A6, 1, 1, 1],
  bTilde: [0, 0, 0, 0, 0, 0, 0, 1],
  c: [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1],
  d: [
    0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0,
    0, 0,
  ],
  H: [
    [
      25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073,
      1.1241088310450404, 0.4272876194431874, -0.17202221070155493,
    ],
    [
      -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044,
      15.98066361424651, -6.789040303419874, -6.710236069923372,
    ],
    [
      11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654,
      -59.78993625266729, -0.15582684282751913, 4.883087185713722,
    ],
  ],
});

/** Flattens a square coefficient matrix row-major for inner loops. */
export function flatten(m: readonly (readonly number[])[]): Float64Array {
  const s = m.length;
  const out = new Float64Array(s * s);
  for (let i = 0; i < s; i++) for (let j = 0; j < s; j++) out[i * s + j] = m[i][j] ?? 0;
  return out;
}
