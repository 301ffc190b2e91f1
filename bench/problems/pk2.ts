/**
 * Two-compartment PK of trastuzumab in a 70 kg patient with repeated IV boluses: 8 mg/kg, then 6 mg/kg
 * every 3 weeks, 17 administrations, one year. Linear elimination: CL 0.225 L/day, V1 2.95 L, V2 2.68 L
 * (Bruno et al., Cancer Chemother Pharmacol 56 (2005) 361-369); Q = 0.5 L/day is assumed (the brief's
 * choice, of the order of the published inter-compartmental clearance). States are amounts (mg).
 * Not stiff: it measures dose handling (restarts) and per-step overhead. Linear, so its exact solution
 * is known (bench/reference/exact.ts).
 */
import { ModelBuilder } from '../../src/model/builder.js';
import type { BenchProblem, Bolus } from './types.js';

const WEIGHT = 70;
const CL = 0.225;
const V1 = 2.95;
const V2 = 2.68;
const Q = 0.5;
const DOSES = 17;
const EVERY = 21;

const amounts = Array.from({ length: DOSES }, (_, i) => (i === 0 ? 8 : 6) * WEIGHT);
const doses: Bolus[] = amounts.map((amount, i) => ({ t: i * EVERY, amount }));

export const pk2: BenchProblem = {
  id: 'pk2',
  title: 'Trastuzumab 2-compartment PK, 17 doses q3w, 1 year',
  stateIds: ['A1', 'A2'],
  y0: [0, 0],
  params: [CL, V1, V2, Q],
  t0: 0,
  tEnd: 365,
  // Mid-day points: never at a dose time, where the value before and after the bolus differ.
  grid: Float64Array.from({ length: 365 }, (_, i) => i + 0.5),
  doses,
  rtol: 1e-6,
  atol: 1e-6,
  errorFloor: 1,
  stiff: false,
  rhs(_t, y, p, dy) {
    const c1 = y[0]! / p[1]!;
    const c2 = y[1]! / p[2]!;
    const flow = p[3]! * (c1 - c2);
    dy[0] = -p[0]! * c1 - flow;
    dy[1] = flow;
  },
  jac(_t, _y, p, J) {
    J[0] = -(p[0]! + p[3]!) / p[1]!;
    J[1] = p[3]! / p[2]!;
    J[2] = p[3]! / p[1]!;
    J[3] = -p[3]! / p[2]!;
  },
  model() {
    const bruno = 'Bruno 2005';
    return new ModelBuilder('pk2', { name: 'Trastuzumab two-compartment PK (human)', timeUnit: 'day' })
      .compartment('body', 1)
      .param('CL', CL, { unit: 'L/day', source: bruno })
      .param('V1', V1, { unit: 'L', source: bruno })
      .param('V2', V2, { unit: 'L', source: bruno })
      .param('Q', Q, { unit: 'L/day', source: 'assumed: of the order of the published Q' })
      .species('A1', { compartment: 'body', initial: 0, unit: 'mg' })
      .species('A2', { compartment: 'body', initial: 0, unit: 'mg' })
      .reaction('elim', 'A1 ->', 'CL * A1 / V1')
      .reaction('out', 'A1 -> A2', 'Q * A1 / V1')
      .reaction('back', 'A2 -> A1', 'Q * A2 / V2')
      .dose({
        id: 'trastuzumab',
        target: 'A1',
        amount: 6 * WEIGHT,
        amounts,
        unit: 'mg',
        start: 0,
        every: EVERY,
        count: DOSES,
        route: 'bolus',
      })
      .build();
  },
};
