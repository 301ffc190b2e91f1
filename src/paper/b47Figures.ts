/**
 * The B-47 confrontation's figures as data (claims/types.ts), so that the report draws them with its own
 * charts and writes their CSVs to data/: Kaplan-Meier invasive DFS per arm, and the scan's model HR per HER2
 * share and Fc-receptor activity against B-47's 95% interval.
 */

import { B47 } from '../trial/index.js';
import type { KaplanMeier } from '../trial/survival/index.js';
import type { B47Confrontation } from './b47.js';
import type { LineFigure, StepFigure } from './claims/types.js';
import { estimable } from './format.js';

export const ARM_LABEL = { control: 'chemotherapy', trastuzumab: 'chemotherapy + trastuzumab' } as const;

/** The curve at time 0 and where it changes (events), plus its last time: censor-only steps are flat. */
function steps(km: KaplanMeier): { t: number[]; s: number[]; lo: number[]; hi: number[] } {
  const out = { t: [0], s: [1], lo: [1], hi: [1] };
  const n = km.time.length;
  for (let i = 0; i < n; i++) {
    const last = i === n - 1;
    if (!last && km.nEvent[i] === 0) continue;
    out.t.push(km.time[i]!);
    out.s.push(km.surv[i]!);
    out.lo.push(Number.isFinite(km.lower[i]!) ? km.lower[i]! : 0);
    out.hi.push(Number.isFinite(km.upper[i]!) ? km.upper[i]! : 1);
  }
  return out;
}

export function kmFigure(c: B47Confrontation): StepFigure {
  const r = c.trial;
  const series = r.analysis.arms.map((a) => ({ name: ARM_LABEL[a.arm], ...steps(a.km) }));
  const lowest = Math.min(B47.dfs5.control, ...series.flatMap((s) => s.lo));
  const floor = Math.max(0, Math.floor(lowest * 20 - 1e-9) / 20);
  return {
    kind: 'step',
    id: 'b47-km',
    title: `Virtual B-47: invasive disease-free survival (${r.patients} patients, seed ${r.seed})`,
    xLabel: 'Years since randomisation',
    yLabel: 'Invasive DFS',
    yDomain: [floor, 1],
    series,
    rules: [
      { axis: 'x', value: 5, label: '5 years' },
      {
        axis: 'y',
        value: B47.dfs5.control,
        label: `B-47 control at 5 y: ${(B47.dfs5.control * 100).toFixed(1)}%`,
      },
    ],
    note: 'Kaplan-Meier per randomised arm, shaded: 95% pointwise intervals; horizontal rule: B-47 control arm at 5 years',
  };
}

/** Model HR (over both outcomes of every patient) per HER2 share, one series per Fc-receptor activity. */
export function scanFigure(c: B47Confrontation): LineFigure | null {
  const s = c.scan;
  if (!s) return null;
  const shares = s.grid.her2Share ?? [];
  const effectors = s.grid.effectors ?? [];
  const at = (e: number, h: number) =>
    s.points.find((p) => p.values.effectors === e && p.values.her2Share === h);
  const points = effectors.map((e) => {
    const row = shares.map((h) => {
      const q = at(e, h);
      return q && estimable(q.hr) ? q.hr : undefined;
    });
    return {
      name: `Fc activity ${e}`,
      x: [...shares],
      y: row.map((x) => x?.hr ?? Number.NaN),
      lo: row.map((x) => x?.lower ?? Number.NaN),
      hi: row.map((x) => x?.upper ?? Number.NaN),
    };
  });
  return {
    kind: 'line',
    id: 'b47-scan',
    title: `Model hazard ratio across the scan (${s.patients} patients per point)`,
    xLabel: 'HER2 share of CSC self-renewal',
    yLabel: 'Hazard ratio (trastuzumab vs chemotherapy)',
    logY: true,
    series: points.map(({ name, x, y }) => ({ name, x, y })),
    points,
    rules: [
      { axis: 'y', value: B47.lower },
      { axis: 'y', value: B47.upper, label: `B-47 95% CI ${B47.lower}-${B47.upper}` },
    ],
    note:
      'Lines: Fc-receptor effector activity in patients relative to a nude mouse; error bars: 95% CI; ' +
      "dashed rules: B-47's 95% interval; dormant fraction 0; points without an estimable HR are left out",
  };
}
