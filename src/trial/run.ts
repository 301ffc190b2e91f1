/**
 * `runTrial`: a virtual adjuvant trial of the HER2-CSC model. Two stages over worker threads:
 * 1. calibration: pilot patients under chemotherapy alone fix the mean number of micrometastases so that
 *    the control arm's 5-year invasive DFS is the target (calibrate.ts; skipped when `micrometMean` is given);
 * 2. the trial: every patient simulated under both arms to the analysis date, randomised 1:1, analysed
 *    like B-47 (analysis.ts).
 * Patient i draws only from streams keyed by (seed, i), and results are assembled in patient order, so
 * the outcome is identical for any number of workers.
 */
import { InputError } from '../errors.js';
import type { IndexedMap } from '../parallel/map.js';
import { analyse, type TrialAnalysis } from './analysis.js';
import { type AssumptionId, scenarioForDesign, type TrialScenario } from './assumptions.js';
import { type Calibration, calibrateMean } from './calibrate.js';
import type { CloneSettings } from './clone.js';
import { administrationsOf, checkDesign, type TrialDesign } from './design.js';
import { DESIGNS } from './designs.js';
import type { PatientOutcome } from './outcome.js';
import { runItems } from './pool.js';
import { trialModel } from './rates.js';
import { type OutcomeSummary, SummaryAccumulator } from './summary.js';
import type { WorkContext, WorkItem } from './work.js';

export interface TrialOptions {
  /** Patients randomised (default the design's, 3270 for B-47). */
  readonly patients?: number;
  /** The reference path: an ODE solve per clone and for the PK (slow; the fast path is the default). */
  readonly exact?: boolean;
  /** Integer in [0, 2^53) (default 1). */
  readonly seed?: number;
  /** Worker threads (default 1: the calling thread). */
  readonly workers?: number;
  /** Trial-level assumptions replacing the defaults of assumptions.ts. */
  readonly scenario?: Partial<Record<AssumptionId, number>>;
  /** Poisson mean of micrometastases per patient; calibrated to the control 5-y DFS when absent. */
  readonly micrometMean?: number;
  /** Pilot patients for the calibration (default the trial size within [200, 1000]). */
  readonly pilotPatients?: number;
  readonly clone?: CloneSettings;
  /** Model parameter values for every patient over their own (e.g. { Kd: 1e12 } switches the drug off). */
  readonly modelParams?: Readonly<Record<string, number>>;
  /** Where work items run (e.g. a Redis queue); default `workers` local threads. */
  readonly map?: IndexedMap;
  /**
   * Outcomes, in patient order, chunk by chunk as they are simulated (e.g. to a file, output.ts); the
   * chunk is not kept unless keepOutcomes.
   */
  readonly onOutcomes?: (chunk: readonly PatientOutcome[]) => void;
  /** Keep every patient's outcome in the result (default true); false keeps memory flat in patients. */
  readonly keepOutcomes?: boolean;
  /** Progress: stage, done, total (patients). */
  readonly onProgress?: (stage: 'calibration' | 'trial', done: number, total: number) => void;
}

export interface TrialResult {
  readonly design: TrialDesign;
  readonly exact: boolean;
  readonly patients: number;
  readonly seed: number;
  readonly scenario: TrialScenario;
  /** The calibration, or null when micrometMean was given. */
  readonly calibration: Calibration | null;
  readonly micrometMean: number;
  /** Every patient's outcome, or null when not kept (options.keepOutcomes false). */
  readonly outcomes: readonly PatientOutcome[] | null;
  /** What the analysis uses of the patients: DFS counted per day, stratum and arm (summary.ts). */
  readonly summary: OutcomeSummary;
  readonly analysis: TrialAnalysis;
  /** Micrometastases whose deterministic phase was an ODE solve (all that switched, on the exact path). */
  readonly odeSolves: number;
  readonly elapsedMs: number;
}

/**
 * Patients per work item: 20, up to 500 for big trials (at most about 400 items), so that messages to the
 * workers do not dominate. Outcomes do not depend on it (patient i draws from its own streams).
 */
const chunkSize = (n: number): number => Math.max(20, Math.min(500, Math.ceil(n / 400)));

function chunks(n: number, make: (from: number, to: number) => WorkItem): WorkItem[] {
  const out: WorkItem[] = [];
  const size = chunkSize(n);
  for (let from = 0; from < n; from += size) out.push(make(from, Math.min(n, from + size)));
  return out;
}

function checkOptions(
  o: TrialOptions,
  design: TrialDesign,
): { patients: number; seed: number; workers: number } {
  const patients = o.patients ?? design.patients;
  const seed = o.seed ?? 1;
  const workers = o.workers ?? 1;
  if (!Number.isInteger(patients) || patients < 4)
    throw new InputError(`patients must be an integer >= 4 (2 per arm), got ${patients}`, {
      path: 'patients',
    });
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new InputError(`seed must be an integer in [0, 2^53), got ${seed}`, { path: 'seed' });
  if (patients >= 2 ** 40)
    throw new InputError(`patients must be < 2^40, got ${patients}`, { path: 'patients' });
  if (!Number.isInteger(workers) || workers < 1)
    throw new InputError(`workers must be an integer >= 1, got ${workers}`, { path: 'workers' });
  if (o.micrometMean !== undefined && !(o.micrometMean >= 0 && Number.isFinite(o.micrometMean)))
    throw new InputError(`micrometMean must be finite and >= 0, got ${o.micrometMean}`, {
      path: 'micrometMean',
    });
  return { patients, seed, workers };
}

