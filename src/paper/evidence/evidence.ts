/**
 * The evidence the HER2-CSC hypotheses are calibrated against (issue: the hypotheses confronted with all
 * the evidence): one observation per claim C1-C8 of Ithimakin et al. 2013 and per adjuvant trial, with the
 * experiment that measures it, the statistic, the observed value or bound, its uncertainty and source.
 * The data live in evidence.json (versioned with the code); this module is its schema: `parseEvidence`
 * checks every field and names the path of what is wrong. Claims keep their pass/fail thresholds; the
 * calibration fits the observations, through `discrepancy`.
 */
import { InputError } from '../../errors.js';
import data from './evidence.json' with { type: 'json' };

export type EvidenceStep = 'mouse' | 'trial';
export type EvidenceScale = 'log' | 'linear';
export type EvidenceQuality = 'published' | 'derived' | 'reading of the abstract' | '[recall]';

/** A point value, or a bound when the source states a direction (penalised only outside it). */
export type Observed =
  | { readonly value: number }
  | { readonly lower: number; readonly upper?: number }
  | { readonly upper: number; readonly lower?: number };

export interface Observation {
  readonly id: string;
  /** 'mouse': the paper's claims (calibration step 1); 'trial': the adjuvant trials (step 2). */
  readonly step: EvidenceStep;
  /** A claim id (C1-C8) or a trial id of `cscsim trial`. */
  readonly target: string;
  readonly experiment: string;
  readonly statistic: string;
  readonly scale: EvidenceScale;
  readonly observed: Observed;
  /** Standard deviation on the statistic's scale (natural log for 'log'). */
  readonly sd: number;
  /** Where the sd comes from: the source's interval or a named assumption. */
  readonly uncertainty: string;
  readonly quality: EvidenceQuality;
  readonly source: string;
}

export interface Evidence {
  readonly version: number;
  readonly description: string;
  readonly assumptions: Readonly<Record<string, string>>;
  readonly observations: readonly Observation[];
}

const QUALITIES: readonly EvidenceQuality[] = ['published', 'derived', 'reading of the abstract', '[recall]'];
const FIELDS = [
  'id',
  'step',
  'target',
  'experiment',
  'statistic',
  'scale',
  'observed',
  'sd',
  'uncertainty',
  'quality',
  'source',
];

type Obj = Record<string, unknown>;

function fail(file: string, path: string, expected: string): never {
  throw new InputError(`expected ${expected}`, { file, path });
}

function obj(v: unknown, file: string, path: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(file, path, 'an object');
  return v as Obj;
}

function text(o: Obj, k: string, file: string, path: string): string {
  const v = o[k];
  if (typeof v !== 'string' || v.trim() === '') fail(file, `${path}.${k}`, 'a non-empty string');
  return v;
}

function oneOf<T extends string>(o: Obj, k: string, values: readonly T[], file: string, path: string): T {
  const v = o[k];
  if (typeof v !== 'string' || !values.includes(v as T))
    fail(file, `${path}.${k}`, `one of ${values.map((s) => `'${s}'`).join(', ')}`);
  return v as T;
}

function observed(v: unknown, scale: EvidenceScale, file: string, path: string): Observed {
  const o = obj(v, file, path);
  for (const k of Object.keys(o))
    if (!['value', 'lower', 'upper'].includes(k))
      fail(file, `${path}.${k}`, "only 'value', 'lower', 'upper'");
  const num = (k: string): number | undefined => {
    const x = o[k];
    if (x === undefined) return undefined;
    if (typeof x !== 'number' || !Number.isFinite(x) || (scale === 'log' && !(x > 0)))
      fail(file, `${path}.${k}`, scale === 'log' ? 'a finite number > 0 (log scale)' : 'a finite number');
    return x;
  };
  const [value, lower, upper] = [num('value'), num('lower'), num('upper')];
  if (value !== undefined) {
    if (lower !== undefined || upper !== undefined) fail(file, path, "either 'value' or bounds, not both");
    return { value };
  }
  if (lower !== undefined && upper !== undefined && !(lower < upper))
    fail(file, `${path}.upper`, `a bound above lower (${lower})`);
  if (lower !== undefined) return upper === undefined ? { lower } : { lower, upper };
  if (upper !== undefined) return { upper };
  return fail(file, path, "'value', 'lower' or 'upper'");
}

