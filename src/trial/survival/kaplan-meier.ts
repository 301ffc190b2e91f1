/**
 * Kaplan-Meier estimate of the survival function (Kaplan & Meier 1958) with Greenwood's variance
 * (Greenwood 1926) and pointwise confidence intervals, numbers as R's survival::survfit reports them.
 */
import { InputError } from '../../errors.js';
import { groupCodes } from './groups.js';
import { checkSurvival, mergeNearTies, sortSurvival } from './input.js';
import { zForLevel } from './pvalue.js';
import { survivalQuantile } from './quantile.js';
import { checkCounts, type Runs, runsOfCounts, runsOfSorted } from './runs.js';

/** Scale of the pointwise interval: log S (R's default), log(-log S), or S itself. */
export type ConfType = 'log' | 'log-log' | 'plain';

export interface KaplanMeier {
  /** Distinct times (events or censorings), ascending, as R's survfit reports them. */
  time: Float64Array;
  nRisk: Float64Array;
  nEvent: Float64Array;
  nCensor: Float64Array;
  surv: Float64Array;
  /** Standard error of the cumulative hazard (Greenwood), as R reports std.err; Infinity once S = 0. */
  stdErr: Float64Array;
  /** Pointwise interval per confType, clipped to [0, 1]; NaN where R gives NA (S = 0; S = 1 for log-log). */
  lower: Float64Array;
  upper: Float64Array;
  /** R's median (incl. the midpoint rule on a flat 0.5 segment); null when S never reaches 0.5. */
  median: number | null;
  /** Confidence interval of the median from the band (R's quantile.survfit); null where not reached. */
  medianLower?: number | null;
  medianUpper?: number | null;
  /** Subjects and events in the sample. */
  n?: number;
  events?: number;
}

export interface KaplanMeierOptions {
  /** Level of the pointwise intervals, in (0, 1); default 0.95. */
  confLevel?: number;
  /** Default 'log', as R. */
  confType?: ConfType;
  /**
   * Keep only the event times and the last time (default false): S and its interval change only at
   * events, so the step curve, its median and band are the same, and a curve of n subjects holds O(events)
   * rows; censorings at a dropped time count at the next time kept.
   */
  eventsOnly?: boolean;
}

/**
 * Kaplan-Meier curve of one sample. time >= 0; status 1 = event, 0 = censored. Use it for the survival
 * function of an arm; kaplanMeierByGroup for several arms at once (one sort).
 */
export function kaplanMeier(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  options: KaplanMeierOptions = {},
): KaplanMeier {
  const { z, confType } = checkKmOptions(options);
  checkSurvival(time, status);
  const s = sortSurvival(time, status);
  return kmSorted(s.time, s.status, z, confType, options.eventsOnly === true);
}

/**
 * Kaplan-Meier per group, groups in sorted order (as R's factor levels). Each curve equals kaplanMeier on
 * that group's subjects, near-equal times merged within the group (R's survfit on each subset). R's
 * survfit(Surv ~ group) merges them across all groups, which moves a time by < 1.5e-8 relative where
 * two groups have such near-ties; the statistics are unaffected.
 */
export function kaplanMeierByGroup(
  time: ArrayLike<number>,
  status: ArrayLike<number>,
  group: readonly string[],
  options: KaplanMeierOptions = {},
): Map<string, KaplanMeier> {
  const { z, confType } = checkKmOptions(options);
  checkSurvival(time, status);
  const g = groupCodes(group, time.length);
  const s = sortSurvival(time, status, false);
  const G = g.levels.length;
  const size = new Uint32Array(G);
  for (let k = 0; k < s.n; k++) size[g.code[s.order[k]]]++;
  const times = Array.from(size, (m) => new Float64Array(m));
  const stats = Array.from(size, (m) => new Uint8Array(m));
  const fill = new Uint32Array(G);
  for (let k = 0; k < s.n; k++) {
    const c = g.code[s.order[k]];
    times[c][fill[c]] = s.time[k];
    stats[c][fill[c]++] = s.status[k];
  }
  const out = new Map<string, KaplanMeier>();
  g.levels.forEach((level, c) => {
    mergeNearTies(times[c]);
    out.set(level, kmSorted(times[c], stats[c], z, confType, options.eventsOnly === true));
  });
  return out;
}

function checkKmOptions(o: KaplanMeierOptions): { z: number; confType: ConfType } {
  const level = o.confLevel ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1))
    throw new InputError(`expected a number in (0, 1), got ${String(level)}`, { path: 'options.confLevel' });
  const confType = o.confType ?? 'log';
  if (confType !== 'log' && confType !== 'log-log' && confType !== 'plain')
    throw new InputError(`expected 'log', 'log-log' or 'plain', got ${String(confType)}`, {
      path: 'options.confType',
    });
  return { z: zForLevel(level), confType };
}

