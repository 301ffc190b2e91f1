/**
 * Strength reduction of constant powers before code generation, keeping IEEE results:
 * x^2 -> x * x for a leaf x (bitwise equal to Math.pow(x, 2); a compound base stays a call rather than
 * being evaluated twice), x^-1 -> 1 / x (bitwise equal), x^0.5 -> Math.sqrt(x) (equal except at
 * x = -0, where sqrt gives -0, and x = -Infinity, where sqrt gives NaN instead of +Infinity).
 * x^3 and x^4 stay Math.pow: x * x * x and (x * x) * (x * x) differ from it by 1 ulp for about a quarter
 * and two fifths of random doubles (measured with V8's Math.pow), and V8 already inlines constant powers.
 */
import type { Expr } from './types.js';

const isLeaf = (e: Expr): boolean => e.k === 'id' || e.k === 'time' || e.k === 'const';

/** Copy of `e` with constant powers reduced (shares unchanged subtrees). */
export function reducePowers(e: Expr): Expr {
  switch (e.k) {
    case 'op': {
      const args = e.args.map(reducePowers);
      if (e.op === 'pow' && args.length === 2 && args[1]!.k === 'num') {
        const x = args[0]!;
        const k = args[1].v;
        if (k === 2 && isLeaf(x)) return { k: 'op', op: 'mul', args: [x, x] };
        if (k === -1) return { k: 'op', op: 'div', args: [{ k: 'num', v: 1 }, x] };
        if (k === 0.5) return { k: 'op', op: 'sqrt', args: [x] };
      }
      return args.every((a, i) => a === e.args[i]) ? e : { k: 'op', op: e.op, args };
    }
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: e.pieces.map((p) => ({ value: reducePowers(p.value), cond: reducePowers(p.cond) })),
        ...(e.otherwise !== undefined ? { otherwise: reducePowers(e.otherwise) } : {}),
      };
    case 'call':
      return { k: 'call', fn: e.fn, args: e.args.map(reducePowers) };
    default:
      return e;
  }
}