function observation(v: unknown, file: string, path: string): Observation {
  const o = obj(v, file, path);
  for (const k of Object.keys(o)) if (!FIELDS.includes(k)) fail(file, `${path}.${k}`, 'a known field');
  const scale = oneOf(o, 'scale', ['log', 'linear'] as const, file, path);
  const sd = o.sd;
  if (typeof sd !== 'number' || !(sd > 0) || !Number.isFinite(sd))
    fail(file, `${path}.sd`, 'a standard deviation > 0');
  return {
    id: text(o, 'id', file, path),
    step: oneOf(o, 'step', ['mouse', 'trial'] as const, file, path),
    target: text(o, 'target', file, path),
    experiment: text(o, 'experiment', file, path),
    statistic: text(o, 'statistic', file, path),
    scale,
    observed: observed(o.observed, scale, file, `${path}.observed`),
    sd,
    uncertainty: text(o, 'uncertainty', file, path),
    quality: oneOf(o, 'quality', QUALITIES, file, path),
    source: text(o, 'source', file, path),
  };
}

/** Checks an evidence document (e.g. a user's own file); every error names the file and the path. */
export function parseEvidence(v: unknown, file = 'evidence.json'): Evidence {
  const o = obj(v, file, '$');
  const version = o.version;
  if (version !== 1) fail(file, '$.version', 'version 1');
  const assumptions = obj(o.assumptions, file, '$.assumptions');
  for (const k of Object.keys(assumptions)) text(assumptions, k, file, '$.assumptions');
  const list = o.observations;
  if (!Array.isArray(list) || list.length === 0) fail(file, '$.observations', 'a non-empty array');
  const observations = list.map((x, i) => observation(x, file, `$.observations[${i}]`));
  const seen = new Set<string>();
  observations.forEach((x, i) => {
    if (seen.has(x.id)) fail(file, `$.observations[${i}].id`, `a unique id ('${x.id}' repeats)`);
    seen.add(x.id);
  });
  return {
    version,
    description: text(o, 'description', file, '$'),
    assumptions: assumptions as Record<string, string>,
    observations,
  };
}

/** The repository's evidence file, checked once at load. */
export const evidence: Evidence = parseEvidence(data, 'src/paper/evidence/evidence.json');

/**
 * Standardised discrepancy of a simulated statistic x from an observation: (x - value) / sd on the
 * observation's scale, or the distance to the violated bound (0 inside the bounds). NaN, or x <= 0 on a
 * log scale, gives NaN: a failed simulation is never close to the data. With `se`, the simulated statistic's own
 * standard error on that scale (a Monte Carlo estimate's), the scale is sqrt(sd^2 + se^2): the likelihood of the
 * observation when the model's value is known only to within se (the emulator-uncertainty term of Kennedy &
 * O'Hagan 2001; Wood 2010's synthetic likelihood with a plug-in variance).
 */
export function discrepancy(obs: Observation, x: number, se = 0): number {
  if (!Number.isFinite(x) || (obs.scale === 'log' && !(x > 0))) return Number.NaN;
  const f = obs.scale === 'log' ? Math.log : (y: number) => y;
  const o = obs.observed;
  const sd = se > 0 ? Math.hypot(obs.sd, se) : obs.sd;
  if ('value' in o) return (f(x) - f(o.value)) / sd;
  if (o.lower !== undefined && x < o.lower) return (f(x) - f(o.lower)) / sd;
  if (o.upper !== undefined && x > o.upper) return (f(x) - f(o.upper)) / sd;
  return 0;
}
