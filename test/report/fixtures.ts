/**
 * Deterministic chart inputs shared by the snapshot test and the sample page (test/report/sample-page.ts).
 * Shapes follow the paper's figures: xenograft growth with treatment windows (C3/C4), CSC fraction bars
 * (C2), HER2 in matched primary and bone metastasis (C8), and a survival curve for trials.
 */
import type {
  BarChartOptions,
  LineChartOptions,
  PairedChartOptions,
  StepChartOptions,
} from '../../src/report/svg/index.js';

const days = Array.from({ length: 36 }, (_, i) => i * 2);
const growth = (d: number, r: number): number => 20 * Math.exp(r * d);

export const tumorGrowth: LineChartOptions = {
  title: 'Trastuzumab from day 28 does not slow established tumors; from day 1 it blocks growth',
  subtitle: 'ZR75-1 xenografts (simulated), mean of 200 mice; ribbon 5–95%',
  x: { label: 'Days after inoculation' },
  y: { label: 'Tumor volume (mm³)', type: 'log' },
  series: [
    {
      name: 'control',
      x: days,
      y: days.map((d) => growth(d, 0.06)),
      lo: days.map((d) => growth(d, 0.06) * 0.6),
      hi: days.map((d) => growth(d, 0.06) * 1.6),
      bandLabel: 'control 5–95%',
    },
    {
      name: 'trastuzumab from day 28',
      x: days,
      y: days.map((d) => (d < 28 ? growth(d, 0.06) : growth(d, 0.058))),
    },
    {
      name: 'trastuzumab from day 1',
      x: days,
      y: days.map((d) => (d === 40 ? Number.NaN : d > 62 ? 0 : growth(d, -0.03))),
    },
  ],
  points: [{ name: 'control', x: [7, 14, 21, 28, 35], y: [30, 48, 70, 110, 160], err: [5, 9, 14, 20, 30] }],
  intervals: [
    { from: 28, to: 70, label: 'trastuzumab 10 mg/kg twice weekly (established)' },
    { from: 1, to: 22, label: 'adjuvant' },
  ],
  rules: [{ axis: 'y', value: 1000, label: 'endpoint 1000 mm³' }],
};

export const cscBars: BarChartOptions = {
  title: 'ALDH+ fraction after 5 days of treatment',
  y: { label: 'ALDH+ cells (%)' },
  categories: ['MCF7', 'ZR75-1', 'SUM159 (basal, HER2-independent)'],
  groups: [
    { label: 'control', values: [4.1, 2.3, 6.0], err: [0.5, 0.4, 0.7] },
    { label: 'trastuzumab', values: [1.9, 1.2, 5.8], err: [0.3, 0.2, 0.6] },
    { label: 'HER2 shRNA', values: [1.5, Number.NaN, 5.9], err: [0.3, 0.2, 0.6] },
  ],
  rules: [{ axis: 'y', value: 5, label: 'illustrative threshold' }],
};

export const boneHer2: PairedChartOptions = {
  title: 'HER2 in matched primary tumors and bone metastases',
  y: { label: 'HER2 (IHC H-score)', include: [0] },
  levels: ['primary', 'bone metastasis'],
  pairs: [10, 40, 25, 60, 15, 80, 30, 55].map((v, i) => ({
    label: `patient ${i + 1}`,
    values: [v, i === 3 ? v - 10 : v * 1.8 + 5],
  })),
  labels: true,
};

export const survival: StepChartOptions = {
  title: 'Distant recurrence-free survival (virtual trial)',
  x: { label: 'Years since surgery' },
  y: { label: 'Recurrence-free' },
  series: [
    {
      name: 'chemotherapy',
      t: [0, 1.2, 2.5, 3.4, 5, 8],
      s: [1, 0.95, 0.9, 0.85, 0.82, 0.82],
      censored: [4.1, 6.2, 7.7],
    },
    {
      name: 'chemotherapy + trastuzumab',
      t: [0, 1.5, 3, 4.4, 8],
      s: [1, 0.96, 0.92, 0.86, 0.86],
      lo: [1, 0.92, 0.87, 0.8, 0.8],
      hi: [1, 0.99, 0.96, 0.92, 0.92],
    },
  ],
  intervals: [{ from: 0, to: 1, label: 'trastuzumab 1 y' }],
};

export const cellCounts: LineChartOptions = {
  title: 'CSC and progenitor counts (linear axis, large numbers)',
  x: { label: 'Days' },
  y: { label: 'Cells' },
  series: [
    { name: 'CSC', x: [0, 10, 20, 30], y: [1e5, 3e7, 2e8, 4e8] },
    { name: 'single observation', x: [25], y: [2.5e8] },
  ],
  rules: [{ axis: 'x', value: 14, label: 'surgery' }],
};
