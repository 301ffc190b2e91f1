/**
 * A calibration problem as data (YAML or JSON file, or a value built in code): competing models, each a
 * named simulator with options and estimated parameters with priors, observed summary statistics and a
 * distance. `parseProblem` validates the data and names the path of every error; `resolveProblem` makes
 * it runnable (priors and simulators; a simulator is created, i.e. its model compiled, once per call).
 */
import { InputError } from '../errors.js';
import { makePrior, type Prior, type PriorSpec, parsePrior, priorFromRange } from './priors.js';
import { getSimulator, type Simulator, type SimulatorDefinition } from './simulators/index.js';

export interface ParameterSpec {
  readonly id: string;
  /** Default: uniform over the simulator's range for the parameter. */
  readonly prior?: PriorSpec;
  /**
   * Drawn afresh from its prior in every generation instead of perturbed from a parent: for parameters
   * the statistics barely inform (e.g. found by a screen, src/fit/screen.ts). The proposal then keeps
   * their prior as its marginal, so the importance weights no longer carry their dimensions; the ABC
   * posterior is the same, only the efficiency changes.
   */
  readonly refresh?: boolean;
}

export interface ModelSpec {
  readonly id: string;
  readonly simulator: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly parameters: readonly ParameterSpec[];
  /** Prior probability of the model (unnormalised; default equal). */
  readonly prior?: number;
}

export type DistanceSpec =
  /** Weighted Euclidean with weights 1 / MAD of each statistic, re-estimated every generation (pyABC's AdaptivePNormDistance). */
  | { readonly type: 'adaptive' }
  /** Weighted Euclidean with fixed weights by statistic (default 1). */
  | { readonly type: 'fixed'; readonly weights?: Readonly<Record<string, number>> };

export interface ProblemSpec {
  readonly name?: string;
  readonly models: readonly ModelSpec[];
  /** Observed statistics by name. */
  readonly observed: Readonly<Record<string, number>>;
  readonly distance?: DistanceSpec;
}

export interface ResolvedModel {
  readonly id: string;
  readonly parameters: readonly string[];
  readonly priors: readonly Prior[];
  readonly logModelPrior: number;
  readonly simulator: Simulator;
  /** Indices of the parameters the kernel perturbs; the others are refreshed from their priors. */
  readonly perturbed: Int32Array;
}

export interface ResolvedProblem {
  readonly spec: ProblemSpec;
  readonly models: readonly ResolvedModel[];
  readonly statistics: readonly string[];
  readonly observed: Float64Array;
  /** Fixed weights (adaptive distances start from 1 and re-estimate them). */
  readonly weights: Float64Array;
  readonly adaptive: boolean;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates problem data; `file` is named in errors. Accepts a single model at top level as shorthand. */
export function parseProblem(data: unknown, file?: string): ProblemSpec {
  const at = (path: string) => (file ? { file, path } : { path });
  if (!isObj(data))
    throw new InputError('expected a mapping with models (or simulator) and observed', at(''));
  const known = ['name', 'models', 'simulator', 'options', 'parameters', 'observed', 'distance'];
  for (const k of Object.keys(data))
    if (!known.includes(k)) throw new InputError(`unknown key '${k}' (expected ${known.join(', ')})`, at(k));
  let rawModels: unknown[];
  if (data.models !== undefined) {
    if (data.simulator !== undefined)
      throw new InputError("give either 'models' or a single 'simulator', not both", at('simulator'));
    if (!Array.isArray(data.models) || data.models.length === 0)
      throw new InputError('expected a non-empty list of models', at('models'));
    rawModels = data.models;
  } else {
    rawModels = [
      { id: 'model', simulator: data.simulator, options: data.options, parameters: data.parameters },
    ];
  }
  const models = rawModels.map((m, i) =>
    parseModel(m, data.models !== undefined ? `models[${i}]` : '', file),
  );
  const ids = new Set<string>();
  for (const [i, m] of models.entries()) {
    if (ids.has(m.id)) throw new InputError(`duplicate model id '${m.id}'`, at(`models[${i}].id`));
    ids.add(m.id);
  }
  if (!isObj(data.observed))
    throw new InputError('expected the observed statistics as a mapping name: value', at('observed'));
  const observed: Record<string, number> = {};
  for (const [k, v] of Object.entries(data.observed)) {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`expected a finite number, got ${JSON.stringify(v)}`, at(`observed.${k}`));
    observed[k] = v;
  }
  return {
    ...(typeof data.name === 'string' ? { name: data.name } : {}),
    models,
    observed,
    distance: parseDistance(data.distance, at),
  };
}

function parseDistance(v: unknown, at: (p: string) => { path: string; file?: string }): DistanceSpec {
  if (v === undefined) return { type: 'adaptive' };
  if (!isObj(v) || (v.type !== 'adaptive' && v.type !== 'fixed'))
    throw new InputError('expected { type: adaptive } or { type: fixed, weights: {...} }', at('distance'));
  if (v.type === 'adaptive') return { type: 'adaptive' };
  if (v.weights === undefined) return { type: 'fixed' };
  if (!isObj(v.weights)) throw new InputError('expected weights by statistic', at('distance.weights'));
  const weights: Record<string, number> = {};
  for (const [k, w] of Object.entries(v.weights)) {
    if (typeof w !== 'number' || !(w >= 0) || !Number.isFinite(w))
      throw new InputError(`expected a weight >= 0, got ${JSON.stringify(w)}`, at(`distance.weights.${k}`));
    weights[k] = w;
  }
  return { type: 'fixed', weights };
}

