/**
 * Likelihood problem files for multistart (YAML or JSON), or a PEtab v1 YAML (petabLikelihood.ts): a `likelihood:` section naming a model (a JSON or
 * SBML file relative to the problem file, or a built-in model id), the estimated parameters with bounds and
 * scales, and measurements of states with Gaussian noise of known sd. Files of ABC problems (simulators and
 * summary statistics, no likelihood) are refused with an InputError naming the file.
 *
 *   likelihood:
 *     model: pk2.json
 *     parameters: [{ id: k10, lower: 1e-3, upper: 10, scale: log10 }]
 *     measurements: [{ observable: C, time: 1, value: 86.1, sigma: 1 }]
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../../errors.js';
import { loadModel } from '../../io/load-model.js';
import { compile } from '../../model/compile.js';
import { odeLikelihood } from './odeLikelihood.js';
import { loadPetabLikelihood } from './petabLikelihood.js';
import type { LikelihoodProblem, ParameterScale } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SCALES: readonly ParameterScale[] = ['lin', 'log', 'log10'];

export interface LikelihoodFile {
  readonly name: string;
  readonly problem: LikelihoodProblem;
  /** Extra summary.json fields (a PEtab problem: gradient method, nominal llh and parameters). */
  readonly info?: Record<string, unknown>;
}

/** A PEtab v1 YAML (format_version and problems at the top): the PEtab adapter, petabLikelihood.ts. */
function petabFile(file: string): LikelihoodFile {
  const L = loadPetabLikelihood(file);
  return {
    name: basename(file).replace(/\.ya?ml$/i, ''),
    problem: L.problem,
    info: {
      format: 'petab',
      gradient: L.gradient,
      ...(L.fallbackReason !== null ? { gradientFallback: L.fallbackReason } : {}),
      nominal: { llh: L.nominalLlh, parameters: L.nominal },
    },
  };
}

export function loadLikelihoodFile(file: string): LikelihoodFile {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    throw new InputError(`cannot read the problem: ${e instanceof Error ? e.message : e}`, { file });
  }
  const at = (path: string) => ({ file, path });
  if (isObj(data) && 'format_version' in data && 'problems' in data) return petabFile(file);
  if (!isObj(data) || !isObj(data.likelihood))
    throw new InputError(
      "expected a 'likelihood' section (model, parameters, measurements): multistart needs a likelihood, " +
        'and this problem has none (use --method abc for simulator problems)',
      at('likelihood'),
    );
  const L = data.likelihood;
  if (typeof L.model !== 'string')
    throw new InputError('expected a model file or built-in model id', at('likelihood.model'));
  const ref =
    /\.(json|xml|sbml)$/i.test(L.model) && !isAbsolute(L.model) ? join(dirname(file), L.model) : L.model;
  const problem = compile(loadModel(ref));
  const num = (v: unknown, path: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new InputError(`expected a finite number, got ${JSON.stringify(v)}`, at(path));
    return v;
  };
  const list = (v: unknown, path: string): Obj[] => {
    if (!Array.isArray(v) || v.length === 0 || !v.every(isObj))
      throw new InputError('expected a non-empty list of mappings', at(path));
    return v as Obj[];
  };
  const parameters = list(L.parameters, 'likelihood.parameters').map((q, k) => {
    const path = `likelihood.parameters[${k}]`;
    if (typeof q.id !== 'string') throw new InputError('expected a parameter id', at(`${path}.id`));
    const scale = (q.scale ?? 'lin') as ParameterScale;
    if (!SCALES.includes(scale))
      throw new InputError(`expected lin, log or log10, got ${JSON.stringify(q.scale)}`, at(`${path}.scale`));
    const lower = num(q.lower, `${path}.lower`);
    const upper = num(q.upper, `${path}.upper`);
    if (!(lower < upper)) throw new InputError(`lower ${lower} must be < upper ${upper}`, at(path));
    if (scale !== 'lin' && !(lower > 0))
      throw new InputError(`a ${scale} parameter needs lower > 0`, at(`${path}.lower`));
    return { id: q.id, lower, upper, scale };
  });
  const measurements = list(L.measurements, 'likelihood.measurements').map((m, k) => {
    const path = `likelihood.measurements[${k}]`;
    if (typeof m.observable !== 'string')
      throw new InputError('expected a state id', at(`${path}.observable`));
    const time = num(m.time, `${path}.time`);
    if (time < problem.t0) throw new InputError(`time must be >= t0 = ${problem.t0}`, at(`${path}.time`));
    return {
      observable: m.observable,
      time,
      value: num(m.value, `${path}.value`),
      sigma: num(m.sigma, `${path}.sigma`),
    };
  });
  let lp: LikelihoodProblem;
  try {
    lp = odeLikelihood(problem, { parameters, measurements });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(e.message, at('likelihood'));
    throw e;
  }
  const name = typeof data.name === 'string' ? data.name : L.model;
  return { name, problem: lp };
}
