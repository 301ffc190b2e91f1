/**
 * `pairedChart`: one line per subject across conditions (primary vs bone metastasis per patient).
 *
 * @example
 * ```ts
 * pairedChart({
 *   title: 'HER2 in matched primary and bone metastasis',
 *   y: { label: 'HER2 (IHC H-score)' },
 *   levels: ['primary', 'bone metastasis'],
 *   pairs: patients.map((p) => ({ label: p.id, values: [p.primary, p.bone] })),
 *   labels: true,
 * });
 * ```
 */

import type { Mark } from '../mark.js';
import { type Pair, pairedMark } from '../marks/paired.js';
import { type RuleOptions, ruleMark } from '../marks/rule.js';
import { plot } from '../plot.js';
import { type ChartFrame, frameOf } from './frame.js';

export interface PairedChartOptions extends Omit<ChartFrame, 'x'> {
  readonly levels: readonly string[];
  readonly pairs: readonly Pair[];
  readonly labels?: boolean;
  readonly colors?: { readonly up?: string; readonly down?: string; readonly same?: string };
  readonly rules?: readonly RuleOptions[];
}

export function pairedChartMarks(o: PairedChartOptions): Mark[] {
  return [
    pairedMark({ levels: o.levels, pairs: o.pairs, labels: o.labels, colors: o.colors }),
    ...(o.rules ?? []).map(ruleMark),
  ];
}

/** A paired-line chart as an SVG string. */
export function pairedChart(o: PairedChartOptions): string {
  return plot({ ...frameOf(o), x: undefined, categories: o.levels, marks: pairedChartMarks(o) });
}
