/**
 * One BioModels entry through the whole path a user takes: load (SBML import), compile, simulate over
 * a default horizon. Each stage that fails records its error and the SBML feature it names, so that the
 * corpus table says why, never just "failed".
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { solve } from '../../src/engines/solve.js';
import { UnsupportedError } from '../../src/io/sbml/errors.js';
import { importSbmlDetailed } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';

/** The default experiment where the corpus gives none: 0-100 model time units, 101 points. */
export const HORIZON = { tEnd: 100, points: 101, rtol: 1e-6, atol: 1e-9, maxSteps: 200_000 } as const;

export interface ModelRow {
  readonly id: string;
  readonly level: string;
  readonly species: number;
  readonly reactions: number;
  readonly events: number;
  readonly loads: boolean;
  readonly compiles: boolean;
  readonly simulates: boolean;
  /** Stage that failed and the SBML feature its error names. */
  readonly stage?: 'load' | 'compile' | 'simulate';
  readonly feature?: string;
  readonly error?: string;
  /** Most negative species amount over the output grid (when simulated). */
  readonly minSpecies?: number;
  readonly steps?: number;
  readonly ms: number;
}

/** The SBML construct an error message points at, for the table's `feature` column. */
export function featureOf(e: unknown): string {
  if (e instanceof UnsupportedError) return e.feature;
  const m = e instanceof Error ? e.message : String(e);
  const rules: [RegExp, string][] = [
    [/algebraic/i, 'algebraicRule'],
    [/fast/i, 'fast reaction'],
    [/delay/i, 'delay'],
    [/event/i, 'event'],
    [/initialAssignment/i, 'initialAssignment'],
    [/step.?size|underflow|too many steps|maxSteps/i, 'stiff dynamics (integration)'],
    [/NaN|finite|infinit/i, 'non-finite value'],
    [/functionDefinition|function '/i, 'functionDefinition'],
    [/unit/i, 'units'],
    [/compartment/i, 'compartment'],
    [/species/i, 'species'],
    [/rule/i, 'rule'],
  ];
  for (const [re, f] of rules) if (re.test(m)) return f;
  return 'other';
}

export function checkModel(
  id: string,
  file: string,
  tol: { rtol: number; atol: number; scaleAtol?: boolean } = HORIZON,
): ModelRow {
  const started = performance.now();
  const raw = readFileSync(file);
  const text = file.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  const tag = /<sbml\b[^>]*>/.exec(text)?.[0] ?? '';
  const level = `L${/\blevel="(\d)"/.exec(tag)?.[1] ?? '?'}V${/\bversion="(\d)"/.exec(tag)?.[1] ?? '?'}`;
  const base = { id, level, species: 0, reactions: 0, events: 0 };
  const ms = (): number => Math.round(performance.now() - started);
  const fail = (stage: 'load' | 'compile' | 'simulate', e: unknown, so: object): ModelRow => ({
    ...base,
    ...so,
    loads: stage !== 'load',
    compiles: stage === 'simulate',
    simulates: false,
    stage,
    feature: featureOf(e),
    error: (e instanceof Error ? `${e.name}: ${e.message}` : String(e)).replace(/\s+/g, ' ').slice(0, 300),
    ms: ms(),
  });
  let model: ReturnType<typeof importSbmlDetailed>['model'];
  try {
    model = importSbmlDetailed(text, `${id}.xml`).model;
  } catch (e) {
    return fail('load', e, {});
  }
  const sizes = {
    species: model.species.length,
    reactions: model.reactions.length,
    events: model.events?.length ?? 0,
  };
  let problem: ReturnType<typeof compile>;
  try {
    problem = compile(model);
  } catch (e) {
    return fail('compile', e, sizes);
  }
  try {
    const times = Array.from({ length: HORIZON.points }, (_, i) => (HORIZON.tEnd * i) / (HORIZON.points - 1));
    const speciesIds = model.species.map((s) => s.id);
    const sol = solve(problem, {
      tEnd: HORIZON.tEnd,
      rtol: tol.rtol,
      atol: tol.atol,
      scaleAtol: tol.scaleAtol ?? true,
      maxSteps: HORIZON.maxSteps,
      outputTimes: times,
      outputs: speciesIds,
      amount: speciesIds,
    });
    let min = Number.POSITIVE_INFINITY;
    for (const v of sol.y) if (v < min) min = v;
    for (const v of sol.y) if (!Number.isFinite(v)) throw new Error('non-finite species value in the output');
    return {
      ...base,
      ...sizes,
      loads: true,
      compiles: true,
      simulates: true,
      ...(Number.isFinite(min) ? { minSpecies: min } : {}),
      steps: sol.stats.accepted + sol.stats.rejected,
      ms: ms(),
    };
  } catch (e) {
    return fail('simulate', e, sizes);
  }
}
