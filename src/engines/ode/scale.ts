/**
 * The scale at which each state's absolute tolerance is meant. Species are integrated as amounts, but a
 * species whose math value is a concentration (hasOnlySubstanceUnits false) is read, plotted and
 * compared as amount / size: a scalar `atol` is taken in those units, so that component i gets
 * atol * size(compartment_i) at t0. Without it, a species in a compartment of 1e-16 L (BIOMD0000000001)
 * holds amounts of ~1e-23 under an atol of 1e-9 and the error test never looks at it. This is the choice
 * of the peers: libRoadRunner scales CVODE's per-species absolute tolerances by compartment volume.
 */
import type { Problem } from '../../problem/types.js';

/** Per-state multipliers of a scalar atol: the t0 size of the compartment for concentration species, else 1. */
export function atolScales(problem: Problem, y0: Float64Array, p: Float64Array, t0: number): Float64Array {
  const scales = new Float64Array(problem.n).fill(1);
  const model = problem.model;
  const compartments = new Map(model.compartments.map((c) => [c.id, c]));
  const wanted: { i: number; compartment: string }[] = [];
  const species = new Map(model.species.map((s) => [s.id, s]));
  problem.stateIds.forEach((id, i) => {
    const s = species.get(id);
    if (!s || s.hasOnlySubstanceUnits) return;
    const c = compartments.get(s.compartment);
    if (!c || c.spatialDimensions === 0) return;
    wanted.push({ i, compartment: c.id });
  });
  if (wanted.length === 0) return scales;
  const ids = [...new Set(wanted.map((w) => w.compartment))];
  const sizes = new Float64Array(ids.length);
  try {
    problem.observe(ids)(t0, y0, p, sizes);
  } catch {
    return scales; // a size that cannot be evaluated at t0 is reported by the solve itself
  }
  for (const w of wanted) {
    const v = Math.abs(sizes[ids.indexOf(w.compartment)]!);
    if (Number.isFinite(v) && v > 0) scales[w.i] = v;
  }
  return scales;
}
