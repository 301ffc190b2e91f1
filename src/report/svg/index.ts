/**
 * SVG charts for reports and the web app: dependency-free, deterministic output (snapshot-testable),
 * text always escaped. High level: `lineChart`, `barChart`, `pairedChart`, `stepChart` return SVG strings.
 * Low level: `plot({ marks })` with `lineMark`, `areaMark`, `dotMark`, `barMark`, `pairedMark`,
 * `intervalMark`, `ruleMark`, or your own `Mark`.
 *
 * @example
 * ```ts
 * import { lineChart } from './report/svg/index.js';
 * const svg = lineChart({ title: 'Growth', series: [{ name: 'control', x: [0, 7, 14], y: [50, 120, 300] }] });
 * ```
 */
export { type AxisTicks, axisTicks } from './axis.js';
export { type BarChartOptions, barChart, barChartMarks } from './charts/bar-chart.js';
export type { ChartFrame } from './charts/frame.js';
export {
  type LineChartOptions,
  type LineSeries,
  lineChart,
  lineChartMarks,
  type PointSeries,
} from './charts/line-chart.js';
export { type PairedChartOptions, pairedChart, pairedChartMarks } from './charts/paired-chart.js';
export {
  type StepChartOptions,
  type StepSeries,
  stepChart,
  stepChartMarks,
  stepValue,
} from './charts/step-chart.js';
export { type LegendLayout, legendLayout } from './legend.js';
export type { Box, Column, LegendItem, LegendKind, Mark, MarkContext } from './mark.js';
export { type AreaOptions, areaMark } from './marks/area.js';
export { type BarGroup, type BarOptions, barMark } from './marks/bar.js';
export { type DotOptions, dotMark, errorBar } from './marks/dot.js';
export { type Interval, type IntervalOptions, intervalMark } from './marks/interval.js';
export { type LineOptions, lineMark } from './marks/line.js';
export { type Pair, type PairedOptions, pairedMark } from './marks/paired.js';
export { type RuleOptions, ruleMark } from './marks/rule.js';
export { checkColor, DASHES, INK, PALETTE, seriesColor, seriesDash } from './palette.js';
export { areaPath, type Curve, polylinePath } from './path.js';
export { type AxisOptions, type PlotOptions, plot } from './plot.js';
export {
  type BandScale,
  bandScale,
  type ContinuousScale,
  type ContinuousType,
  continuousScale,
  domainOf,
  linearScale,
  logScale,
  type Scale,
} from './scale.js';
export { SYMBOLS, type SymbolName, symbolPath } from './symbol.js';
export { textWidth, truncate, wrapText } from './text.js';
export { tickLabels } from './tick-format.js';
export { type LogTicks, logTicks, niceDomain, niceLogDomain, niceTicks, pow10, tickStep } from './ticks.js';
