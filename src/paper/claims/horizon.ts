/**
 * The mechanism behind C3 vs C4 over a clinically meaningful horizon: how long continuous trastuzumab
 * takes to extinguish the CSC pool after inoculation (adjuvant, ~1e3 CSCs) and in an established tumor
 * (~1e5), from the branching-process closed forms, exact birth-death simulation, and the full model as
 * replicate mice treated for two years (src/experiments/extinction.ts; Riley et al., PLoS One 2012).
 */
import type { Rates } from '../../analysis/branching.js';
import {
  empiricalCdf,
  extinctionCurve,
  meanTimeToExtinction,
  simulateExtinctionTimes,
  treatedMiceExtinction,
  treatedRates,
  wilson,
} from '../../experiments/extinction.js';
import { lab } from '../../experiments/lab.js';
import { mean, quantile, sd } from '../../experiments/stats.js';
import { DESIGN, timingStudy } from './timing.js';
import type { ClaimContext, LineFigure } from './types.js';

/** Two years of continuous treatment, in days. */
export const HORIZON = 730;
const CHECK = Array.from({ length: 13 }, (_, i) => i * 60);
const GRID = Array.from({ length: HORIZON / 5 + 1 }, (_, i) => i * 5);
const POOLS = [1, 10, 100, 1e3, 1e4, 1e5, 1e6];

interface Setting {
  readonly name: string;
  readonly startDay: number;
  /** CSCs at the start of treatment (mean model). */
  readonly pool: number;
  /** Treated per-capita rates one week into treatment (mean model). */
  readonly rates: Rates;
}

export interface Horizon {
  readonly adjuvant: Setting;
  readonly established: Setting;
  /** Exact-simulation extinction times (days of treatment) for: adjuvant pool, established pool with the
   * adjuvant rates (pool size alone), established pool with its own rates (burden feedback). */
  readonly sims: readonly {
    readonly label: string;
    readonly n0: number;
    readonly rates: Rates;
    readonly times: Float64Array;
  }[];
  /** Full model: extinction times of replicate mice per setting (Infinity = survived the horizon). */
  readonly mice: readonly {
    readonly label: string;
    readonly times: Float64Array;
    readonly pools: Float64Array;
  }[];
  /** Mean time to extinction by initial pool (adjuvant rates): simulated mean and its standard error. */
  readonly meanT: readonly { readonly n0: number; readonly mean: number; readonly se: number }[];
  readonly runs: number;
}

const cache = new Map<string, Promise<Horizon>>();

