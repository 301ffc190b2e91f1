/**
 * The HER2-CSC model as the trial uses it, and the per-capita CSC rates of one patient under one arm.
 *
 * One model value (src/models/her2Csc.ts: human PK, HER2 at its target, dormant CSCs) is compiled once per
 * thread; a patient is a parameter vector. While a micrometastasis is small its CSC rates are per capita
 * and depend on time only through the drug: they are tabulated on a grid by solving the model's PK with the
 * ODE engine (no tumor cells: burden feedback is negligible while N << Kfb) and reading the rates of the
 * model's own reactions (S_renew; S_symdiff + S_death + S_adcc; Sq_adcc) at one probe cell.
 */

import { type Administration, administrations, run, stateSlot } from '../experiments/sim.js';
import type { CompiledProblem } from '../model/compile.js';
import { compile } from '../model/compile.js';
import { her2Csc, scheduleDose } from '../models/index.js';
import { constantStepLaw, linearStepLaw, type StepLaw, ultimateExtinction } from './birthDeath.js';
import { pkAmounts, pkRates } from './pk.js';
import { type RateKernel, rateKernel } from './rateKernel.js';

/** The compiled trial model and the slots and reactions the trial reads. */
export interface TrialModel {
  readonly problem: CompiledProblem;
  readonly slots: { readonly S: number; readonly Sq: number; readonly Abc: number; readonly Abp: number };
  /** Slots of every tumor-cell species (zeroed for a fresh micrometastasis). */
  readonly cellSlots: Int32Array;
  readonly rxRenew: number;
  readonly rxLoss: readonly number[];
  readonly rxDormantKill: number;
  /** Trastuzumab 8 mg/kg then 6 mg/kg q3w x 17 from day 0 (human-8-6-q3w). */
  readonly doses: readonly Administration[];
  /** Every state slot is a cell or drug slot: the empty state is all zeros, whatever p. */
  readonly emptyIsZero: boolean;
}

let cached: TrialModel | undefined;

/** The trial model (compiled on first use in this thread). */
export function trialModel(): TrialModel {
  if (cached) return cached;
  const problem = compile(her2Csc('MCF7', { host: 'human', her2: 'steady', dormancy: true }));
  const rx = (id: string): number => {
    const j = problem.reactionIds.indexOf(id);
    if (j < 0) throw new Error(`trial model: reaction '${id}' missing`);
    return j;
  };
  const cells = problem.stateIds.filter((id) => /^(S|Sq|P\d+|D)$/.test(id));
  const zeroed = cells.length + 2;
  cached = {
    problem,
    slots: {
      S: stateSlot(problem, 'S'),
      Sq: stateSlot(problem, 'Sq'),
      Abc: stateSlot(problem, 'Ab_c'),
      Abp: stateSlot(problem, 'Ab_p'),
    },
    cellSlots: Int32Array.from(cells, (id) => stateSlot(problem, id)),
    rxRenew: rx('S_renew'),
    rxLoss: [rx('S_symdiff'), rx('S_death'), rx('S_adcc')],
    rxDormantKill: rx('Sq_adcc'),
    doses: administrations([scheduleDose({ regimen: 'human-8-6-q3w', start: 0 })]),
    emptyIsZero: zeroed === problem.n,
  };
  return cached;
}

/**
 * A state with no tumor cells and no drug (the model's helper quantities set), for parameters p. When the
 * model has no helper states it is all zeros, and the initial-state evaluation (the costliest per-patient
 * call of the fast path) is skipped.
 */
export function emptyState(M: TrialModel, p: Float64Array): Float64Array {
  if (M.emptyIsZero) return new Float64Array(M.problem.n);
  const y = M.problem.initialState(p);
  for (const s of M.cellSlots) y[s] = 0;
  y[M.slots.Abc] = 0;
  y[M.slots.Abp] = 0;
  return y;
}

/**
 * The kernel of the CSC fluxes (renewal, the losses, dormant kill) with only the drug moving: its
 * invariant part (HER2 signalling, the Fc kill's HER2 term) is computed once per patient (rateKernel.ts).
 */
const cscKernels = new WeakMap<TrialModel, RateKernel>();
function cscKernel(M: TrialModel): RateKernel {
  let K = cscKernels.get(M);
  if (!K) {
    const { Abc, Abp } = M.slots;
    K = rateKernel(M.problem, [M.rxRenew, ...M.rxLoss, M.rxDormantKill], [Abc, Abp]);
    cscKernels.set(M, K);
  }
  return K;
}

