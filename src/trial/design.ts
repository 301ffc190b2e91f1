/**
 * A trial design as plain data (JSON round-trips): who is eligible (HER2 strata: IHC level, HER2 per cell,
 * amplification), the chemotherapy backbone, the trastuzumab schedule, the calibration target and the
 * follow-up, the published result and its sources. `checkDesign` validates a value from a file and names
 * the path of the first problem (exit 2 in the CLI).
 */

import { InputError } from '../errors.js';
import type { Administration } from '../experiments/sim.js';
import type { Distribution } from './assumptions.js';

/** One HER2 stratum of the eligible population. */
export interface Her2Stratum {
  readonly id: string;
  readonly label: string;
  /** Share of the enrolled patients. */
  readonly share: number;
  /** IHC score 0-3 (3: overexpressing). */
  readonly ihc: number;
  readonly amplified: boolean;
  /** HER2 receptors per non-stem tumor cell before any gene-copy factor. */
  readonly her2Base: Distribution;
  /** Model parameters for every patient of the stratum (e.g. copyRatio, lambdaP of an amplified line). */
  readonly modelParams?: Readonly<Record<string, number>>;
  readonly source: string;
}

/** Trastuzumab: a loading dose, then maintenance doses at a fixed interval (mg/kg, boluses). */
export interface TrastuzumabSchedule {
  readonly loading: number;
  readonly maintenance: number;
  readonly everyDays: number;
  /** Administrations in all, the loading dose included. */
  readonly count: number;
  /** Day of the first dose after the end of the chemotherapy kill (model day 0). */
  readonly startDay: number;
  readonly description: string;
  readonly source: string;
}

/** A published hazard ratio with its 95% interval. */
export interface PublishedHr {
  readonly hr: number;
  readonly lower: number;
  readonly upper: number;
  readonly p?: number;
  readonly endpoint: string;
  readonly source: string;
}

export interface TrialDesign {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Patients analysed in the publication (the default trial size). */
  readonly patients: number;
  readonly patientsSource: string;
  readonly eligibility: { readonly strata: readonly Her2Stratum[] };
  readonly chemotherapy: {
    readonly backbone: string;
    /** log10 kill of cycling micrometastatic CSCs at day 0 (both arms). */
    readonly logKill: number;
    readonly source: string;
  };
  readonly trastuzumab: TrastuzumabSchedule;
  /** Control-arm DFS the baseline is calibrated to (an input, never a prediction). */
  readonly calibration: { readonly years: number; readonly dfs: number; readonly source: string };
  readonly followUp: {
    readonly accrualYears: number;
    readonly medianFollowUpMonths: number;
    readonly source: string;
  };
  readonly published: PublishedHr & {
    readonly dfsControl?: number;
    readonly dfsTrastuzumab?: number;
    readonly dfsYears?: number;
  };
  readonly sources: readonly string[];
}

/** The administrations of the treated arm. */
export function administrationsOf(s: TrastuzumabSchedule): Administration[] {
  return Array.from({ length: s.count }, (_, i) => ({
    t: s.startDay + i * s.everyDays,
    target: 'Ab_c',
    amount: i === 0 ? s.loading : s.maintenance,
  }));
}

type Check = (v: unknown, path: string) => void;

const fail = (file: string | undefined, path: string, msg: string): never => {
  throw new InputError(msg, { ...(file ? { file } : {}), path });
};