export function horizonStudy(ctx: ClaimContext): Promise<Horizon> {
  const key = `${ctx.seed}:${ctx.quick ? 1 : 0}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = runHorizon(ctx);
    cache.set(key, hit);
  }
  return hit;
}

async function runHorizon(ctx: ClaimContext): Promise<Horizon> {
  const L = lab('MCF7');
  const p = L.problem.p;
  const study = await timingStudy('MCF7', ctx);
  const setting = (name: string, startDay: number): Setting => {
    const r = treatedRates(L, p, DESIGN.regimen, startDay);
    return { name, startDay, pool: r.pool, rates: { b: r.b, d: r.d } };
  };
  const adjuvant = setting('adjuvant', DESIGN.adjuvantDay ?? 1);
  const established = setting('established', study.nominal.establishedDay);
  const runs = ctx.quick ? 200 : 1000;
  const cases = [
    { label: `adjuvant pool (${fmtPool(adjuvant.pool)})`, n0: adjuvant.pool, rates: adjuvant.rates },
    {
      label: `established pool (${fmtPool(established.pool)}), adjuvant rates`,
      n0: established.pool,
      rates: adjuvant.rates,
    },
    {
      label: `established pool, rates at ${DESIGN.startVolume} mm³`,
      n0: established.pool,
      rates: established.rates,
    },
  ];
  const sims = cases.map((c, i) => ({
    ...c,
    n0: Math.round(c.n0),
    times: simulateExtinctionTimes(Math.round(c.n0), c.rates, runs, ctx.seed * 1000 + 100 + i, HORIZON),
  }));
  const mouseCount = ctx.quick ? 4 : 24;
  const mice = [adjuvant, established].map((s, i) => {
    const r = treatedMiceExtinction(L, p, {
      regimen: DESIGN.regimen,
      startDay: s.startDay,
      tEnd: s.startDay + HORIZON,
      mice: mouseCount,
      seed: ctx.seed,
      streamOffset: 50000 + 10000 * i,
    });
    return { label: s.name, times: r.times, pools: r.poolAtStart };
  });
  const meanRuns = ctx.quick ? 100 : 400;
  const meanT = POOLS.map((n0, i) => {
    const t = simulateExtinctionTimes(n0, adjuvant.rates, meanRuns, ctx.seed * 1000 + 200 + i, 1e5);
    return { n0, mean: mean(t), se: sd(t) / Math.sqrt(t.length) };
  });
  return { adjuvant, established, sims, mice, meanT, runs };
}

function fmtPool(n: number): string {
  const e = Math.floor(Math.log10(n));
  return `${(n / 10 ** e).toFixed(1)}e${e} CSCs`;
}

const count = (times: Float64Array, t: number): number => times.filter((x) => x <= t).length;

/** P(extinct by t): closed forms (lines) and exact simulation (points, 95% Wilson intervals every 60 days). */
export function branchingFigure(h: Horizon, id: string): LineFigure {
  return {
    kind: 'line',
    id,
    title: 'MCF7 CSC pool extinct by t, continuous trastuzumab: branching process',
    note:
      `Lines: closed form P(extinct by t) = G(0, t)^n0 of the linear birth-death process with constant treated ` +
      `rates; points: exact simulation (${h.runs} runs each, 95% Wilson intervals)`,
    xLabel: 'days of treatment',
    yLabel: 'P(CSC pool extinct)',
    yDomain: [0, 1],
    series: h.sims.map((s) => ({
      name: s.label,
      x: GRID,
      y: Array.from(extinctionCurve(s.rates, s.n0, GRID)),
    })),
    points: h.sims.map((s) => {
      const ci = CHECK.map((t) => wilson(count(s.times, t), s.times.length));
      return {
        name: s.label,
        x: CHECK,
        y: Array.from(empiricalCdf(s.times, CHECK)),
        lo: ci.map((c) => c[0]),
        hi: ci.map((c) => c[1]),
      };
    }),
    rules: [
      { axis: 'x', value: DESIGN.window ?? 28, label: 'end of the 28-day study' },
      { axis: 'x', value: 365, label: '1 year' },
    ],
  };
}

/** Full model: fraction of replicate mice whose CSC pool has died out, 95% Wilson intervals every 60 days. */
export function miceFigure(h: Horizon, id: string): LineFigure {
  return {
    kind: 'line',
    id,
    title: `Full model: CSC pool extinct, ${h.mice[0]!.times.length} mice per arm treated continuously`,
    note:
      'Hybrid replicate mice (PK, HER2, burden feedback, Fc-receptor killing; exact CSC draws), treatment from ' +
      'day 1 (adjuvant) or from 150 mm³ (established) without end; lines: fraction extinct, points: 95% Wilson intervals',
    xLabel: 'days of treatment',
    yLabel: 'fraction of mice',
    yDomain: [0, 1],
    series: h.mice.map((m) => ({
      name: `${m.label} (CSCs at start ${Math.round(quantile(m.pools, 0.5))}, median)`,
      x: GRID,
      y: Array.from(empiricalCdf(m.times, GRID)),
    })),
    points: h.mice.map((m) => {
      const ci = CHECK.map((t) => wilson(count(m.times, t), m.times.length));
      return {
        name: `${m.label} (CSCs at start ${Math.round(quantile(m.pools, 0.5))}, median)`,
        x: CHECK,
        y: Array.from(empiricalCdf(m.times, CHECK)),
        lo: ci.map((c) => c[0]),
        hi: ci.map((c) => c[1]),
      };
    }),
    rules: [
      { axis: 'x', value: DESIGN.window ?? 28, label: 'end of the 28-day study' },
      { axis: 'x', value: 365, label: '1 year' },
    ],
  };
}

/** Mean time to extinction against the initial pool: exact, asymptotic, simulated (mean +- 1.96 SE). */
export function meanTimeFigure(h: Horizon, id: string): LineFigure {
  const r = h.adjuvant.rates;
  const kappa = r.d - r.b;
  const n = Array.from({ length: 25 }, (_, i) => 10 ** (i / 4));
  const asym = n.filter((x) => x >= 10);
  return {
    kind: 'line',
    id,
    title: `Mean time to CSC extinction vs pool size (b = ${r.b.toFixed(3)}, d = ${r.d.toFixed(3)} per day)`,
    xLabel: 'CSCs at the start of treatment',
    yLabel: 'mean time to extinction (days)',
    logX: true,
    note: 'Lines: exact mean (integral of 1 - G(0, t)^n) and its large-pool asymptote; points: mean of exact simulations +- 1.96 SE',
    series: [
      { name: 'exact (branching process)', x: n, y: n.map((x) => meanTimeToExtinction(r, Math.round(x))) },
      {
        name: '(ln(n κ/d) + γ)/κ',
        x: asym,
        y: asym.map((x) => (Math.log((x * kappa) / r.d) + 0.5772156649015329) / kappa),
      },
    ],
    points: [
      {
        name: 'exact simulation',
        x: h.meanT.map((m) => m.n0),
        y: h.meanT.map((m) => m.mean),
        lo: h.meanT.map((m) => m.mean - 1.96 * m.se),
        hi: h.meanT.map((m) => m.mean + 1.96 * m.se),
      },
    ],
    rules: [
      { axis: 'x', value: h.adjuvant.pool, label: 'adjuvant' },
      { axis: 'x', value: h.established.pool, label: 'established' },
    ],
  };
}

/** One row per setting: pool, rates, mean time and the extinct fraction at 28, 90, 180 and 365 days. */
export function horizonTable(h: Horizon): Record<string, string | number>[] {
  const pct = (x: number): string => `${(100 * x).toFixed(0)}%`;
  const AT = [28, 90, 180, 365];
  const rows: Record<string, string | number>[] = h.sims.map((s) => {
    const row: Record<string, string | number> = {
      setting: `branching process: ${s.label}`,
      'CSCs at start': s.n0,
      'b (1/day)': s.rates.b,
      'd (1/day)': s.rates.d,
      'mean time (days)': meanTimeToExtinction(s.rates, s.n0),
    };
    const exact = extinctionCurve(s.rates, s.n0, AT);
    AT.forEach((t, i) => {
      row[`by ${t} d`] = `${pct(exact[i]!)} (sim ${pct(count(s.times, t) / s.times.length)})`;
    });
    return row;
  });
  for (const m of h.mice) {
    const row: Record<string, string | number> = {
      setting: `full model, ${m.times.length} mice: ${m.label}`,
      'CSCs at start': Math.round(quantile(m.pools, 0.5)),
      'b (1/day)': '',
      'd (1/day)': '',
      'mean time (days)': m.times.every(Number.isFinite) ? mean(m.times) : `> ${HORIZON} in some`,
    };
    for (const t of AT) row[`by ${t} d`] = pct(count(m.times, t) / m.times.length);
    rows.push(row);
  }
  return rows;
}
