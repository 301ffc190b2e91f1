/**
 * Compiled problems by model and regimen. Doses are lowered to events at compile time, so each regimen is
 * its own CompiledProblem; parameter values are not (they go in the p vector), so editing a parameter never
 * recompiles. Least recently used entries are dropped beyond `size`.
 */

import type { CompiledProblem } from '../../../src/model/compile.js';
import { compile } from '../../../src/model/compile.js';
import type { Model } from '../../../src/model/types.js';
import { withRegimen } from '../app/dosing.js';
import type { Regimen } from '../app/state.js';

function regimenKey(r: Regimen | null | undefined): string {
  if (r === undefined) return 'own';
  if (r === null) return 'none';
  return [r.start, r.dose, r.every, r.count, r.loading ?? ''].join(',');
}

export class ProblemCache {
  private readonly entries = new Map<string, CompiledProblem>();
  constructor(private readonly size = 8) {}

  /** The model (identified by `key`) compiled with `regimen` replacing its trastuzumab doses. */
  get(key: string, model: Model, regimen: Regimen | null | undefined): CompiledProblem {
    const k = `${key}|${regimenKey(regimen)}`;
    let p = this.entries.get(k);
    if (p) this.entries.delete(k);
    else p = compile(withRegimen(model, regimen));
    this.entries.set(k, p);
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
    return p;
  }

  /** Seeds the cache with a problem compiled elsewhere (the model's own doses). */
  put(key: string, problem: CompiledProblem): void {
    this.entries.set(`${key}|own`, problem);
  }
}
