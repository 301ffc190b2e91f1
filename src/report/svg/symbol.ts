/**
 * Point symbols as path data, so that groups differ by shape as well as colour (readable in greyscale and
 * for colour-blind readers). 'tick' is the short vertical bar used for censoring marks on survival curves.
 *
 * @example
 * ```ts
 * symbolPath('triangle', 10, 10, 4); // 'M10,5.4L13.98,12.3L6.02,12.3Z'
 * ```
 */
import { num } from '../markup.js';

export type SymbolName = 'circle' | 'square' | 'triangle' | 'diamond' | 'plus' | 'tick';

export const SYMBOLS: readonly SymbolName[] = ['circle', 'square', 'triangle', 'diamond'];

/** Path data of `symbol` centred at (x, y) with radius-like size `r`. Unknown names throw. */
export function symbolPath(symbol: string, x: number, y: number, r: number): string {
  const p = (dx: number, dy: number): string => `${num(x + dx)},${num(y + dy)}`;
  switch (symbol) {
    case 'circle':
      return `M${p(-r, 0)}A${num(r)},${num(r)} 0 1,0 ${p(r, 0)}A${num(r)},${num(r)} 0 1,0 ${p(-r, 0)}Z`;
    case 'square': {
      const s = r * 0.89;
      return `M${p(-s, -s)}H${num(x + s)}V${num(y + s)}H${num(x - s)}Z`;
    }
    case 'triangle': {
      const h = r * 1.15;
      return `M${p(0, -h)}L${p(h * 0.866, h * 0.5)}L${p(-h * 0.866, h * 0.5)}Z`;
    }
    case 'diamond': {
      const s = r * 1.2;
      return `M${p(0, -s)}L${p(s, 0)}L${p(0, s)}L${p(-s, 0)}Z`;
    }
    case 'plus':
      return `M${p(-r, 0)}H${num(x + r)}M${p(0, -r)}V${num(y + r)}`;
    case 'tick':
      return `M${p(0, -r)}V${num(y + r)}`;
    default:
      throw new Error(`unknown symbol: ${JSON.stringify(symbol)}`);
  }
}