/**
 * Kaplan-Meier curve of events and censorings counted per distinct time (time ascending), e.g. a trial
 * whose times are recorded in whole days: kaplanMeier's numbers for the subjects those counts describe.
 */
export function kaplanMeierOfCounts(
  time: ArrayLike<number>,
  nEvent: ArrayLike<number>,
  nCensor: ArrayLike<number>,
  options: KaplanMeierOptions = {},
): KaplanMeier {
  const { z, confType } = checkKmOptions(options);
  checkCounts(time, { nEvent, nCensor });
  return kmOfRuns(runsOfCounts(time, nEvent, nCensor), z, confType, options.eventsOnly === true);
}

/** The estimate from times sorted ascending (ties already merged) and their statuses. */
function kmSorted(
  t: Float64Array,
  st: Uint8Array,
  z: number,
  confType: ConfType,
  eventsOnly = false,
): KaplanMeier {
  return kmOfRuns(runsOfSorted(t, st), z, confType, eventsOnly);
}

/** The estimate from the runs of a sample; with eventsOnly the rows at event times and the last time only. */
function kmOfRuns(visit: Runs, z: number, confType: ConfType, eventsOnly: boolean): KaplanMeier {
  let n = 0;
  let runs = 0;
  visit((_, d, c) => {
    n += d + c;
    runs++;
  });
  let m = 0;
  let r = 0;
  visit((_, d) => {
    r++;
    if (!eventsOnly || d > 0 || r === runs) m++;
  });
  const time = new Float64Array(m);
  const nRisk = new Float64Array(m);
  const nEvent = new Float64Array(m);
  const nCensor = new Float64Array(m);
  const surv = new Float64Array(m);
  const stdErr = new Float64Array(m);
  let atRisk = n;
  let s = 1;
  let varHaz = 0; // Greenwood: sum d / (n (n - d)), the variance of the cumulative hazard
  let events = 0;
  let censored = 0; // at times not kept, counted at the next kept one
  let j = 0;
  r = 0;
  visit((tj, d, c) => {
    r++;
    if (d > 0) {
      s *= (atRisk - d) / atRisk;
      varHaz += d / (atRisk * (atRisk - d));
    }
    if (!eventsOnly || d > 0 || r === runs) {
      time[j] = tj;
      nRisk[j] = atRisk;
      nEvent[j] = d;
      nCensor[j] = censored + c;
      surv[j] = s;
      stdErr[j] = Math.sqrt(varHaz);
      censored = 0;
      j++;
    } else censored += c;
    atRisk -= d + c;
    events += d;
  });
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  confidenceBand(surv, stdErr, z, confType, lower, upper);
  return {
    time,
    nRisk,
    nEvent,
    nCensor,
    surv,
    stdErr,
    lower,
    upper,
    median: survivalQuantile(time, surv, 0.5),
    medianLower: survivalQuantile(time, lower, 0.5),
    medianUpper: survivalQuantile(time, upper, 0.5),
    n,
    events,
  };
}

/**
 * Pointwise limits from S and the standard error of the cumulative hazard, as R's survfit_confint:
 * log: S exp(-+z se); log-log: S^exp(+-z se / log S); plain: S (1 -+ z se); upper limits capped at 1.
 */
export function confidenceBand(
  surv: Float64Array,
  se: Float64Array,
  z: number,
  type: ConfType,
  lower: Float64Array,
  upper: Float64Array,
): void {
  for (let j = 0; j < surv.length; j++) {
    const s = surv[j];
    if (type === 'log') {
      if (s === 0) {
        lower[j] = upper[j] = Number.NaN;
        continue;
      }
      const ls = Math.log(s);
      lower[j] = Math.exp(ls - z * se[j]);
      upper[j] = Math.min(Math.exp(ls + z * se[j]), 1);
    } else if (type === 'log-log') {
      if (s === 0 || s === 1) {
        lower[j] = upper[j] = Number.NaN;
        continue;
      }
      const ll = Math.log(-Math.log(s));
      const w = (z * se[j]) / Math.log(s);
      lower[j] = Math.exp(-Math.exp(ll - w));
      upper[j] = Math.exp(-Math.exp(ll + w));
    } else {
      const w = z * se[j] * s;
      lower[j] = Math.max(s - w, 0);
      upper[j] = Math.min(s + w, 1);
    }
  }
}
