/**
 * Which species are counts. The stochastic methods treat every species as a number of molecules or cells;
 * an amount in another unit (trastuzumab in mg/kg) is not a count, and the hybrid method can keep it
 * continuous (src/engines/ssa/hybrid.ts, tuning.continuous). These rules pick the page's default and check
 * what a user types or a URL carries.
 */
import type { Model } from '../../../src/model/types.js';
import { nonCountSpecies } from '../../../src/model/whole-counts.js';
import type { Engine, ViewState } from './state.js';

// The count rule is the library's (shared with the CLI's rounding of initial amounts).
export { isCountUnit, nonCountSpecies } from '../../../src/model/whole-counts.js';

/** The species a hybrid run keeps continuous: the view's choice, else the model's non-count species. */
export function continuousFor(s: Pick<ViewState, 'continuous'>, model: Pick<Model, 'species'>): string[] {
  return s.continuous ? [...s.continuous] : nonCountSpecies(model);
}

/** Comma-separated species ids, checked against the model; empty text is an empty list. */
export function parseSpeciesList(
  text: string,
  model: Pick<Model, 'id' | 'species'>,
): { ids: string[] } | { error: string } {
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== ''),
    ),
  ];
  const error = speciesListError(ids, model);
  return error ? { error } : { ids };
}

/** Why these ids cannot be the continuous species of `model`, or undefined. */
export function speciesListError(
  ids: readonly string[],
  model: Pick<Model, 'id' | 'species'>,
): string | undefined {
  const known = new Set(model.species.map((s) => s.id));
  const bad = ids.filter((id) => !known.has(id));
  if (bad.length === 0) return undefined;
  const all = model.species.map((s) => s.id);
  const list = all.length > 12 ? `${all.slice(0, 12).join(', ')}, ...` : all.join(', ');
  return `continuous species: ${bad.map((x) => `'${x}'`).join(', ')} ${bad.length > 1 ? 'are' : 'is'} not a species of model '${model.id}' (expected ids from ${list})`;
}

/**
 * The page's note when a discrete method runs a model with non-count species, or undefined: they stay
 * continuous (deterministic between the jumps of the counts), as in the CLI.
 */
export function countWarning(engine: Engine, model: Pick<Model, 'species'>): string | undefined {
  if (engine !== 'direct' && engine !== 'tau-leap') return undefined;
  const ids = nonCountSpecies(model);
  if (ids.length === 0) return undefined;
  const units = model.species.filter((s) => ids.includes(s.id)).map((s) => `${s.id} (${s.unit})`);
  return `${units.join(', ')} ${ids.length > 1 ? 'are not counts and stay' : 'is not a count and stays'} continuous (deterministic between jumps)`;
}