function parseModel(v: unknown, path: string, file?: string): ModelSpec {
  const p = (k: string) => (path ? `${path}.${k}` : k);
  const at = (k: string) => (file ? { file, path: p(k) } : { path: p(k) });
  if (!isObj(v)) throw new InputError('expected a model mapping', at(''));
  if (typeof v.id !== 'string' || v.id === '') throw new InputError('expected a model id', at('id'));
  if (typeof v.simulator !== 'string')
    throw new InputError('expected the name of a simulator', at('simulator'));
  const def = getSimulator(v.simulator, p('simulator'), file);
  if (v.options !== undefined && !isObj(v.options)) throw new InputError('expected a mapping', at('options'));
  const options = (v.options ?? {}) as Obj;
  const accepted = def.parameters(options, p('options'));
  if (!Array.isArray(v.parameters) || v.parameters.length === 0)
    throw new InputError('expected a non-empty list of estimated parameters', at('parameters'));
  const seen = new Set<string>();
  const parameters = v.parameters.map((q, j): ParameterSpec => {
    const pp = p(`parameters[${j}]`);
    const where = file ? { file, path: pp } : { path: pp };
    const entry = typeof q === 'string' ? { id: q } : q;
    if (!isObj(entry) || typeof entry.id !== 'string')
      throw new InputError('expected a parameter id or { id, prior, refresh }', where);
    const spec = accepted.find((a) => a.id === entry.id);
    if (!spec)
      throw new InputError(
        `unknown parameter '${entry.id}' for simulator '${def.name}' (expected ${accepted.map((a) => a.id).join(', ')})`,
        where,
      );
    if (seen.has(entry.id)) throw new InputError(`duplicate parameter '${entry.id}'`, where);
    seen.add(entry.id);
    if (entry.refresh !== undefined && typeof entry.refresh !== 'boolean')
      throw new InputError(
        'expected refresh: true or false',
        file ? { file, path: `${pp}.refresh` } : { path: `${pp}.refresh` },
      );
    const prior =
      entry.prior === undefined
        ? priorFromRange(spec.range, `${pp}.prior`)
        : parsePrior(entry.prior, `${pp}.prior`, file);
    return { id: entry.id, prior, ...(entry.refresh === true ? { refresh: true } : {}) };
  });
  if (v.prior !== undefined && (typeof v.prior !== 'number' || !(v.prior > 0) || !Number.isFinite(v.prior)))
    throw new InputError('expected a model prior probability > 0', at('prior'));
  return {
    id: v.id,
    simulator: def.name,
    options,
    parameters,
    ...(v.prior !== undefined ? { prior: v.prior as number } : {}),
  };
}

/** Makes a validated spec runnable; `lookup` resolves simulator names (default: the registry). */
export function resolveProblem(
  spec: ProblemSpec,
  lookup: (name: string, path: string) => SimulatorDefinition = getSimulator,
): ResolvedProblem {
  const priorSum = spec.models.reduce((s, m) => s + (m.prior ?? 1), 0);
  let statistics: readonly string[] | undefined;
  const models = spec.models.map((m, i): ResolvedModel => {
    const path = `models[${i}]`;
    const def = lookup(m.simulator, `${path}.simulator`);
    const ids = m.parameters.map((q) => q.id);
    const simulator = def.create(ids, m.options ?? {}, `${path}.options`);
    if (statistics === undefined) statistics = simulator.statistics;
    else if (simulator.statistics.join('\u0000') !== statistics.join('\u0000'))
      throw new InputError(
        `models must report the same statistics: '${m.id}' gives ${simulator.statistics.join(', ')}, the first ${statistics.join(', ')}`,
        { path },
      );
    return {
      id: m.id,
      parameters: ids,
      priors: m.parameters.map((q, j) =>
        makePrior(q.prior ?? priorFromRange([0, 0], `${path}.parameters[${j}].prior`)),
      ),
      logModelPrior: Math.log((m.prior ?? 1) / priorSum),
      simulator,
      perturbed: Int32Array.from(m.parameters.flatMap((q, j) => (q.refresh ? [] : [j]))),
    };
  });
  const stats = statistics ?? [];
  const observed = new Float64Array(stats.length);
  for (const [k, s] of stats.entries()) {
    const v = spec.observed[s];
    if (v === undefined) throw new InputError(`missing observed statistic '${s}'`, { path: `observed.${s}` });
    observed[k] = v;
  }
  for (const k of Object.keys(spec.observed))
    if (!stats.includes(k))
      throw new InputError(`unknown statistic '${k}' (the simulators give ${stats.join(', ')})`, {
        path: `observed.${k}`,
      });
  const dist = spec.distance ?? { type: 'adaptive' };
  const weights = new Float64Array(stats.length).fill(1);
  if (dist.type === 'fixed' && dist.weights)
    for (const [k, w] of Object.entries(dist.weights)) {
      const j = stats.indexOf(k);
      if (j < 0) throw new InputError(`unknown statistic '${k}'`, { path: `distance.weights.${k}` });
      weights[j] = w;
    }
  return { spec, models, statistics: stats, observed, weights, adaptive: dist.type === 'adaptive' };
}
