/**
 * Condition-table values for initial values (species, compartments, and parameters that have an initial
 * assignment): PEtab replaces the model's initial value, so everything computed from it at t0 (other
 * initial assignments, e.g. Liu_IFACPapersOnLine2025's V = u_2) must see the condition's value. Each such
 * target X gets two parameters, a value and a flag, and its initial assignment becomes
 * `X = piecewise(petab_init__X if petab_initset__X != 0, otherwise the model's initial value)`; a NaN in the
 * condition clears the flag (the model's value). Species values are in the species' math units
 * (concentrations unless hasOnlySubstanceUnits), as an SBML initial assignment of the species is.
 */
import type { Condition } from '../io/petab/index.js';
import type { Expr, InitialAssignment, Model, Parameter } from '../model/types.js';

export const initValueId = (id: string): string => `petab_init__${id}`;
export const initFlagId = (id: string): string => `petab_initset__${id}`;

/** The model's initial value of a species or compartment without an initial assignment. */
function modelInitial(model: Model, id: string): Expr | null {
  const s = model.species.find((x) => x.id === id);
  if (s !== undefined) {
    const asAmount = (s.initialKind ?? 'amount') === 'amount';
    if (s.hasOnlySubstanceUnits === true) {
      return asAmount
        ? { k: 'num', v: s.initial }
        : {
            k: 'op',
            op: 'mul',
            args: [
              { k: 'num', v: s.initial },
              { k: 'id', id: s.compartment },
            ],
          };
    }
    return asAmount
      ? {
          k: 'op',
          op: 'div',
          args: [
            { k: 'num', v: s.initial },
            { k: 'id', id: s.compartment },
          ],
        }
      : { k: 'num', v: s.initial };
  }
  const c = model.compartments.find((x) => x.id === id);
  return c !== undefined ? { k: 'num', v: c.size } : null;
}

/** The model with override-driven initial assignments for every initial-value target of the conditions. */
export function withInitialOverrides(
  model: Model,
  conditions: readonly Condition[],
): { model: Model; targets: ReadonlySet<string> } {
  const ias = new Map((model.initialAssignments ?? []).map((a) => [a.variable, a.math]));
  const targets = new Set<string>();
  for (const c of conditions) {
    for (const id of c.values.keys()) {
      const isInitial =
        ias.has(id) || model.species.some((s) => s.id === id) || model.compartments.some((x) => x.id === id);
      if (isInitial) targets.add(id);
    }
  }
  if (targets.size === 0) return { model, targets };
  const extra: Parameter[] = [];
  const assignments: InitialAssignment[] = (model.initialAssignments ?? []).filter(
    (a) => !targets.has(a.variable),
  );
  for (const id of targets) {
    const otherwise = ias.get(id) ?? modelInitial(model, id);
    if (otherwise === null) {
      targets.delete(id);
      continue;
    }
    extra.push({
      id: initValueId(id),
      value: 0,
      unit: 'dimensionless',
      source: 'PEtab condition table (initial value)',
    });
    extra.push({
      id: initFlagId(id),
      value: 0,
      unit: 'dimensionless',
      source: 'PEtab condition table (1: value set)',
    });
    const cond: Expr = {
      k: 'op',
      op: 'neq',
      args: [
        { k: 'id', id: initFlagId(id) },
        { k: 'num', v: 0 },
      ],
    };
    assignments.push({
      variable: id,
      math: { k: 'piecewise', pieces: [{ value: { k: 'id', id: initValueId(id) }, cond }], otherwise },
    });
  }
  return {
    model: { ...model, parameters: [...model.parameters, ...extra], initialAssignments: assignments },
    targets,
  };
}
