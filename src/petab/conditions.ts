/**
 * Condition-table rows lowered onto a compiled problem: which parameter slots and which initial-state
 * slots each condition sets, from numbers or from table parameters (resolved per parameter vector).
 * NaN keeps the model's value (or, after preequilibration, the preequilibrated one).
 */
import { InputError } from '../errors.js';
import type { Condition, Value } from '../io/petab/index.js';
import type { CompiledProblem } from '../model/compile.js';
import { initFlagId, initValueId } from './initials.js';

/** A value source: a constant, or index into the linear table-parameter vector. */
export interface Source {
  readonly num: number;
  /** >= 0: table parameter index (then `num` is unused). */
  readonly par: number;
}

export function source(
  v: Value,
  index: ReadonlyMap<string, number>,
  where: { file: string; path: string },
): Source {
  if ('num' in v) return { num: v.num, par: -1 };
  const k = index.get(v.id);
  if (k === undefined) throw new InputError(`'${v.id}' is not a parameter of the parameter table`, where);
  return { num: Number.NaN, par: k };
}

export const resolveSource = (s: Source, v: Float64Array): number => (s.par >= 0 ? v[s.par]! : s.num);

export interface StateOverride {
  readonly slot: number;
  readonly value: Source;
  /** p slot (>= 0) or state slot (encoded -1 - i) of the compartment to multiply by (concentrations); none: 0x7fffffff. */
  readonly size: number;
}

export interface LoweredCondition {
  readonly id: string;
  readonly params: readonly { readonly slot: number; readonly value: Source }[];
  /** Initial-value targets (initials.ts): p slots of the value and its flag. */
  readonly inits: readonly {
    readonly valueSlot: number;
    readonly flagSlot: number;
    readonly value: Source;
  }[];
  /** State values set after preequilibration (every target that is part of the state). */
  readonly states: readonly StateOverride[];
}

/** StateOverride.size when the value is not multiplied by a compartment size. */
export const NO_SIZE = 0x7fffffff;

export function lowerCondition(
  problem: CompiledProblem,
  c: Condition,
  index: ReadonlyMap<string, number>,
  initialTargets: ReadonlySet<string>,
): LoweredCondition {
  const params: { slot: number; value: Source }[] = [];
  const inits: { valueSlot: number; flagSlot: number; value: Source }[] = [];
  const states: StateOverride[] = [];
  const model = problem.model;
  const species = new Map(model.species.map((s) => [s.id, s]));
  for (const [target, v] of c.values) {
    const where = { file: c.file, path: `line ${c.line}, column '${target}'` };
    const value = source(v, index, where);
    const sp = species.get(target);
    const ps = problem.paramIndex.get(target);
    const ss = problem.stateIndex.get(target);
    // A parameter given by an initial assignment has no slot of its own (Liu_IFACPapersOnLine2025's u_2):
    // its condition value reaches the model through that assignment (initials.ts).
    if (ps === undefined && ss === undefined && !initialTargets.has(target)) {
      throw new InputError(
        `'${target}' is not a parameter, species or compartment of the model (or is set by a rule)`,
        where,
      );
    }
    if (initialTargets.has(target)) {
      const valueSlot = problem.paramIndex.get(initValueId(target))!;
      inits.push({ valueSlot, flagSlot: problem.paramIndex.get(initFlagId(target))!, value });
    } else if (ps !== undefined) params.push({ slot: ps, value });
    if (ss !== undefined) {
      let size = NO_SIZE;
      if (sp !== undefined && sp.hasOnlySubstanceUnits !== true) {
        const cp = problem.paramIndex.get(sp.compartment);
        const cs = problem.stateIndex.get(sp.compartment);
        size = cs !== undefined ? -1 - cs : cp !== undefined ? cp : NO_SIZE;
      }
      states.push({ slot: ss, value, size });
    }
  }
  return { id: c.id, params, inits, states };
}

/** Writes the condition's parameter values into p (which starts as a copy of the base vector). */
export function applyParams(c: LoweredCondition, p: Float64Array, v: Float64Array): void {
  for (const { slot, value } of c.params) {
    const x = resolveSource(value, v);
    if (!Number.isNaN(x)) p[slot] = x;
  }
  for (const { valueSlot, flagSlot, value } of c.inits) {
    const x = resolveSource(value, v);
    p[flagSlot] = Number.isNaN(x) ? 0 : 1;
    p[valueSlot] = Number.isNaN(x) ? 0 : x;
  }
}

/** After preequilibration: overrides state values (species values are concentrations unless hasOnlySubstanceUnits). */
export function applyStates(c: LoweredCondition, y: Float64Array, p: Float64Array, v: Float64Array): void {
  for (const { slot, value, size } of c.states) {
    const x = resolveSource(value, v);
    if (Number.isNaN(x)) continue;
    const s = size === NO_SIZE ? 1 : size >= 0 ? p[size]! : y[-1 - size]!;
    y[slot] = x * s;
  }
}
