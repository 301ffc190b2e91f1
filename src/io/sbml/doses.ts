/**
 * Lowers dosing regimens to plain SBML constructs so that any SBML tool simulates them:
 * a bolus becomes one event per administration (`time >= t_k`, firing at t0 too), an infusion a
 * zero-order input: a source reaction into a species, or a rate rule term for a parameter.
 * Semantics follow the model value's Dose: a species receives an amount, a parameter a value.
 */
import { InputError } from '../../errors.js';
import type { Expr, Model, ModelEvent, Reaction, Rule } from '../../model/types.js';

export interface LoweredDoses {
  readonly events: (ModelEvent & { readonly dose: string })[];
  readonly reactions: (Reaction & { readonly dose: string })[];
  /** Rate rules for parameters receiving infusions (the whole rule is generated). */
  readonly rules: (Extract<Rule, { kind: 'rate' }> & { readonly dose: string })[];
}

const num = (v: number): Expr => ({ k: 'num', v });
const time: Expr = { k: 'time' };

import { administrations } from '../../model/doses.js';

export { administrations };

export function lowerDoses(model: Model, uniqueId: (base: string) => string): LoweredDoses {
  const events: LoweredDoses['events'] = [];
  const reactions: LoweredDoses['reactions'] = [];
  const rules: LoweredDoses['rules'] = [];
  for (const d of model.doses ?? []) {
    const where = `dose '${d.id}'`;
    const sp = model.species.find((s) => s.id === d.target);
    const isParam = model.parameters.some((p) => p.id === d.target);
    if (!sp && !isParam)
      throw new InputError(`${where}: target '${d.target}' is neither a species nor a parameter`);
    const admins = administrations(d);
    if (d.route === 'bolus') {
      admins.forEach(({ t, amount }, k) => {
        // A species symbol means its concentration unless hasOnlySubstanceUnits: add amount / size then.
        const delta: Expr =
          sp && !sp.hasOnlySubstanceUnits
            ? { k: 'op', op: 'div', args: [num(amount), { k: 'id', id: sp.compartment }] }
            : num(amount);
        events.push({
          id: uniqueId(`${d.id}_${k + 1}`),
          dose: d.id,
          trigger: { k: 'op', op: 'ge', args: [time, num(t)] },
          initialValue: false,
          persistent: true,
          useValuesFromTriggerTime: true,
          assignments: [
            { variable: d.target, math: { k: 'op', op: 'add', args: [{ k: 'id', id: d.target }, delta] } },
          ],
        });
      });
      continue;
    }
    const duration = d.duration;
    if (duration === undefined || !(duration > 0))
      throw new InputError(`${where}: an infusion needs a positive duration`);
    const input: Expr = {
      k: 'piecewise',
      pieces: admins.map(({ t, amount }) => ({
        value: num(amount / duration),
        cond: {
          k: 'op',
          op: 'and',
          args: [
            { k: 'op', op: 'ge', args: [time, num(t)] },
            { k: 'op', op: 'lt', args: [time, num(t + duration)] },
          ],
        },
      })),
      otherwise: num(0),
    };
    if (sp) {
      reactions.push({
        id: uniqueId(`${d.id}_infusion`),
        dose: d.id,
        reactants: [],
        products: [{ species: sp.id, stoichiometry: 1, constant: true }],
        rate: input,
        reversible: false,
      });
    } else {
      if ((model.rules ?? []).some((r) => r.kind !== 'algebraic' && r.variable === d.target))
        throw new InputError(
          `${where}: cannot export an infusion into '${d.target}', which already has a rule`,
        );
      rules.push({ kind: 'rate', variable: d.target, math: input, dose: d.id });
    }
  }
  return { events, reactions, rules };
}
