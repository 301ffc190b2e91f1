/**
 * Trastuzumab dosing of the HER2-CSC model in the page: a Regimen (start, dose, interval, count, optional
 * loading dose) lowered to one model Dose into the central compartment, as src/models/regimens.ts does for
 * the named regimens, which serve as presets.
 */
import type { Dose, Model } from '../../../src/model/types.js';
import { type RegimenId, regimens } from '../../../src/models/regimens.js';
import type { Regimen } from './state.js';

/** The species doses go into (the model's central trastuzumab amount). */
export const DRUG_TARGET = 'Ab_c';

/** True when the model has the trastuzumab PK this page doses. */
export function hasDrug(model: Model): boolean {
  return model.species.some((s) => s.id === DRUG_TARGET);
}

/** A named regimen of the library as a Regimen starting on `start` (default day 1). */
export function presetRegimen(id: RegimenId, start = 1): Regimen {
  const r = regimens[id];
  const [first, rest] = [r.amounts[0]!, r.amounts[r.amounts.length - 1]!];
  return {
    start,
    dose: rest,
    every: r.every,
    count: r.defaultCount,
    ...(first !== rest ? { loading: first } : {}),
  };
}

/** The presets offered in the dosing panel, with their descriptions. */
export const PRESETS: readonly { readonly id: RegimenId; readonly label: string }[] = Object.values(
  regimens,
).map((r) => ({ id: r.id, label: `${r.description} (${r.species})` }));

/** The regimen as one bolus Dose into Ab_c (mg/kg). */
export function regimenDose(r: Regimen): Dose {
  const amounts =
    r.loading !== undefined
      ? Array.from({ length: r.count }, (_, i) => (i === 0 ? r.loading! : r.dose))
      : undefined;
  return {
    id: 'trastuzumab',
    target: DRUG_TARGET,
    amount: amounts ? amounts[0]! : r.dose,
    ...(amounts ? { amounts } : {}),
    unit: 'mg/kg',
    start: r.start,
    every: r.every,
    count: r.count,
    route: 'bolus',
    description: 'trastuzumab (web app regimen)',
  };
}

/**
 * The model's own trastuzumab regimen: the first bolus dose into Ab_c read back as a Regimen, or null when
 * there is none.
 */
export function regimenOf(model: Model): Regimen | null {
  const d = (model.doses ?? []).find((x) => x.target === DRUG_TARGET && x.route === 'bolus');
  if (!d) return null;
  const amounts = d.amounts ?? [];
  const rest = amounts.length > 1 ? amounts[amounts.length - 1]! : d.amount;
  const first = amounts.length > 0 ? amounts[0]! : d.amount;
  return {
    start: d.start,
    dose: rest,
    every: d.every ?? 1,
    count: d.count,
    ...(first !== rest ? { loading: first } : {}),
  };
}

/** The model with its doses into Ab_c replaced by `regimen` (undefined: unchanged; null: removed). */
export function withRegimen(model: Model, regimen: Regimen | null | undefined): Model {
  if (regimen === undefined) return model;
  const others = (model.doses ?? []).filter((d) => d.target !== DRUG_TARGET);
  return { ...model, doses: regimen === null ? others : [...others, regimenDose(regimen)] };
}

/** The model with parameter values replaced (for export: the model as currently shown). */
export function withParams(model: Model, values: Readonly<Record<string, number>>): Model {
  if (Object.keys(values).length === 0) return model;
  return {
    ...model,
    parameters: model.parameters.map((p) =>
      Object.hasOwn(values, p.id) ? { ...p, value: values[p.id]! } : p,
    ),
  };
}
