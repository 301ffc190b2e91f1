/**
 * Fitting a view (from a URL or the previous model) to a loaded model: parameter overrides must name
 * editable parameters and pass their checks, outputs must exist, dosing and the timing study need the
 * trastuzumab model, hybrid continuous species must be species of the model. What does not fit is dropped with a message; nothing invalid reaches a run.
 */
import type { Model } from '../../../src/model/types.js';
import { hasDrug } from './dosing.js';
import { speciesListError } from './species.js';
import type { ViewState } from './state.js';
import { paramError } from './validate.js';

export interface ModelFacts {
  readonly model: Model;
  readonly outputIds: readonly string[];
  readonly editable: readonly string[];
}

/** Outputs shown when none are chosen: tumour volume if the model has one, else up to four species. */
export function defaultOutputs(m: ModelFacts): string[] {
  if (m.outputIds.includes('V')) return ['V'];
  const species = m.model.species.map((s) => s.id).filter((id) => m.outputIds.includes(id));
  return (species.length > 0 ? species : m.outputIds).slice(0, 4);
}

/** The outputs a run computes and the chart shows. */
export function shownOutputs(s: ViewState, m: ModelFacts): string[] {
  return s.outputs.length > 0 ? [...s.outputs] : defaultOutputs(m);
}

export function fitView(
  s: ViewState,
  m: ModelFacts,
): { state: ViewState; warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  const editable = new Set(m.editable);
  const params: Record<string, number> = {};
  for (const [id, v] of Object.entries(s.params)) {
    const p = m.model.parameters.find((x) => x.id === id);
    if (!p) warnings.push(`parameter '${id}' is not in model '${m.model.id}': ignored`);
    else if (!editable.has(id)) warnings.push(`parameter '${id}' is computed by the model: ignored`);
    else {
      const e = paramError(p, v);
      if (e) errors.push(`${e} - not simulated`);
      else if (v !== p.value) params[id] = v;
    }
  }
  const known = new Set(m.outputIds);
  const unknown = s.outputs.filter((id) => !known.has(id));
  if (unknown.length > 0) warnings.push(`outputs not in the model, ignored: ${unknown.join(', ')}`);
  const drug = hasDrug(m.model);
  if (s.regimen !== undefined && !drug)
    warnings.push('the model has no trastuzumab compartment: regimen ignored');
  const timing = s.timing && drug && m.outputIds.includes('V');
  if (s.timing && !timing)
    warnings.push('the timing study needs the HER2-CSC model (tumour volume V and trastuzumab)');
  const contError = s.continuous ? speciesListError(s.continuous, m.model) : undefined;
  if (contError) errors.push(`${contError}: the model's default is used`);
  return {
    state: {
      ...s,
      continuous: contError ? undefined : s.continuous,
      params,
      outputs: s.outputs.filter((id) => known.has(id)),
      regimen: drug ? s.regimen : undefined,
      timing,
    },
    warnings,
    errors,
  };
}
