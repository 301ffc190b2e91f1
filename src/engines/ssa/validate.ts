/** Input checks shared by every stochastic method: InputError (exit 2) for what the user can fix. */
import { InputError } from '../../errors.js';
import type { Problem } from '../../problem/types.js';
import type { SsaMethodName } from './method.js';
import { reactionDriven } from './stoich.js';

/**
 * Discrete methods need integer, non-negative populations and integer stoichiometry; the hybrid accepts
 * non-integers on components it may treat as continuous but still needs non-negative populations.
 */
export function validateStochastic(
  problem: Problem,
  y0: Float64Array,
  method: SsaMethodName,
  continuous: readonly string[] = [],
): void {
  checkContinuous(problem, continuous);
  const driven = reactionDriven(problem.stoich, problem.n);
  const cont = new Uint8Array(problem.n);
  for (const id of continuous) cont[problem.stateIndex.get(id)!] = 1;
  for (let i = 0; i < problem.n; i++) {
    if (!driven[i]) continue;
    const v = y0[i];
    const id = problem.stateIds[i];
    if (!Number.isFinite(v) || v < 0)
      throw new InputError(`initial amount of '${id}' is ${v}; stochastic simulation needs a count >= 0`, {
        path: `species['${id}']`,
      });
    if (method !== 'hybrid' && !cont[i] && !Number.isInteger(v))
      throw new InputError(
        `initial amount of '${id}' is ${v}; the ${method} method needs integer counts (round them: ` +
          'CLI --round, library wholeCounts(), rule: largest remainder per compartment; or make the species continuous)',
        { path: `species['${id}']` },
      );
  }
  if (method === 'hybrid') return;
  const s = problem.stoich;
  for (let j = 0; j < problem.nReactions; j++) {
    for (let q = s.rowPtr[j]; q < s.rowPtr[j + 1]; q++) {
      if (!Number.isInteger(s.val[q]) && !cont[s.col[q]])
        throw new InputError(
          `reaction '${problem.reactionIds[j]}' changes '${problem.stateIds[s.col[q]]}' by ${s.val[q]}; discrete reactions need integer stoichiometry`,
          { path: `reactions['${problem.reactionIds[j]}']` },
        );
    }
  }
}

/**
 * `continuous` names state components. Every method takes them: the hybrid integrates them, the direct
 * method runs in the hybrid's driver with every other species discrete, tau-leaping integrates them over
 * each leap.
 */
function checkContinuous(problem: Problem, continuous: readonly string[]): void {
  for (const id of continuous)
    if (!problem.stateIds.includes(id))
      throw new InputError(
        `continuous: unknown species '${id}' (expected one of ${problem.stateIds.slice(0, 12).join(', ')}${problem.stateIds.length > 12 ? ', ...' : ''})`,
      );
}

/** Output times: finite, sorted ascending, not before t0. */
export function validateOutputTimes(t: ArrayLike<number>, t0: number): Float64Array {
  if (t.length === 0) throw new InputError('outputTimes is empty');
  const out = Float64Array.from(t);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i])) throw new InputError(`outputTimes[${i}] is ${out[i]}`);
    if (out[i] < t0) throw new InputError(`outputTimes[${i}] = ${out[i]} is before the initial time ${t0}`);
    if (i > 0 && out[i] < out[i - 1]) throw new InputError('outputTimes must be sorted ascending');
  }
  return out;
}
