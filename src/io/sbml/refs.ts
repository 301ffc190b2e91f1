/** Walks expressions for the identifiers and functions they reference (import-time validation). */
import type { Expr } from '../../model/expr/types.js';

/** Calls `onId` for every symbol reference and `onCall` for every function call in `e`. */
export function visitRefs(e: Expr, onId: (id: string) => void, onCall: (fn: string) => void): void {
  switch (e.k) {
    case 'id':
      onId(e.id);
      return;
    case 'op':
      for (const a of e.args) visitRefs(a, onId, onCall);
      return;
    case 'call':
      onCall(e.fn);
      for (const a of e.args) visitRefs(a, onId, onCall);
      return;
    case 'piecewise':
      for (const p of e.pieces) {
        visitRefs(p.value, onId, onCall);
        visitRefs(p.cond, onId, onCall);
      }
      if (e.otherwise) visitRefs(e.otherwise, onId, onCall);
      return;
    default:
      return;
  }
}
