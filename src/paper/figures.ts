/** Figures are data (claims/types.ts); here they become SVG (the report's charts) and CSV (data/ID.csv). */
import { type CsvValue, formatCsvField } from '../io/csv.js';
import { barChart, lineChart, pairedChart, stepChart } from '../report/svg/index.js';
import type { FigureData } from './claims/types.js';
import { mapChart, mapCsv } from './mapChart.js';

/** Caption note of a figure (what lines, bands and points are), if it has one. */
export function figureNote(f: FigureData): string | undefined {
  return f.kind === 'line' || f.kind === 'map' || f.kind === 'step' ? f.note : undefined;
}

/** A figure as an SVG string, drawn with the report's charts. */
export function figureSvg(f: FigureData): string {
  switch (f.kind) {
    case 'line':
      return lineChart({
        title: f.title,
        x: { label: f.xLabel, ...(f.logX ? { type: 'log' as const } : {}) },
        y: {
          label: f.yLabel,
          ...(f.logY ? { type: 'log' as const } : {}),
          ...(f.yDomain ? { domain: f.yDomain, nice: false } : {}),
        },
        series: f.series.map((s) => ({
          name: s.name,
          x: s.x,
          y: s.y,
          ...(s.lo && s.hi ? { lo: s.lo, hi: s.hi } : {}),
          ...(s.band ? { bandLabel: s.band } : {}),
        })),
        points: (f.points ?? []).map((q) => ({ name: q.name, x: q.x, y: q.y, lo: q.lo, hi: q.hi })),
        intervals: f.intervals ?? [],
        rules: (f.rules ?? []).map((r) => ({ ...r })),
      });
    case 'bar':
      return barChart({ title: f.title, y: { label: f.yLabel }, categories: f.categories, groups: f.groups });
    case 'map':
      return mapChart(f);
    case 'paired':
      return pairedChart({
        title: f.title,
        y: { label: f.yLabel, type: 'log' },
        levels: f.levels,
        pairs: f.pairs,
      });
    case 'step':
      return stepChart({
        title: f.title,
        x: { label: f.xLabel },
        y: { label: f.yLabel, ...(f.yDomain ? { domain: f.yDomain } : {}) },
        series: f.series.map((s) => ({
          name: s.name,
          t: s.t,
          s: s.s,
          ...(s.lo && s.hi ? { lo: s.lo, hi: s.hi } : {}),
        })),
        rules: (f.rules ?? []).map((r) => ({ ...r })),
      });
  }
}

/** Figure data as CSV: long format (series, x, y[, lo, hi]) or (group, category, value). */
export function figureCsv(f: FigureData): string {
  const row = (...v: CsvValue[]): string => v.map(formatCsvField).join(',');
  const lines: string[] = [];
  if (f.kind === 'line') {
    lines.push(row('series', 'x', 'y', 'lo', 'hi'));
    for (const s of f.series)
      s.x.forEach((x, i) => {
        lines.push(row(s.name, x, s.y[i], s.lo?.[i] ?? '', s.hi?.[i] ?? ''));
      });
    for (const s of f.points ?? [])
      s.x.forEach((x, i) => {
        lines.push(row(`${s.name} (estimate)`, x, s.y[i], s.lo[i], s.hi[i]));
      });
  } else if (f.kind === 'bar') {
    lines.push(row('group', 'category', 'value'));
    for (const g of f.groups)
      f.categories.forEach((c, i) => {
        lines.push(row(g.label, c, g.values[i]));
      });
  } else if (f.kind === 'step') {
    lines.push(row('series', 'x', 'y', 'lo', 'hi'));
    for (const s of f.series)
      s.t.forEach((t, i) => {
        lines.push(row(s.name, t, s.s[i], s.lo?.[i] ?? '', s.hi?.[i] ?? ''));
      });
  } else if (f.kind === 'map') {
    lines.push(...mapCsv(f, row));
  } else {
    lines.push(row('subject', ...f.levels));
    for (const s of f.pairs) lines.push(row(s.label, ...s.values));
  }
  return `${lines.join('\n')}\n`;
}
