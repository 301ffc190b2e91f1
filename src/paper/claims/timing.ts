/**
 * The treatment-timing study shared by C3, C4 and C5: control, adjuvant (day 1) and established
 * (from 150 mm3) arms, as replicate mice with stochastic CSC pools and as the mean (ODE) model.
 */
import { treatedState } from '../../experiments/extinction.js';
import { lab } from '../../experiments/lab.js';
import { column, observeAt, paramVector, run } from '../../experiments/sim.js';
import { mean, quantile } from '../../experiments/stats.js';
import {
  type DeterministicStudy,
  type LazyStudy,
  lazyStudy,
  type StudyDesign,
  studyDeterministic,
} from '../../experiments/study.js';
import { type ArmResult, armDoses, xenograft } from '../../experiments/xenograft.js';
import type { CellLine } from '../../models/index.js';
import type { ClaimContext, LineFigure, ModelOptions, ParamSet } from './types.js';

export const DESIGN: StudyDesign = { regimen: 'mouse-10-biw', startVolume: 150, window: 28 };

export interface TimingStudy {
  readonly line: CellLine;
  readonly nominal: DeterministicStudy;
  readonly mice: readonly ArmResult[];
  /** Mean final volume of each arm / control (replicate mice). */
  readonly ratio: readonly number[];
}

const cache = new Map<string, Promise<TimingStudy>>();

