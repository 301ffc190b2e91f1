/**
 * The SBML Test Suite stochastic (DSMTS) runner: Evans, Gillespie & Wilkinson, "The SBML discrete
 * stochastic models test suite", Bioinformatics 24:285 (2008). Each case runs an ensemble of n runs and,
 * at every output time and variable, checks Z = sqrt(n)(mean - mu)/sigma within meanRange and
 * Y = sqrt(n/2)(var/sigma^2 - 1) within sdRange (points with sigma = 0 must match exactly). A case passes
 * when at most 1% of its checked points fall outside (a correct simulator fails a few points by chance).
 * Statistics of ln(X) (`ln(X)-mean`) are computed from the kept runs; a case giving only the mean is
 * checked on Z with the sample sd in place of sigma (a t statistic; n = 10,000 makes the two agree).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addY, addZ, emptyTally, type Tally, yScore, zScore } from '../../analysis/dsmts.js';
import type { EnsembleResult } from '../../engines/ssa/ensemble.js';
import type { SsaMethodName } from '../../engines/ssa/method.js';
import { InputError } from '../../errors.js';
import { compile } from '../../model/compile.js';
import type { Model } from '../../model/types.js';
import { simulate } from '../../parallel/ensemble.js';
import type { IndexedMap } from '../../parallel/map.js';
import { UnsupportedError } from '../sbml/errors.js';
import { importSbml } from '../sbml/import.js';
import { type ExpectedResults, packageOfTags, parseResults, parseTags } from './case-files.js';
import { listCases } from './semantic.js';

export interface StochasticSuiteOptions {
  /** Runs per case; default 10,000 (the suite's n). */
  readonly runs?: number;
  readonly seed?: number;
  readonly workers?: number;
  /** Where each case's ensemble chunks run (e.g. a Redis queue); default `workers` threads. */
  readonly map?: IndexedMap;
  readonly method?: SsaMethodName;
  readonly filter?: (id: string) => boolean;
  /** Test hook: multiplies every parameter by this factor (a deliberately wrong simulator). */
  readonly perturb?: number;
  /** Allowed fraction of failing points per case; default 0.01. */
  readonly allowedFraction?: number;
  readonly onResult?: (r: StochasticCaseResult, done: number, total: number) => void;
}

export interface StochasticCaseResult {
  readonly id: string;
  readonly status: 'passed' | 'failed' | 'unsupported';
  readonly reason?: string;
  readonly package?: string;
  /** Points checked (mean and variance each count) and points outside their range. */
  readonly points?: number;
  readonly outside?: number;
  readonly worstZ?: number;
  readonly worstY?: number;
  readonly ms: number;
}

export interface StochasticSuiteResult {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  readonly runs: number;
  readonly cases: readonly StochasticCaseResult[];
  readonly ms: number;
}

interface StochasticSettings {
  readonly start: number;
  readonly duration: number;
  readonly steps: number;
  readonly variables: readonly string[];
  readonly amount: readonly string[];
  readonly concentration: readonly string[];
  readonly meanRange: readonly [number, number];
  readonly sdRange: readonly [number, number];
}

function parseStochasticSettings(text: string, file: string): StochasticSettings {
  const kv = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:(.*)$/.exec(line);
    if (m) kv.set(m[1], m[2].trim());
  }
  const list = (k: string) =>
    (kv.get(k) ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const num = (k: string, d?: number): number => {
    const v = kv.get(k);
    if (v === undefined || v === '') {
      if (d !== undefined) return d;
      throw new InputError(`missing setting '${k}'`, { file });
    }
    const x = Number(v);
    if (!Number.isFinite(x)) throw new InputError(`setting '${k}': '${v}' is not a number`, { file });
    return x;
  };
  const range = (k: string, d: [number, number]): [number, number] => {
    const v = kv.get(k);
    if (!v) return d;
    const m = /^\(?\s*([-+\d.eE]+)\s*,\s*([-+\d.eE]+)\s*\)?$/.exec(v);
    if (!m) throw new InputError(`setting '${k}': cannot read '${v}'`, { file });
    return [Number(m[1]), Number(m[2])];
  };
  return {
    start: num('start', 0),
    duration: num('duration'),
    steps: num('steps'),
    variables: list('variables'),
    amount: list('amount'),
    concentration: list('concentration'),
    meanRange: range('meanRange', [-3, 3]),
    sdRange: range('sdRange', [-5, 5]),
  };
}

/**
 * DSMTS models leave compartment sizes unset ("unknown") when every species in them is an amount
 * (hasOnlySubstanceUnits): the size then never enters the math, so 1 stands in for it.
 */