/** What a trial needs before its first patient: checked options, the scenario and the work context. */
export interface TrialSetup {
  readonly design: TrialDesign;
  readonly patients: number;
  readonly seed: number;
  readonly workers: number;
  readonly scenario: TrialScenario;
  readonly ctx: WorkContext;
  /** Pilot patients of the calibration. */
  readonly pilot: number;
  /** Cap on the micrometastases of a patient. */
  readonly cap: number;
}

/** Model parameter values checked against the trial model (known, finite). */
export function checkModelParams(modelParams: Readonly<Record<string, number>>): void {
  const known = trialModel().problem.paramIndex;
  for (const [id, v] of Object.entries(modelParams)) {
    if (!known.has(id)) throw new InputError(`unknown model parameter '${id}'`, { path: 'modelParams' });
    if (!Number.isFinite(v))
      throw new InputError(`model parameter '${id}' must be finite, got ${v}`, { path: 'modelParams' });
  }
}

/** Checks a design and its options, and builds the trial's work context (InputError on bad input). */
export function trialSetup(a: TrialDesign | TrialOptions = {}, b: TrialOptions = {}): TrialSetup {
  const isDesign = 'eligibility' in a;
  const design = isDesign ? checkDesign(a) : DESIGNS.b47;
  const options = isDesign ? b : (a as TrialOptions);
  const { patients, seed, workers } = checkOptions(options, design);
  let sc: TrialScenario;
  try {
    sc = scenarioForDesign(design, options.scenario);
  } catch (e) {
    throw new InputError(e instanceof Error ? e.message : String(e), { path: 'scenario' });
  }
  const modelParams = options.modelParams ?? {};
  checkModelParams(modelParams);
  const ctx: WorkContext = {
    seed,
    scenario: sc,
    clone: options.clone ?? {},
    modelParams,
    strata: design.eligibility.strata,
    doses: administrationsOf(design.trastuzumab),
    exact: options.exact ?? false,
  };
  const pilot = Math.max(1, Math.round(options.pilotPatients ?? Math.min(1000, Math.max(200, patients))));
  return { design, patients, seed, workers, scenario: sc, ctx, pilot, cap: Math.round(sc.maxMicromets) };
}

/**
 * Runs a virtual trial of `design` (data, design.ts; default B-47). Cheap to call many times, as a
 * calibration engine does: the model is compiled once per thread and each call only checks its inputs
 * (simulator.ts also draws the population once).
 */
export function runTrial(options?: TrialOptions): Promise<TrialResult>;
export function runTrial(design: TrialDesign, options?: TrialOptions): Promise<TrialResult>;
export async function runTrial(
  a: TrialDesign | TrialOptions = {},
  b: TrialOptions = {},
): Promise<TrialResult> {
  const start = performance.now();
  const options = 'eligibility' in a ? b : (a as TrialOptions);
  const { design, patients, seed, workers, scenario: sc, ctx, pilot, cap } = trialSetup(a, b);
  const exact = ctx.exact ?? false;
  let odeSolves = 0;
  let calibration: Calibration | null = null;
  let mean = options.micrometMean;
  if (mean === undefined) {
    let done = 0;
    const res = await runItems(
      ctx,
      chunks(pilot, (from, to) => ({ kind: 'pilot', from, to })),
      workers,
      (_, r) => {
        done += r.kind === 'pilot' ? r.K.length : 0;
        options.onProgress?.('calibration', done, pilot);
      },
      options.map,
    );
    const K = res.flatMap((r) => (r.kind === 'pilot' ? r.K : []));
    for (const r of res) odeSolves += r.odeSolves;
    const background = Math.exp(-sc.backgroundPerYear * sc.calibrationYears);
    calibration = calibrateMean(K, sc.controlDfs5, cap, background, sc.calibrationYears);
    mean = calibration.mean;
  }
  const m = mean;
  let done = 0;
  // Chunks finish in any order: held until their predecessors are in, then accumulated and passed on.
  const acc = new SummaryAccumulator(design.eligibility.strata.map((s) => s.id));
  const keep = options.keepOutcomes ?? true;
  const kept: PatientOutcome[] = [];
  const waiting = new Map<number, PatientOutcome[]>();
  let next = 0;
  const items = chunks(patients, (from, to) => ({ kind: 'trial', from, to, mean: m }));
  await runItems(
    ctx,
    items,
    workers,
    (index, r) => {
      if (r.kind !== 'trial') return;
      odeSolves += r.odeSolves;
      done += r.outcomes.length;
      waiting.set(index, r.outcomes);
      for (let c = waiting.get(next); c !== undefined; c = waiting.get(next)) {
        waiting.delete(next++);
        for (const o of c) acc.push(o);
        if (keep) for (const o of c) kept.push(o);
        options.onOutcomes?.(c);
      }
      options.onProgress?.('trial', done, patients);
    },
    options.map,
    false,
  );
  if (next !== items.length) throw new Error(`trial: ${items.length - next} chunks of outcomes missing`);
  const summary = acc.summary();
  return {
    design,
    exact,
    patients,
    seed,
    scenario: sc,
    calibration,
    micrometMean: m,
    outcomes: keep ? kept : null,
    summary,
    analysis: analyse(summary, design.calibration.years),
    odeSolves,
    elapsedMs: performance.now() - start,
  };
}
