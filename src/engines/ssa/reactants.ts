/**
 * Reactant orders per reaction, from the compiled reactant table (the stoichiometry holds only net changes):
 * what tau-leaping needs for the highest order of reaction (HOR) of each species.
 */
import type { Problem } from '../../problem/types.js';

export interface ReactantInfo {
  /** Per state component: highest total reactant order of reactions consuming it (0 if none). */
  readonly hor: Int32Array;
  /** Per state component: highest multiplicity of it as reactant within a reaction of order hor. */
  readonly mult: Int32Array;
}

export function reactantInfo(problem: Problem): ReactantInfo {
  const hor = new Int32Array(problem.n);
  const mult = new Int32Array(problem.n);
  const { rowPtr, col, val, order } = problem.reactants;
  for (let j = 0; j < problem.nReactions; j++) {
    for (let q = rowPtr[j]; q < rowPtr[j + 1]; q++) {
      const i = col[q];
      const m = Math.round(val[q]);
      if (order[j] > hor[i] || (order[j] === hor[i] && m > mult[i])) {
        hor[i] = Math.round(order[j]);
        mult[i] = m;
      }
    }
  }
  // A species consumed by a non-mass-action law that the model does not list as reactant still needs a bound.
  const s = problem.stoich;
  for (let q = 0; q < s.col.length; q++)
    if (s.val[q] < 0 && hor[s.col[q]] === 0) hor[s.col[q]] = mult[s.col[q]] = 1;
  return { hor, mult };
}

/** g_i of Cao, Gillespie & Petzold (2006), eq. 27, for population x. */
export function gFactor(hor: number, mult: number, x: number): number {
  if (hor <= 1) return 1;
  if (hor === 2) return mult >= 2 && x > 1 ? 2 + 1 / (x - 1) : 2;
  if (mult >= 3 && x > 2) return 3 + 1 / (x - 1) + 2 / (x - 2);
  if (mult === 2 && x > 1) return 1.5 * (2 + 1 / (x - 1));
  return hor;
}
