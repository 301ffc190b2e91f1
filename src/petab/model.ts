/**
 * The PEtab problem as one model: the SBML model plus, as plain model parameters, every parameter of the
 * parameter table that the model lacks and every observable/noise placeholder, and, as assignment rules,
 * each observable's formula and noise formula. The compiler then generates the observables like any other
 * rule (only where asked for: rules no rate reads cost nothing in the right-hand side), and one compiled
 * Problem serves every condition and parameter vector.
 */
import { InputError } from '../errors.js';
import type { Observable, ParameterRow, PetabSubproblem } from '../io/petab/index.js';
import { collectIds } from '../model/expr/transform.js';
import type { Model, Parameter, Rule } from '../model/types.js';
import { symbolTable } from '../model/validate.js';
import { withInitialOverrides } from './initials.js';

/** Ids of the rules holding observable `id`'s value and noise sd. */
export const yId = (id: string): string => `petab_y__${id}`;
export const sId = (id: string): string => `petab_sigma__${id}`;

const PLACEHOLDER = /^(observable|noise)Parameter([0-9]+)_([A-Za-z_][A-Za-z0-9_]*)$/;

export interface Placeholders {
  /** observableParameter{k}_{obs} ids in k order (k from 1). */
  readonly observable: readonly string[];
  readonly noise: readonly string[];
}

export interface AugmentedModel {
  readonly model: Model;
  /** Placeholders of each observable. */
  readonly placeholders: ReadonlyMap<string, Placeholders>;
  /** Condition targets set through initial assignments (initials.ts). */
  readonly initialTargets: ReadonlySet<string>;
}

/**
 * The placeholders `{kind}Parameter{k}_{observableId}` of one formula, k = 1..max. An id of that shape that
 * names a table parameter, or another observable, is an ordinary id (PEtab v1 placeholders are exactly
 * those ending in the formula's own observable id).
 */
function placeholderList(
  ids: readonly string[],
  obs: Observable,
  kind: 'observable' | 'noise',
  known: ReadonlySet<string>,
): string[] {
  const ks: number[] = [];
  for (const id of ids) {
    const m = PLACEHOLDER.exec(id);
    if (m === null || m[1] !== kind || m[3] !== obs.id || known.has(id)) continue;
    ks.push(Number(m[2]));
  }
  const max = ks.length === 0 ? 0 : Math.max(...ks);
  return Array.from({ length: max }, (_, k) => `${kind}Parameter${k + 1}_${obs.id}`);
}

/** Builds the augmented model; an id that is neither model symbol, table parameter nor placeholder is an error. */
export function augmentModel(sub: PetabSubproblem, parameters: readonly ParameterRow[]): AugmentedModel {
  const { model: base, targets } = withInitialOverrides(sub.model, sub.conditions);
  const syms = symbolTable(base);
  const extra: Parameter[] = [];
  const known = new Set(syms.keys());
  for (const p of parameters) {
    if (known.has(p.id)) continue;
    extra.push({
      id: p.id,
      value: p.nominal,
      unit: 'dimensionless',
      source: `PEtab parameter table ${p.file}`,
    });
    known.add(p.id);
  }
  const placeholders = new Map<string, Placeholders>();
  const rules: Rule[] = [];
  const seen = new Set<string>();
  for (const obs of sub.observables) {
    if (seen.has(obs.id))
      throw new InputError(`duplicate observableId '${obs.id}'`, {
        file: obs.file,
        path: `line ${obs.line}`,
      });
    seen.add(obs.id);
    const fIds = [...collectIds(obs.formula)];
    const nIds = [...collectIds(obs.noise)];
    const ph = {
      observable: placeholderList(fIds, obs, 'observable', known),
      noise: placeholderList(nIds, obs, 'noise', known),
    };
    placeholders.set(obs.id, ph);
    for (const id of [...ph.observable, ...ph.noise]) {
      if (known.has(id)) continue;
      extra.push({ id, value: 0, unit: 'dimensionless', source: 'PEtab placeholder (set per measurement)' });
      known.add(id);
    }
    for (const [col, ids] of [
      ['observableFormula', fIds],
      ['noiseFormula', nIds],
    ] as const) {
      for (const id of ids) {
        if (!known.has(id))
          throw new InputError(
            `unknown id '${id}' (not in the model, the parameter table or a placeholder)`,
            {
              file: obs.file,
              path: `line ${obs.line}, column '${col}'`,
            },
          );
      }
    }
    for (const [id, math] of [
      [yId(obs.id), obs.formula],
      [sId(obs.id), obs.noise],
    ] as const) {
      extra.push({ id, value: 0, unit: 'dimensionless', source: 'PEtab observable table', constant: false });
      rules.push({ kind: 'assignment', variable: id, math });
    }
  }
  const model: Model = {
    ...base,
    parameters: [...base.parameters, ...extra],
    rules: [...(base.rules ?? []), ...rules],
  };
  return { model, placeholders, initialTargets: targets };
}