const fluxes = new Float64Array(5);

/** b, d, q at y (S = Sq = 1, set by the caller) into fluxes[0..2], d summed as perCapitaRates always has. */
function cscRates(K: RateKernel, M: TrialModel, p: Float64Array, y: Float64Array, t: number): void {
  K.evaluate(t, y, p, fluxes);
  let d = 0;
  for (let i = 1; i <= M.rxLoss.length; i++) d += fluxes[i]!;
  fluxes[1] = d;
  fluxes[2] = fluxes[M.rxLoss.length + 1]!;
}

/** Per-capita CSC renewal b, loss d and dormant-CSC kill q at state y (tumor cells ignored). */
export function perCapitaRates(
  M: TrialModel,
  p: Float64Array,
  y: Float64Array,
  t = 0,
): [number, number, number] {
  const { S, Sq } = M.slots;
  const s0 = y[S];
  const q0 = y[Sq];
  y[S] = 1;
  y[Sq] = 1;
  const K = cscKernel(M);
  K.prepare(y, p);
  cscRates(K, M, p, y, t);
  y[S] = s0;
  y[Sq] = q0;
  return [fluxes[0]!, fluxes[1]!, fluxes[2]!];
}

/** Per-capita rates of one patient under one arm on a grid of step h, constant after the grid. */
export interface RateTable {
  readonly h: number;
  /** Number of grid steps J (0 for the control arm: rates constant from day 0). */
  readonly J: number;
  readonly b: Float64Array;
  readonly d: Float64Array;
  readonly q: Float64Array;
  /** Integral of q from 0 to each grid time. */
  readonly cumQ: Float64Array;
  /** One-ancestor law of each grid step (length J). */
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  /** Ultimate extinction probability of a lineage started at each grid time (length J + 1). */
  readonly xi: Float64Array;
  /** Drug amounts (central, peripheral) at each grid time, after that day's dose. */
  readonly abc: Float64Array;
  readonly abp: Float64Array;
  /** The treated arm's administrations (none for the control arm). */
  readonly doses: readonly Administration[];
  /** Rates after the grid (no drug left). */
  readonly bEnd: number;
  readonly dEnd: number;
}

/** Occupancy below which the drug is taken as gone. */
const OCC_GONE = 1e-4;

/** Days after the last dose until occupancy falls below OCC_GONE (terminal two-compartment decay). */
function washoutDays(M: TrialModel, p: Float64Array, doses: readonly Administration[]): number {
  const v = (id: string): number => p[M.problem.paramIndex.get(id)!];
  const k10 = v('CL') / v('V1');
  const k12 = v('Q') / v('V1');
  const k21 = v('Q') / v('V2');
  const sum = k10 + k12 + k21;
  const terminal = (sum - Math.sqrt(sum * sum - 4 * k10 * k21)) / 2;
  const peak = (Math.max(...doses.map((d) => d.amount)) / v('V1')) * v('nMperUgMl');
  return Math.max(0, Math.log(peak / (v('Kd') * OCC_GONE)) / terminal);
}

/** How the rate table gets the drug: the model's ODE (the reference path) or the closed form (pk.ts). */
export interface TableOptions {
  /** Administrations of the treated arm (default the model's B-47 schedule, M.doses). */
  readonly doses?: readonly Administration[];
  readonly pk?: 'ode' | 'closed';
}