function sizeUnknownCompartments(model: Model): Model {
  const unknown = model.compartments.filter((c) => !Number.isFinite(c.size));
  if (unknown.length === 0) return model;
  const amountsOnly = (cid: string) =>
    model.species.every(
      (s) => s.compartment !== cid || (s.hasOnlySubstanceUnits && s.initialKind !== 'concentration'),
    );
  return {
    ...model,
    compartments: model.compartments.map((c) =>
      !Number.isFinite(c.size) && amountsOnly(c.id) ? { ...c, size: 1 } : c,
    ),
  };
}

/** One expected statistic: a variable, or its natural log (`ln(X)-mean`), with its columns. */
interface Statistic {
  readonly k: number;
  readonly log: boolean;
  readonly mean: number;
  /** -1 when the case gives only the mean (then Z uses the sample sd and Y is not checked). */
  readonly sd: number;
}

function statistics(variables: readonly string[], columns: readonly string[], file: string): Statistic[] {
  return variables.map((v, k) => {
    for (const log of [false, true]) {
      const name = log ? `ln(${v})` : v;
      const mean = columns.indexOf(`${name}-mean`);
      if (mean >= 0) return { k, log, mean, sd: columns.indexOf(`${name}-sd`) };
    }
    throw new InputError(`results lack ${v}-mean`, { file });
  });
}

/** Mean and sd of ln(x) over the kept runs at output row ti (NaN when some run is <= 0). */
function logMoments(res: EnsembleResult, ti: number, k: number): [number, number] {
  const nV = res.ids.length;
  const runs = res.trajectories ?? [];
  let s = 0;
  let s2 = 0;
  for (const tr of runs) {
    const x = Math.log(tr[ti * nV + k]);
    s += x;
    s2 += x * x;
  }
  const n = runs.length;
  const m = s / n;
  return [m, Math.sqrt(Math.max(0, (s2 - n * m * m) / (n - 1)))];
}

/**
 * Z and Y at every expected point. A point whose expected sd is 0 must match exactly, except a log
 * statistic that is undefined there (ln 0 at t0, where the suite writes 0): it is not counted.
 */
function check(
  res: EnsembleResult,
  stats: readonly Statistic[],
  expected: ExpectedResults,
  outputTimes: readonly number[],
  settings: StochasticSettings,
  runs: number,
): Tally {
  const tally = emptyTally();
  const w = expected.columns.length;
  const nV = res.ids.length;
  for (const st of stats) {
    for (let i = 0; i < expected.times.length; i++) {
      const ti = outputTimes.findIndex(
        (t) => Math.abs(t - expected.times[i]) <= 1e-9 * Math.max(1, Math.abs(t)),
      );
      if (ti < 0) continue;
      const mu = expected.values[i * w + st.mean];
      const sigma = st.sd >= 0 ? expected.values[i * w + st.sd] : Number.NaN;
      const [mean, sd] = st.log
        ? logMoments(res, ti, st.k)
        : [res.mean[ti * nV + st.k], res.sd[ti * nV + st.k]];
      if (sigma === 0 || (st.sd < 0 && sd === 0)) {
        if (st.log && !Number.isFinite(mean)) continue;
        tally.points += st.sd >= 0 ? 2 : 1;
        if (Math.abs(mean - mu) > 1e-9 * Math.max(1, Math.abs(mu))) tally.outside++;
        if (st.sd >= 0 && sd > 1e-9 * Math.max(1, Math.abs(mu))) tally.outside++;
        continue;
      }
      addZ(tally, zScore(runs, mean, mu, st.sd >= 0 ? sigma : sd), settings);
      if (st.sd < 0) continue;
      addY(tally, yScore(runs, sd, sigma), settings);
    }
  }
  return tally;
}

