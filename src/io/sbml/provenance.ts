/**
 * cscsim's own SBML annotations (namespace CSCSIM_NS): what SBML has no place for, kept so that an
 * export/import round trip loses nothing. Parameter provenance (unit text, range, source, description),
 * species units and descriptions, the model's unit names, and dosing regimens (exported as plain SBML
 * events/reactions tagged `generated`, so other tools simulate them and we restore the regimen).
 */
import type { Dose } from '../../model/types.js';
import { CSCSIM_NS } from './namespaces.js';
import { attr, childElements, type XmlElement } from './xml.js';

/** The first cscsim annotation element named `local` on an SBML element. */
export function ourAnnotation(el: XmlElement, local: string): XmlElement | undefined {
  for (const a of childElements(el, 'annotation'))
    for (const c of childElements(a)) if (c.ns === CSCSIM_NS && c.local === local) return c;
  return undefined;
}

export interface Provenance {
  readonly unit?: string;
  readonly source?: string;
  readonly range?: readonly [number, number];
  readonly description?: string;
}

export function readProvenance(el: XmlElement): Provenance {
  const a = ourAnnotation(el, 'provenance');
  if (!a) return {};
  const lo = attr(a, 'lo');
  const hi = attr(a, 'hi');
  const out: { -readonly [K in keyof Provenance]: Provenance[K] } = {};
  const unit = attr(a, 'unit');
  const source = attr(a, 'source');
  const description = attr(a, 'description');
  if (unit !== undefined) out.unit = unit;
  if (source !== undefined) out.source = source;
  if (description !== undefined) out.description = description;
  if (lo !== undefined && hi !== undefined) out.range = [Number(lo), Number(hi)];
  return out;
}

/** Id of the dose that generated this element, if any. */
export function generatedBy(el: XmlElement): string | undefined {
  const a = ourAnnotation(el, 'generated');
  return a ? attr(a, 'dose') : undefined;
}

export function readDoses(model: XmlElement): Dose[] {
  const m = ourAnnotation(model, 'model');
  if (!m) return [];
  return childElements(m, 'dose')
    .filter((d) => d.ns === CSCSIM_NS)
    .map((d) => {
      const num = (k: string): number | undefined => {
        const v = attr(d, k);
        return v === undefined ? undefined : Number(v);
      };
      const amounts = attr(d, 'amounts');
      const route = attr(d, 'route') === 'infusion' ? 'infusion' : 'bolus';
      const every = num('every');
      const duration = num('duration');
      const unit = attr(d, 'unit');
      const description = attr(d, 'description');
      const dose: Dose = {
        id: attr(d, 'id') ?? '',
        target: attr(d, 'target') ?? '',
        amount: num('amount') ?? 0,
        ...(amounts !== undefined ? { amounts: amounts.trim().split(/\s+/).map(Number) } : {}),
        ...(unit !== undefined ? { unit } : {}),
        start: num('start') ?? 0,
        ...(every !== undefined ? { every } : {}),
        count: num('count') ?? 1,
        route,
        ...(duration !== undefined ? { duration } : {}),
        ...(description !== undefined ? { description } : {}),
      };
      return dose;
    });
}

/** Model-level unit names (free text in our model, not SBML unit definitions). */
export function readModelUnits(model: XmlElement): {
  timeUnit?: string;
  substanceUnit?: string;
  volumeUnit?: string;
} {
  const m = ourAnnotation(model, 'model');
  if (!m) return {};
  const out: { timeUnit?: string; substanceUnit?: string; volumeUnit?: string } = {};
  for (const k of ['timeUnit', 'substanceUnit', 'volumeUnit'] as const) {
    const v = attr(m, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}