/** Validates an unknown value as a TrialDesign; InputError naming the file and the path otherwise. */
export function checkDesign(v: unknown, file?: string): TrialDesign {
  const obj = (x: unknown, path: string, fields: Readonly<Record<string, [boolean, Check]>>): void => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(file, path, 'expected an object');
    const o = x as Record<string, unknown>;
    for (const k of Object.keys(o))
      if (!(k in fields))
        fail(file, `${path}.${k}`, `unknown field (expected one of ${Object.keys(fields).join(', ')})`);
    for (const [k, [required, check]] of Object.entries(fields)) {
      if (o[k] === undefined) {
        if (required) fail(file, `${path}.${k}`, 'missing');
        continue;
      }
      check(o[k], `${path}.${k}`);
    }
  };
  const str: Check = (x, path) => {
    if (typeof x !== 'string') fail(file, path, 'expected a string');
  };
  const num =
    (lo: number, hi = Number.POSITIVE_INFINITY, what = `a number in [${lo}, ${hi}]`): Check =>
    (x, path) => {
      if (typeof x !== 'number' || !Number.isFinite(x) || x < lo || x > hi)
        fail(file, path, `expected ${what}, got ${JSON.stringify(x)}`);
    };
  const int =
    (lo: number): Check =>
    (x, path) => {
      num(lo)(x, path);
      if (!Number.isInteger(x)) fail(file, path, `expected an integer >= ${lo}`);
    };
  const bool: Check = (x, path) => {
    if (typeof x !== 'boolean') fail(file, path, 'expected true or false');
  };
  const dist: Check = (x, path) => {
    const kind = (x as { kind?: unknown } | null)?.kind;
    if (kind === 'fixed') obj(x, path, { kind: [true, str], value: [true, num(0)] });
    else if (kind === 'lognormal')
      obj(x, path, { kind: [true, str], median: [true, num(0)], sdLog: [true, num(0)] });
    else if (kind === 'logUniform')
      obj(x, path, { kind: [true, str], lo: [true, num(0)], hi: [true, num(0)] });
    else fail(file, `${path}.kind`, "expected 'fixed', 'lognormal' or 'logUniform'");
  };
  const params: Check = (x, path) => {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) fail(file, path, 'expected an object');
    for (const [k, y] of Object.entries(x as object)) num(Number.NEGATIVE_INFINITY)(y, `${path}.${k}`);
  };
  const stratum: Check = (x, path) =>
    obj(x, path, {
      id: [true, str],
      label: [true, str],
      share: [true, num(0, 1)],
      ihc: [true, int(0)],
      amplified: [true, bool],
      her2Base: [true, dist],
      modelParams: [false, params],
      source: [true, str],
    });
  const strata: Check = (x, path) => {
    if (!Array.isArray(x) || x.length === 0) fail(file, path, 'expected a non-empty array of strata');
    for (const [i, s] of (x as unknown[]).entries()) stratum(s, `${path}[${i}]`);
    const total = (x as { share: number }[]).reduce((a, s) => a + s.share, 0);
    if (Math.abs(total - 1) > 1e-9) fail(file, path, `stratum shares must sum to 1, got ${total}`);
  };
  const dose = (what: string): Check => num(0, Number.POSITIVE_INFINITY, `a ${what} dose >= 0 (mg/kg)`);
  const published: Check = (x, path) =>
    obj(x, path, {
      hr: [true, num(0)],
      lower: [true, num(0)],
      upper: [true, num(0)],
      p: [false, num(0, 1)],
      endpoint: [true, str],
      source: [true, str],
      dfsControl: [false, num(0, 1)],
      dfsTrastuzumab: [false, num(0, 1)],
      dfsYears: [false, num(0)],
    });
  const list: Check = (x, path) => {
    if (!Array.isArray(x)) fail(file, path, 'expected an array of strings');
    for (const [i, s] of (x as unknown[]).entries()) str(s, `${path}[${i}]`);
  };
  obj(v, '$', {
    id: [true, str],
    name: [true, str],
    description: [true, str],
    patients: [true, int(2)],
    patientsSource: [true, str],
    eligibility: [true, (x, p) => obj(x, p, { strata: [true, strata] })],
    chemotherapy: [
      true,
      (x, p) => obj(x, p, { backbone: [true, str], logKill: [true, num(0, 10)], source: [true, str] }),
    ],
    trastuzumab: [
      true,
      (x, p) =>
        obj(x, p, {
          loading: [true, dose('loading')],
          maintenance: [true, dose('maintenance')],
          everyDays: [true, num(0)],
          count: [true, int(0)],
          startDay: [true, num(0)],
          description: [true, str],
          source: [true, str],
        }),
    ],
    calibration: [
      true,
      (x, p) => obj(x, p, { years: [true, num(0.5, 20)], dfs: [true, num(0, 1)], source: [true, str] }),
    ],
    followUp: [
      true,
      (x, p) =>
        obj(x, p, {
          accrualYears: [true, num(0, 20)],
          medianFollowUpMonths: [true, num(1, 600)],
          source: [true, str],
        }),
    ],
    published: [true, published],
    sources: [true, list],
  });
  return v as TrialDesign;
}