/** The rate table of parameters p, with or without trastuzumab, on a grid of h days. */
export function rateTable(
  M: TrialModel,
  p: Float64Array,
  treated: boolean,
  h = 7,
  o: TableOptions = {},
): RateTable {
  const y = emptyState(M, p);
  const [bEnd, dEnd] = perCapitaRates(M, p, y);
  const doses = o.doses ?? M.doses;
  const drug = treated && doses.length > 0;
  const J = drug ? Math.ceil((doses[doses.length - 1]!.t + washoutDays(M, p, doses)) / h) : 0;
  // Every array of the table in one buffer: allocating them one by one was most of a table's time.
  const buf = new Float64Array(10 * (J + 1));
  const part = (k: number, len = J + 1) => buf.subarray(k * (J + 1), k * (J + 1) + len);
  const abc = part(0);
  const abp = part(1);
  if (drug && o.pk === 'closed') {
    if (doses.some((d) => d.target !== 'Ab_c')) throw new Error('trial PK: doses must target Ab_c');
    const times = part(2);
    for (let j = 0; j <= J; j++) times[j] = j * h + 1e-7;
    pkAmounts(pkRates(M.problem, p), doses, times, abc, abp);
  } else if (drug) {
    // Sampled just after each grid time, so that a dose given on a grid day is included.
    const times = Array.from({ length: J + 1 }, (_, j) => j * h + 1e-7);
    const tr = run(M.problem, {
      p,
      y0: y,
      tEnd: J * h + 1e-7,
      times,
      outputs: ['Ab_c', 'Ab_p'],
      doses,
      rtol: 1e-7,
    });
    for (let j = 0; j <= J; j++) {
      abc[j] = tr.y[2 * j]!;
      abp[j] = tr.y[2 * j + 1]!;
    }
  }
  const b = part(3);
  const d = part(4);
  const q = part(5);
  const cumQ = part(6);
  // One prepare for the grid: only the drug moves along it.
  const K = cscKernel(M);
  y[M.slots.S] = 1;
  y[M.slots.Sq] = 1;
  K.prepare(y, p);
  for (let j = 0; j <= J; j++) {
    y[M.slots.Abc] = abc[j];
    y[M.slots.Abp] = abp[j];
    cscRates(K, M, p, y, j * h);
    b[j] = fluxes[0]!;
    d[j] = fluxes[1]!;
    q[j] = fluxes[2]!;
    if (j > 0) cumQ[j] = cumQ[j - 1] + 0.5 * h * (q[j - 1] + q[j]);
  }
  const alpha = part(7, J);
  const beta = part(8, J);
  const law: StepLaw = { alpha: 0, beta: 0 };
  for (let j = 0; j < J; j++) {
    linearStepLaw(b[j], b[j + 1], d[j], d[j + 1], h, law);
    alpha[j] = law.alpha;
    beta[j] = law.beta;
  }
  const xi = ultimateExtinction(alpha, beta, bEnd, dEnd, part(9));
  return { h, J, b, d, q, cumQ, alpha, beta, xi, abc, abp, doses: J > 0 ? doses : [], bEnd, dEnd };
}

/** The step law over [t0, t1] from the table (linear within grid steps, constant after the grid). */
export function lawBetween(T: RateTable, t0: number, t1: number, out: StepLaw): StepLaw {
  const end = T.J * T.h;
  if (t0 >= end) return constantStepLaw(T.bEnd, T.dEnd, t1 - t0, out);
  const j = Math.min(T.J - 1, Math.floor(t0 / T.h));
  if (t1 > (j + 1) * T.h + 1e-9) throw new RangeError('lawBetween: interval crosses a grid point');
  const at = (arr: Float64Array, t: number): number => {
    const f = (t - j * T.h) / T.h;
    return arr[j] + f * (arr[j + 1] - arr[j]);
  };
  return linearStepLaw(at(T.b, t0), at(T.b, t1), at(T.d, t0), at(T.d, t1), t1 - t0, out);
}

/** Integral of the dormant-CSC kill rate from 0 to t. */
export function cumulativeDormantKill(T: RateTable, t: number): number {
  if (T.J === 0) return T.q[0] * t;
  const end = T.J * T.h;
  if (t >= end) return T.cumQ[T.J] + T.q[T.J] * (t - end);
  const j = Math.floor(t / T.h);
  const f = (t - j * T.h) / T.h;
  const qt = T.q[j] + f * (T.q[j + 1] - T.q[j]);
  return T.cumQ[j] + 0.5 * (t - j * T.h) * (T.q[j] + qt);
}

/** Drug amounts at time t (linear between grid points, the last values after the grid). */
export function drugAt(T: RateTable, t: number): [number, number] {
  if (T.J === 0) return [0, 0];
  const x = t / T.h;
  if (x >= T.J) return [T.abc[T.J], T.abp[T.J]];
  const j = Math.floor(x);
  const f = x - j;
  return [T.abc[j] + f * (T.abc[j + 1] - T.abc[j]), T.abp[j] + f * (T.abp[j + 1] - T.abp[j])];
}
