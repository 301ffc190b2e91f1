/**
 * PEtab math (the formulas of the observable table, PEtab v1: sympy-compatible infix) -> Expr, through our
 * own parser (model/expr/parse.ts). Differences handled here: `**` is a power like `^`, and the two-argument
 * `log(x, base)` takes the base second (sympy), where our parser takes it first.
 */
import { InputError } from '../../errors.js';
import { parseExpr } from '../../model/expr/parse.js';
import type { Expr } from '../../model/expr/types.js';
import { cellPath, type TsvTable } from './tsv.js';

function swapLogBase(e: Expr): Expr {
  switch (e.k) {
    case 'op': {
      const args = e.args.map(swapLogBase);
      return e.op === 'log' && args.length === 2 ? { ...e, args: [args[1]!, args[0]!] } : { ...e, args };
    }
    case 'call':
      return { ...e, args: e.args.map(swapLogBase) };
    case 'piecewise':
      return {
        ...e,
        pieces: e.pieces.map((p) => ({ value: swapLogBase(p.value), cond: swapLogBase(p.cond) })),
        ...(e.otherwise !== undefined ? { otherwise: swapLogBase(e.otherwise) } : {}),
      };
    default:
      return e;
  }
}

/** Parses one formula cell; a formula that does not parse is an InputError naming file, line and column. */
export function parsePetabMath(t: TsvTable, row: number, col: number): Expr {
  const text = t.rows[row]![col]!;
  if (text === '') throw new InputError('empty formula', { file: t.file, path: cellPath(t, row, col) });
  try {
    return swapLogBase(parseExpr(text.replace(/\*\*/g, '^')));
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    throw new InputError(`formula does not parse: ${msg}`, { file: t.file, path: cellPath(t, row, col) });
  }
}
