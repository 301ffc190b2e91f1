/**
 * The state of an ABC-SMC run between generations, as JSON: written after every generation (to a
 * temporary file, then renamed, so a kill leaves the old or the new checkpoint, never half of one), and
 * read back by `--resume`. Doubles round-trip exactly through JSON (shortest round-trip printing);
 * typed arrays and non-finite numbers are tagged so that they come back as they were.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InputError } from '../../errors.js';
import type { ProblemSpec } from '../problem.js';
import type { MoveStats } from './replenish.js';
import type { Population } from './types.js';

export interface AbcSettings {
  readonly particles: number;
  readonly seed: number;
  readonly alpha: number;
  readonly zeta: number;
  readonly targetEpsilon: number;
  readonly minAcceptance: number;
  readonly maxGenerations: number;
  readonly maxEvaluations: number;
  /**
   * 0: the importance sampler (perturb and weight). k >= 1: replenishment ABC-SMC with up to k rounds of
   * MCMC moves per generation (replenish.ts), equal weights, and the distance fixed after generation 0.
   */
  readonly moves: number;
}

/** The names of the settings, for reading them from options and problem files. */
export const SETTING_KEYS: readonly (keyof AbcSettings)[] = [
  'particles',
  'seed',
  'alpha',
  'zeta',
  'targetEpsilon',
  'minAcceptance',
  'maxGenerations',
  'maxEvaluations',
  'moves',
];

export interface GenerationStats {
  readonly generation: number;
  readonly epsilon: number;
  readonly particles: number;
  /** Candidates consumed in index order up to the N-th acceptance. */
  readonly evaluations: number;
  /** Simulations with a finite distance. */
  readonly simulated: number;
  readonly nanDistances: number;
  readonly outsidePrior: number;
  /** particles / evaluations. */
  readonly acceptanceRate: number;
  readonly ess: number;
  readonly modelProbabilities: readonly number[];
  /** Candidates evaluated speculatively beyond the N-th acceptance (not part of the result). */
  readonly wasted: number;
  readonly seconds: number;
  /** With moves: the generation's MCMC rounds, acceptances and distinct particles. */
  readonly moves?: MoveStats;
}

export interface AbcState {
  readonly version: 1;
  readonly spec: ProblemSpec;
  readonly settings: AbcSettings;
  /** The generation to run next. */
  readonly generation: number;
  readonly population: Population | null;
  /** Distance weights and epsilon of the next generation. */
  readonly weights: Float64Array;
  readonly epsilon: number;
  readonly history: readonly GenerationStats[];
  readonly evaluations: number;
  readonly seconds: number;
  /** With moves: each model's random-walk scale for the next generation. */
  readonly scales?: Float64Array;
}

function replacer(_key: string, v: unknown): unknown {
  if (v instanceof Float64Array) return { $f64: Array.from(v) };
  if (v instanceof Int32Array) return { $i32: Array.from(v) };
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  return v;
}

function reviver(_key: string, v: unknown): unknown {
  if (v === 'NaN') return Number.NaN;
  if (v === 'Infinity') return Number.POSITIVE_INFINITY;
  if (v === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.$f64)) return Float64Array.from(o.$f64 as number[]);
    if (Array.isArray(o.$i32)) return Int32Array.from(o.$i32 as number[]);
  }
  return v;
}

export function stateToJson(s: AbcState): string {
  return `${JSON.stringify(s, replacer)}\n`;
}

export function stateFromJson(text: string, file: string): AbcState {
  let s: unknown;
  try {
    s = JSON.parse(text, reviver);
  } catch (e) {
    throw new InputError(`not a checkpoint (invalid JSON: ${e instanceof Error ? e.message : e})`, { file });
  }
  const o = s as Partial<AbcState>;
  if (typeof o !== 'object' || o === null || o.version !== 1)
    throw new InputError('not an ABC-SMC checkpoint of this version (expected version: 1)', {
      file,
      path: 'version',
    });
  for (const k of ['spec', 'settings', 'weights', 'history'] as const)
    if (o[k] === undefined) throw new InputError(`checkpoint lacks '${k}'`, { file, path: k });
  return o as AbcState;
}

/** Writes the state atomically: a temporary file beside `file`, then a rename over it. */
export function writeCheckpoint(file: string, s: AbcState): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, stateToJson(s));
  renameSync(tmp, file);
}

export function readCheckpoint(file: string): AbcState {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError('no checkpoint to resume from (expected checkpoint.json)', { file });
  }
  return stateFromJson(text, file);
}
