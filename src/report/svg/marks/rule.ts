/**
 * Rule mark: a horizontal (`axis: 'y'`) or vertical (`axis: 'x'`) reference line across the plot, e.g. a
 * volume threshold or the day treatment starts, with an optional label at its end.
 *
 * @example
 * ```ts
 * ruleMark({ axis: 'y', value: 1000, label: 'endpoint 1000 mm³' });
 * ```
 */
import { el } from '../../markup.js';
import { continuous, type Mark } from '../mark.js';
import { checkColor, checkDash, HALO, INK } from '../palette.js';
import { truncate } from '../text.js';

export interface RuleOptions {
  readonly axis: 'x' | 'y';
  readonly value: number;
  readonly label?: string;
  readonly color?: string;
  /** Dash pattern (default '4 3'; '' for solid). */
  readonly dash?: string;
  /** Include the value in the domain (default true). */
  readonly inDomain?: boolean;
}

export function ruleMark(o: RuleOptions): Mark {
  const color = checkColor(o.color ?? INK.rule);
  const dash = checkDash(o.dash ?? '4 3');
  const inDomain = o.inDomain ?? true;
  const at = (ctx: Parameters<Mark['render']>[0]): number =>
    continuous(o.axis === 'x' ? ctx.x : ctx.y, 'rule', o.axis).map(o.value);
  return {
    name: 'rule',
    layer: 2,
    xValues: () => (o.axis === 'x' && inDomain ? [o.value] : []),
    yValues: () => (o.axis === 'y' && inDomain ? [o.value] : []),
    render: (ctx) => {
      const p = at(ctx);
      if (Number.isNaN(p)) return el('g', { class: 'rule' });
      const { left, right, top, bottom } = ctx.box;
      const line =
        o.axis === 'y' ? { x1: left, x2: right, y1: p, y2: p } : { x1: p, x2: p, y1: top, y2: bottom };
      return el('line', {
        class: 'rule',
        ...line,
        stroke: color,
        'stroke-width': 1.2,
        'stroke-dasharray': dash || undefined,
      });
    },
    renderOverlay: (ctx) => {
      const p = at(ctx);
      const { left, right, top, bottom } = ctx.box;
      if (!o.label || Number.isNaN(p)) return el('g', {});
      const fs = ctx.fontSize - 1;
      if (o.axis === 'y') {
        if (p < top - 0.5 || p > bottom + 0.5) return el('g', {});
        const t = truncate(o.label, (right - left) * 0.6, fs);
        return el(
          'text',
          { x: right - 3, y: p - 4, 'text-anchor': 'end', fill: color, 'font-size': fs, ...HALO },
          t,
        );
      }
      if (p < left - 0.5 || p > right + 0.5) return el('g', {});
      const t = truncate(o.label, (bottom - top) * 0.8, fs);
      return el('text', { x: p + 4, y: bottom - 5, fill: color, 'font-size': fs, ...HALO }, t);
    },
  };
}