export function timingStudy(line: CellLine, ctx: ClaimContext): Promise<TimingStudy> {
  const key = `${line}:${ctx.seed}:${ctx.quick ? 1 : 0}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = Promise.resolve().then(() => runTiming(line, ctx));
    cache.set(key, hit);
  }
  return hit;
}

function runTiming(line: CellLine, ctx: ClaimContext): TimingStudy {
  const L = lab(line);
  const nominal = studyDeterministic(L, L.problem.p, DESIGN);
  if (!nominal) throw new Error(`${line}: control tumors never reach ${DESIGN.startVolume} mm3`);
  const mice = xenograft({
    line,
    arms: nominal.arms,
    mice: ctx.quick ? 3 : 8,
    seed: ctx.seed,
    tEnd: nominal.end,
  });
  const finals = mice.map((a) => mean(a.volume.map((v) => v[v.length - 1]!)));
  return { line, nominal, mice, ratio: finals.map((f) => f / finals[0]!) };
}

/**
 * Deterministic end-of-study ratio of one arm (1 adjuvant, 2 established) for a robustness parameter set
 * under a model variant; NaN when control tumors never reach the start volume. The study of a (set, line,
 * variant) is set up once and each arm run only when asked for (C3 and C4 share MCF7's).
 */
export function timingRatio(line: CellLine, arm: number, set: ParamSet, model: ModelOptions = {}): number {
  let byLine = sweepCache.get(set);
  if (!byLine) sweepCache.set(set, (byLine = new Map()));
  const key = `${line}:${JSON.stringify(model)}`;
  let st = byLine.get(key);
  if (st === undefined) {
    const L = lab(line, 'fatpad', model);
    st = lazyStudy(L, paramVector(L.problem, set(line)), { ...DESIGN, rtol: 1e-4 });
    byLine.set(key, st);
  }
  return st ? st.ratio(arm) : Number.NaN;
}

/** Mean-model established-arm ratio (treated / control at the end) with some parameters replaced; NaN when
 * control tumors never reach the start volume. */
export function establishedRatio(line: CellLine, values: Readonly<Record<string, number>>): number {
  const L = lab(line);
  const st = studyDeterministic(L, paramVector(L.problem, values), { ...DESIGN, outputStep: 7, rtol: 1e-5 });
  return st ? st.ratio[2]! : Number.NaN;
}

/**
 * Mean-model volume of an established tumor under continuous treatment (no end), at the given days after the
 * start, and the CSC count there: what months of blockade do beyond the 28-day study.
 */
export function continuousCourse(
  line: CellLine,
  after: readonly number[],
): { readonly startDay: number; readonly V: number[]; readonly S: number[] } {
  const L = lab(line);
  const p = L.problem.p;
  const st = studyDeterministic(L, p, { ...DESIGN, outputStep: 7, rtol: 1e-5 });
  if (!st) throw new Error(`${line}: control tumors never reach ${DESIGN.startVolume} mm3`);
  const start = st.establishedDay;
  const tEnd = start + Math.max(...after);
  const tr = run(L.problem, {
    p,
    tEnd,
    times: [start, ...after.map((a) => start + a)],
    outputs: ['V', 'S'],
    doses: armDoses({ name: 'established', regimen: DESIGN.regimen, startDay: start }, tEnd),
    rtol: 1e-6,
  });
  const V = arr(column(tr, 'V'));
  const S = arr(column(tr, 'S'));
  return { startDay: start, V, S };
}

/** Per-day antibody-dependent kill of CSCs and of differentiated cells a week into established treatment. */
export function killRates(line: CellLine): {
  readonly csc: number;
  readonly bulk: number;
  /** First progenitor stage. */
  readonly p1: number;
} {
  const L = lab(line);
  const st = studyDeterministic(L, L.problem.p, { ...DESIGN, outputStep: 7, rtol: 1e-5 });
  if (!st) throw new Error(`${line}: control tumors never reach ${DESIGN.startVolume} mm3`);
  const s = treatedState(L, L.problem.p, DESIGN.regimen, st.establishedDay);
  const o = observeAt(L.problem, ['adccS', 'adccD', 'adccP1'], s.t, s.y, L.problem.p);
  return { csc: o.adccS!, bulk: o.adccD!, p1: o.adccP1! };
}

/** C3 and C4 read the same study of a parameter set: run it once. */
const sweepCache = new WeakMap<ParamSet, Map<string, LazyStudy | null>>();

const arr = (x: ArrayLike<number>): number[] => Array.from(x);

/** Growth curves of the replicate mice: mean with 10-90% band per arm, treatment windows shaded. */
export function growthFigure(s: TimingStudy, arms: readonly string[], id: string): LineFigure {
  const chosen = s.mice.filter((a) => arms.includes(a.name));
  const t = arr(chosen[0]!.t);
  const stat = (a: ArmResult, f: (xs: number[]) => number): number[] =>
    t.map((_, i) => f(a.volume.map((v) => v[i]!)));
  return {
    kind: 'line',
    id,
    title: `${s.line} xenografts: tumor volume (mean of ${chosen[0]!.volume.length} mice, 10-90% band)`,
    xLabel: 'days after inoculation',
    yLabel: 'tumor volume (mm³)',
    logY: true,
    series: chosen.map((a) => ({
      name: a.name,
      x: t,
      y: stat(a, mean),
      lo: stat(a, (xs) => quantile(xs, 0.1)),
      hi: stat(a, (xs) => quantile(xs, 0.9)),
    })),
    intervals: chosen
      .filter((a) => a.startDay !== null)
      .map((a) => ({ from: a.startDay!, to: s.nominal.end, label: `trastuzumab (${a.name})` })),
  };
}

/** CSC and progenitor trajectories of the mean model under each schedule. */
export function hierarchyFigure(s: TimingStudy, id: string): LineFigure {
  const series = s.nominal.trajectories.flatMap((tr, i) => {
    const name = s.nominal.arms[i]!.name;
    const S = column(tr, 'S');
    const N = column(tr, 'N');
    const D = column(tr, 'D');
    return [
      { name: `CSC, ${name}`, x: arr(tr.t), y: arr(S).map((v) => Math.max(v, 1e-2)) },
      {
        name: `progenitors, ${name}`,
        x: arr(tr.t),
        y: arr(N).map((n, k) => Math.max(n - S[k]! - D[k]!, 1e-2)),
      },
    ];
  });
  return {
    kind: 'line',
    id,
    title: `${s.line}: CSCs and progenitors under each schedule (mean model)`,
    xLabel: 'days after inoculation',
    yLabel: 'cells',
    logY: true,
    series,
    intervals: [{ from: s.nominal.establishedDay, to: s.nominal.end, label: 'established-arm treatment' }],
  };
}

/** Fraction of mice whose CSC pool is extinct, per arm. */
export function extinctionFigure(s: TimingStudy, id: string): LineFigure {
  return {
    kind: 'line',
    id,
    title: `${s.line}: probability that the CSC pool is extinct (replicate mice)`,
    xLabel: 'days after inoculation',
    yLabel: 'fraction of mice',
    yDomain: [0, 1],
    series: s.mice.map((a) => ({ name: a.name, x: arr(a.t), y: arr(a.extinct) })),
  };
}
