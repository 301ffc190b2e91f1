/** Observers: compiled evaluators of named symbols (species as amount or concentration, rules, fluxes). */

import { ModelError } from '../../errors.js';
import type { ObserveOptions, Observer } from '../../problem/types.js';
import type { Expr } from '../types.js';
import type { FunctionBuilder } from './functions.js';
import type { Layout } from './layout.js';
import { readsConcentration, symbolSlot } from './lower.js';

/** Lowered expression for observing `id`. */
export function observeExpr(L: Layout, id: string, as: 'amount' | 'concentration' | 'default'): Expr {
  const sym = L.syms.get(id);
  if (sym === undefined) throw new ModelError(`unknown id '${id}'`, { path: 'observe' });
  if (sym.kind === 'dose' && !L.stateIndex.has(id)) {
    throw new ModelError(`'${id}' is a bolus regimen, not a quantity`, { path: 'observe' });
  }
  const value = symbolSlot(L, id);
  if (sym.kind !== 'species' || as === 'default') return value;
  const conc = readsConcentration(L, id);
  const size = symbolSlot(L, L.species.get(id)!.compartment);
  if (as === 'amount' && conc) return { k: 'op', op: 'mul', args: [value, size] };
  if (as === 'concentration' && !conc) return { k: 'op', op: 'div', args: [value, size] };
  return value;
}

export function makeObserver(
  L: Layout,
  fb: FunctionBuilder,
  ids: readonly string[],
  options: ObserveOptions = {},
): Observer {
  const amount = new Set(options.amount ?? []);
  const conc = new Set(options.concentration ?? []);
  for (const s of [...amount, ...conc]) {
    if (L.syms.get(s)?.kind !== 'species')
      throw new ModelError(`'${s}' is not a species`, { path: 'observe' });
  }
  const exprs = ids.map((id) =>
    observeExpr(L, id, amount.has(id) ? 'amount' : conc.has(id) ? 'concentration' : 'default'),
  );
  return fb.compile<Observer>(
    't, y, p, out',
    `${fb.prelude(exprs)}\n${exprs.map((e, k) => `out[${k}] = ${fb.num(e)};`).join('\n')}`,
  );
}
