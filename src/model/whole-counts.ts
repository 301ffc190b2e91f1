/**
 * Whole counts for stochastic runs. The stochastic methods treat a species as a number of cells or
 * molecules; a computed initial amount (the HER2 model's culture composition: inoculum times stage
 * fractions) is fractional. One rule, shared by the CLI, the library and the web app:
 *
 * ROUNDING RULE (largest remainder, Hamilton's apportionment method): per compartment, floor every count
 * species' amount, then give the units still missing from the rounded total, one each, to the species with
 * the largest fractional parts (ties: the earlier species in the model). Each compartment's total stays
 * round(sum), so an inoculum of 1e6 cells stays 1e6 cells, and every amount moves by less than 1.
 *
 * Which species are counts: those whose declared unit is absent or a count unit (cell, molecules, ...).
 * Others (trastuzumab in mg/kg) are amounts of something that is not counted: never rounded.
 */
import type { Problem } from '../problem/types.js';
import type { Model } from './types.js';

/** The rule in one line, for help texts and notes. */
export const ROUNDING_RULE =
  'largest remainder per compartment: floor each count, then the largest fractions get +1 so the total stays exact';

/** Units that mean "a number of things"; an absent unit counts too. */
const COUNT_UNITS = new Set(['cells', 'cell', 'count', 'molecules', 'items', 'item', '1', 'dimensionless']);

/** True when a species with this declared unit is a count. */
export function isCountUnit(unit: string | undefined): boolean {
  const u = unit?.trim();
  return u === undefined || u === '' || COUNT_UNITS.has(u);
}

/** Species whose declared unit is present and not a count (the HER2 trastuzumab models: Ab_c, Ab_p). */
export function nonCountSpecies(model: Pick<Model, 'species'>): string[] {
  return model.species.filter((s) => !isCountUnit(s.unit)).map((s) => s.id);
}

/**
 * Largest-remainder rounding of non-negative values: integers within 1 of each value whose sum is
 * round(sum of values). Ties go to the earlier index. Returns a new array.
 */
export function largestRemainder(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const out = new Float64Array(n);
  let sum = 0;
  let floors = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!(v >= 0 && v < Number.POSITIVE_INFINITY))
      throw new RangeError(`largestRemainder: value ${i} is ${v}; expected a finite amount >= 0`);
    sum += v;
    out[i] = Math.floor(v);
    floors += out[i];
  }
  let missing = Math.round(sum) - floors;
  if (missing <= 0) return out;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => values[b] - out[b] - (values[a] - out[a]) || a - b,
  );
  for (const i of order) {
    if (missing <= 0) break;
    if (values[i] === out[i]) continue; // already whole: never raised
    out[i]++;
    missing--;
  }
  return out;
}

/**
 * A copy of the initial state y0 of `problem` (compiled from `model`) with every count species not in
 * `keep` rounded by the largest-remainder rule per compartment. Other components are untouched.
 */
export function wholeCounts(
  model: Pick<Model, 'species'>,
  problem: Pick<Problem, 'stateIndex'>,
  y0: Float64Array,
  keep: readonly string[] = [],
): Float64Array {
  const y = Float64Array.from(y0);
  const skip = new Set(keep);
  const groups = new Map<string, number[]>();
  for (const s of model.species) {
    const i = problem.stateIndex.get(s.id);
    if (i === undefined || skip.has(s.id) || !isCountUnit(s.unit)) continue;
    if (!(y[i] >= 0 && y[i] < Number.POSITIVE_INFINITY)) continue; // left for validation to report
    const g = groups.get(s.compartment);
    if (g) g.push(i);
    else groups.set(s.compartment, [i]);
  }
  for (const idx of groups.values()) {
    const r = largestRemainder(idx.map((i) => y[i]));
    idx.forEach((i, k) => {
      y[i] = r[k];
    });
  }
  return y;
}

/** wholeCounts of the model's initial state at parameters p (default: the model's). */
export function wholeCountsInitial(
  model: Pick<Model, 'species'>,
  problem: Pick<Problem, 'stateIndex' | 'initialState' | 'p'>,
  p: Float64Array = problem.p,
  keep: readonly string[] = [],
): Float64Array {
  return wholeCounts(model, problem, problem.initialState(p), keep);
}