/** Runs one case folder; never throws (errors become 'failed' with the message). */
export async function runStochasticCase(
  dir: string,
  id: string,
  options: StochasticSuiteOptions = {},
): Promise<StochasticCaseResult> {
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const runs = options.runs ?? 10_000;
  let pkg: string | undefined;
  try {
    const mFile = join(dir, `${id}-model.m`);
    if (existsSync(mFile)) pkg = packageOfTags(parseTags(readFileSync(mFile, 'utf8')));
    const settings = parseStochasticSettings(
      readFileSync(join(dir, `${id}-settings.txt`), 'utf8'),
      `${id}-settings.txt`,
    );
    const expected = parseResults(readFileSync(join(dir, `${id}-results.csv`), 'utf8'), `${id}-results.csv`);
    const xml = ['l3v2', 'l3v1'].map((v) => join(dir, `${id}-sbml-${v}.xml`)).find((f) => existsSync(f));
    if (!xml) return { id, status: 'unsupported', reason: 'no SBML Level 3 file', package: pkg, ms: ms() };
    const model = sizeUnknownCompartments(importSbml(readFileSync(xml, 'utf8'), xml));
    const problem = compile(model);
    const outputTimes = Array.from(
      { length: settings.steps + 1 },
      (_, i) => settings.start + (settings.duration * i) / settings.steps,
    );
    const stats = statistics(settings.variables, expected.columns, `${id}-results.csv`);
    const res = await simulate(problem, {
      ...(options.perturb !== undefined ? { p: problem.p.map((v) => v * options.perturb!) } : {}),
      method: options.method ?? 'direct',
      runs,
      seed: options.seed ?? 1,
      workers: options.workers ?? 1,
      ...(options.map ? { map: options.map } : {}),
      outputTimes,
      outputs: settings.variables,
      amount: settings.amount,
      concentration: settings.concentration,
      quantiles: [],
      keepTrajectories: stats.some((c) => c.log),
    });
    const { points, outside, worstZ, worstY } = check(res, stats, expected, outputTimes, settings, runs);
    const ok = points > 0 && outside <= (options.allowedFraction ?? 0.01) * points;
    return {
      id,
      status: ok ? 'passed' : 'failed',
      ...(ok
        ? {}
        : {
            reason: `${outside} of ${points} points outside (worst Z ${worstZ.toFixed(2)}, Y ${worstY.toFixed(2)})`,
          }),
      package: pkg,
      points,
      outside,
      worstZ,
      worstY,
      ms: ms(),
    };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const status = e instanceof UnsupportedError || pkg !== undefined ? 'unsupported' : 'failed';
    return { id, status, reason: msg, package: pkg, ms: ms() };
  }
}

/** Runs every case folder under dir (sorted by id), each as an ensemble of `runs` runs. */
export async function runStochasticSuite(
  dir: string,
  options: StochasticSuiteOptions = {},
): Promise<StochasticSuiteResult> {
  const started = performance.now();
  const ids = listCases(dir).filter((id) => options.filter?.(id) ?? true);
  const cases: StochasticCaseResult[] = [];
  for (const id of ids) {
    const r = await runStochasticCase(join(dir, id), id, options);
    cases.push(r);
    options.onResult?.(r, cases.length, ids.length);
  }
  const count = (s: StochasticCaseResult['status']) => cases.filter((c) => c.status === s).length;
  return {
    total: cases.length,
    passed: count('passed'),
    failed: count('failed'),
    unsupported: count('unsupported'),
    runs: options.runs ?? 10_000,
    cases,
    ms: Math.round(performance.now() - started),
  };
}

/** What the `sbml-suite --stochastic` path needs from the CLI. */
export interface StochasticCliOptions {
  readonly casesDir: string;
  readonly runs: number;
  readonly seed: number;
  readonly workers: number;
  readonly map?: IndexedMap;
  readonly json: boolean;
  readonly filter?: (id: string) => boolean;
  readonly io: { stdout(s: string): void; stderr(s: string): void; readonly isTTY: boolean };
}

/** Runs the DSMTS cases, prints a summary (or JSON) and returns the exit code: 0 if none failed, else 1. */
export async function stochasticSuiteCli(o: StochasticCliOptions): Promise<number> {
  const result = await runStochasticSuite(o.casesDir, {
    runs: o.runs,
    seed: o.seed,
    workers: o.workers,
    ...(o.map ? { map: o.map } : {}),
    filter: o.filter,
    onResult: (r, done, total) => {
      if (o.io.isTTY && !o.json) o.io.stderr(`\r${done}/${total} ${r.id} ${r.status}   `);
    },
  });
  if (o.io.isTTY && !o.json) o.io.stderr('\n');
  if (o.json) {
    o.io.stdout(`${JSON.stringify(result, null, 1)}\n`);
  } else {
    for (const c of result.cases)
      if (c.status !== 'passed') o.io.stdout(`${c.id} ${c.status}: ${c.reason ?? ''}\n`);
    o.io.stdout(
      `${result.passed} passed, ${result.failed} failed, ${result.unsupported} unsupported of ${result.total} ` +
        `stochastic cases (${result.runs} runs each) in ${(result.ms / 1000).toFixed(1)} s\n`,
    );
  }
  return result.failed > 0 ? 1 : 0;
}
