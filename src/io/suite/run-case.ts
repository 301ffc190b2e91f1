/**
 * Runs one SBML Test Suite semantic case: import the model at the requested Level/Version (L3V2 by default), simulate with `solve` at tolerances
 * well inside the case's own, and judge every listed variable at every output time by the suite's
 * rule (README of the suite: |actual - expected| <= absolute + relative * |expected|).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { solve } from '../../engines/solve.js';
import { compile } from '../../model/compile.js';
import { UnsupportedError } from '../sbml/errors.js';
import { importSbml } from '../sbml/import.js';
import { packageOfTags, parseResults, parseSettings, parseTags, worstDeviation } from './case-files.js';

export type CaseStatus = 'passed' | 'failed' | 'unsupported';

export interface CaseResult {
  readonly id: string;
  readonly status: CaseStatus;
  /** Why a case failed or is unsupported (package tag, construct, error message, worst point). */
  readonly reason?: string;
  /** Largest |actual - expected| at the worst point (by the suite's scaled rule). */
  readonly maxError?: number;
  /** Worst |actual - expected| / (absolute + relative |expected|); <= 1 passes. */
  readonly ratio?: number;
  readonly ms?: number;
  /** Set when the case needs an SBML package (comp, fbc, ...): outside SBML core. */
  readonly package?: string;
  /** Set when the case has no model file at the requested Level/Version: not counted as core. */
  readonly unavailable?: true;
}

/** The Level/Version spellings of the suite's model files (`NNNNN-sbml-l2v4.xml`). */
export const SBML_VERSIONS = ['l1v2', 'l2v1', 'l2v2', 'l2v3', 'l2v4', 'l2v5', 'l3v1', 'l3v2'] as const;
export type SbmlVersion = (typeof SBML_VERSIONS)[number];

/** Features of UnsupportedError that are SBML packages rather than core constructs we lack. */
const NOT_PACKAGES = new Set(['level', 'csymbol']);

/** Integrator tolerances derived from the case's: two to four digits tighter, within [1e-12, 1e-8]. */
export function caseTolerances(absolute: number, relative: number): { rtol: number; atol: number } {
  const rtol = Math.min(1e-8, Math.max(1e-12, relative * 1e-4));
  const atol = Math.min(1e-10, Math.max(1e-16, absolute * 1e-4));
  return { rtol, atol };
}

/** The case's model at `version`; by default L3V2, else L3V1. */
function modelFile(dir: string, id: string, version?: SbmlVersion): string | undefined {
  for (const v of version ? [version] : ['l3v2', 'l3v1']) {
    const f = join(dir, `${id}-sbml-${v}.xml`);
    if (existsSync(f)) return f;
  }
  return undefined;
}

/** Runs the case in `dir` (a folder named by the case id). Never throws: errors become a failed status. */
export function runCase(dir: string, id: string, version?: SbmlVersion): CaseResult {
  const started = performance.now();
  const done = (r: Omit<CaseResult, 'id' | 'ms'>): CaseResult => ({
    id,
    ...r,
    ms: Math.round((performance.now() - started) * 10) / 10,
  });
  try {
    const mFile = join(dir, `${id}-model.m`);
    if (existsSync(mFile)) {
      const tags = parseTags(readFileSync(mFile, 'utf8'));
      const pkg = packageOfTags(tags);
      if (pkg) return done({ status: 'unsupported', reason: pkg, package: pkg });
      if (tags.testType && tags.testType !== 'TimeCourse')
        return done({ status: 'unsupported', reason: tags.testType });
    }
    const file = modelFile(dir, id, version);
    if (!file)
      return done({
        status: 'unsupported',
        reason: version ? `not available at ${version}` : 'no SBML Level 3 model file',
        ...(version ? { unavailable: true as const } : {}),
      });
    const settingsFile = join(dir, `${id}-settings.txt`);
    const resultsFile = join(dir, `${id}-results.csv`);
    const settings = parseSettings(readFileSync(settingsFile, 'utf8'), settingsFile);
    const expected = parseResults(readFileSync(resultsFile, 'utf8'), resultsFile);
    const model = importSbml(readFileSync(file, 'utf8'), file);
    const problem = compile(model);
    const { rtol, atol } = caseTolerances(settings.absolute, settings.relative);
    const tEnd = settings.start + settings.duration;
    const outputs = expected.columns.filter(
      (c) => settings.variables.length === 0 || settings.variables.includes(c),
    );
    // Settings may list compartments or parameters under amount/concentration: only species have both.
    const species = new Set(model.species.map((x) => x.id));
    const sol = solve(problem, {
      tEnd,
      rtol,
      atol,
      outputTimes: expected.times,
      // Steps no longer than the output interval: a trigger that rises and falls within one long step
      // (the state may be constant while rules oscillate) would otherwise go unseen.
      maxStep: settings.duration / settings.steps,
      outputs,
      amount: settings.amount.filter((x) => species.has(x)),
      concentration: settings.concentration.filter((x) => species.has(x)),
    });
    if (sol.t.length !== expected.times.length)
      return done({
        status: 'failed',
        reason: `solver returned ${sol.t.length} rows, expected ${expected.times.length}`,
      });
    // Actual values in the layout of `expected` (columns not listed in variables are copied through).
    const w = expected.columns.length;
    const actual = Float64Array.from(expected.values);
    expected.columns.forEach((c, j) => {
      const k = outputs.indexOf(c);
      if (k < 0) return;
      for (let i = 0; i < sol.t.length; i++) actual[i * w + j] = sol.y[i * outputs.length + k]!;
    });
    const worst = worstDeviation(expected, actual, settings);
    const where = `${worst.variable} at t = ${worst.time}`;
    if (worst.ratio <= 1) return done({ status: 'passed', maxError: worst.error, ratio: worst.ratio });
    return done({
      status: 'failed',
      reason: `${where}: |error| ${worst.error.toPrecision(3)} is ${worst.ratio.toPrecision(3)} x tolerance`,
      maxError: worst.error,
      ratio: worst.ratio,
    });
  } catch (e) {
    if (e instanceof UnsupportedError) {
      const pkg = NOT_PACKAGES.has(e.feature) ? {} : { package: e.feature };
      return done({ status: 'unsupported', reason: `${e.feature}: ${e.message}`, ...pkg });
    }
    const err = e instanceof Error ? e : new Error(String(e));
    return done({ status: 'failed', reason: `${err.name}: ${err.message}` });
  }
}
