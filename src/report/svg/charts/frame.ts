/** Options every high-level chart shares; they pass straight to `plot`. */
import type { AxisOptions, PlotOptions } from '../plot.js';

export interface ChartFrame {
  readonly width?: number;
  readonly height?: number;
  readonly title?: string;
  readonly subtitle?: string;
  readonly description?: string;
  readonly x?: AxisOptions;
  readonly y?: AxisOptions;
  readonly legend?: 'top' | 'right' | 'none';
  readonly notes?: readonly string[];
  readonly fontSize?: number;
  readonly emptyText?: string;
}

/** The frame part of a chart's options, as plot options without marks. */
export function frameOf(o: ChartFrame): Omit<PlotOptions, 'marks'> {
  return {
    width: o.width,
    height: o.height,
    title: o.title,
    subtitle: o.subtitle,
    description: o.description,
    x: o.x,
    y: o.y,
    legend: o.legend,
    notes: o.notes,
    fontSize: o.fontSize,
    emptyText: o.emptyText,
  };
}
