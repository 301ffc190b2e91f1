/**
 * Reading the components of an SBML model whose spelling or defaults differ between Levels
 * (SBML L1V2, L2V1-V5 and L3V1-V2 specifications): species, species references (Level 2
 * `stoichiometryMath`, Level 1 `denominator`), reactions (Level 1/2 kinetic-law `listOfParameters`),
 * rules (Level 1 `compartmentVolumeRule`, `speciesConcentrationRule`, `parameterRule`) and events
 * (Level 2: no priority; triggers behave as Level 3's `initialValue="true" persistent="true"`).
 */
import type {
  Expr,
  LocalParameter,
  ModelEvent,
  Reaction,
  Rule,
  Species,
  SpeciesRef,
} from '../../model/types.js';
import { parseL1Formula } from './formula-l1.js';
import { mathToExpr } from './mathml.js';
import { readProvenance } from './provenance.js';
import type { SbmlReader } from './reader.js';
import { attr, childElements, type XmlElement } from './xml.js';

/**
 * The math of an element: its `<math>` child, or in Level 1 its `formula` attribute. Missing math is
 * ignored with a warning, as SBML L3V2 allows.
 */
export function mathOf(r: SbmlReader, el: XmlElement, where: string): Expr | undefined {
  if (r.l1) {
    const f = attr(el, 'formula');
    if (f === undefined) r.fail(el, `missing attribute 'formula' (line ${el.line})`);
    return parseL1Formula(f, { file: r.file, where });
  }
  const m = r.math(el);
  if (!m) {
    r.warn(el, 'no <math>: ignored as SBML L3V2 specifies');
    return undefined;
  }
  return mathToExpr(m, { file: r.file, where, level: r.dialect.level });
}

export function readSpecies(s: XmlElement, r: SbmlReader): Species {
  const id = r.id(s);
  const amount = r.num(s, 'initialAmount');
  const conc = r.l1 ? undefined : r.num(s, 'initialConcentration');
  if (amount !== undefined && conc !== undefined)
    r.fail(s, 'both initialAmount and initialConcentration are set');
  const p = readProvenance(s);
  return {
    id,
    ...opt('name', r.name(s)),
    compartment: r.sid(s, 'compartment'),
    initial: amount ?? conc ?? Number.NaN,
    initialKind: conc !== undefined ? 'concentration' : 'amount',
    hasOnlySubstanceUnits: (!r.l1 && r.bool(s, 'hasOnlySubstanceUnits')) || false,
    boundary: r.bool(s, 'boundaryCondition') ?? false,
    constant: (!r.l1 && r.bool(s, 'constant')) || false,
    ...opt('conversionFactor', r.optSid(s, 'conversionFactor')),
    ...opt('unit', p.unit ?? attr(s, r.l1 ? 'units' : 'substanceUnits')),
    ...opt('description', p.description),
  };
}

const REFERENCE = ['speciesReference', 'specieReference'] as const;

/**
 * Species references of one list. A Level 2 `stoichiometryMath` becomes what Level 3 makes of it: a
 * non-constant stoichiometry symbol set by an assignment rule (pushed onto `rules`), unless its math
 * is a plain number. Level 1 stoichiometry is `stoichiometry / denominator`.
 */
function readRefs(x: XmlElement, reaction: string, list: string, r: SbmlReader, rules: Rule[]): SpeciesRef[] {
  return r.list(x, list, r.l1 ? REFERENCE : 'speciesReference').map((sr, k) => {
    const species = r.sid(sr, r.l1 && attr(sr, 'species') === undefined ? 'specie' : 'species');
    if (r.dialect.level === 2) {
      const sm = childElements(sr, 'stoichiometryMath')[0];
      if (!sm) return { species, stoichiometry: r.num(sr, 'stoichiometry') ?? 1 };
      if (attr(sr, 'stoichiometry') !== undefined)
        r.fail(sr, 'both stoichiometry and <stoichiometryMath> are set');
      const math = mathOf(r, sm, `reaction '${reaction}' stoichiometryMath of '${species}'`);
      if (!math) return { species, stoichiometry: 1 };
      if (math.k === 'num') return { species, stoichiometry: math.v };
      const id =
        r.optSid(sr, 'id') ?? `_${reaction}_${list === 'listOfReactants' ? 'r' : 'p'}${k}_${species}`;
      rules.push({ kind: 'assignment', variable: id, math });
      return { species, stoichiometry: Number.NaN, id, constant: false };
    }
    if (r.l1) {
      const den = r.num(sr, 'denominator') ?? 1;
      return { species, stoichiometry: (r.num(sr, 'stoichiometry') ?? 1) / den };
    }
    const id = r.optSid(sr, 'id');
    const stoich = r.num(sr, 'stoichiometry');
    const constant = r.bool(sr, 'constant');
    return {
      species,
      stoichiometry: stoich ?? (id !== undefined ? Number.NaN : 1),
      ...opt('id', id),
      ...opt('constant', constant),
    };
  });
}

/** Local parameters: Level 3 `localParameter`, Levels 1-2 `parameter` inside the kinetic law. */
function readLocals(law: XmlElement, reaction: string, r: SbmlReader): LocalParameter[] {
  const l3 = r.dialect.level === 3;
  if (l3 && childElements(law, 'listOfParameters').length)
    r.fail(law, `reaction '${reaction}': <listOfParameters> in a Level 3 kineticLaw; use localParameter`);
  const items = l3
    ? r.list(law, 'listOfLocalParameters', 'localParameter')
    : r.list(law, 'listOfParameters', 'parameter');
  return items.map((lp) => {
    const value = r.num(lp, 'value');
    if (value === undefined) r.fail(lp, `local parameter of reaction '${reaction}' has no value`);
    return { id: r.id(lp), value, ...opt('unit', attr(lp, 'units')) };
  });
}

export function readReaction(x: XmlElement, r: SbmlReader, rules: Rule[]): Reaction {
  const id = r.id(x);
  const modifiers = r
    .list(x, 'listOfModifiers', 'modifierSpeciesReference')
    .map((mr) => r.sid(mr, 'species'));
  const laws = childElements(x, 'kineticLaw');
  if (laws.length > 1) r.fail(x, 'more than one <kineticLaw>');
  const law = laws[0];
  let rate: Expr = { k: 'num', v: 0 };
  let localParameters: LocalParameter[] = [];
  if (!law) r.warn(x, 'no <kineticLaw>: rate taken as 0');
  else {
    localParameters = readLocals(law, id, r);
    const where = `reaction '${id}' kineticLaw`;
    if (r.l1) rate = mathOf(r, law, where)!;
    else if (r.math(law)) rate = mathOf(r, law, where)!;
    else r.warn(x, 'kineticLaw without <math>: rate taken as 0');
  }
  const fast = r.bool(x, 'fast');
  return {
    id,
    ...opt('name', r.name(x)),
    reactants: readRefs(x, id, 'listOfReactants', r, rules),
    products: readRefs(x, id, 'listOfProducts', r, rules),
    ...(modifiers.length ? { modifiers } : {}),
    rate,
    ...(localParameters.length ? { localParameters } : {}),
    ...opt('reversible', r.bool(x, 'reversible')),
    ...(fast ? { fast } : {}),
  };
}

/** Level 1 rule elements -> the attribute naming their variable. */
const L1_RULES: Readonly<Record<string, string>> = {
  compartmentVolumeRule: 'compartment',
  speciesConcentrationRule: 'species',
  specieConcentrationRule: 'specie',
  parameterRule: 'name',
};

/** One rule element; undefined for notes/annotations and rules without math. */
export function readRule(rule: XmlElement, list: XmlElement, r: SbmlReader): Rule | undefined {
  if (rule.local === 'notes' || rule.local === 'annotation') return undefined;
  if (rule.local === 'algebraicRule') {
    const math = mathOf(r, rule, `algebraicRule at line ${rule.line}`);
    return math ? { kind: 'algebraic', math } : undefined;
  }
  const l1Var = r.l1 ? L1_RULES[rule.local] : undefined;
  if (l1Var !== undefined) {
    const variable = r.sid(rule, l1Var);
    const type = attr(rule, 'type') ?? 'scalar';
    if (type !== 'scalar' && type !== 'rate')
      r.fail(rule, `type='${type}' (line ${rule.line}): expected 'scalar' or 'rate'`);
    const math = mathOf(r, rule, `${rule.local} '${variable}'`)!;
    return { kind: type === 'rate' ? 'rate' : 'assignment', variable, math };
  }
  if (!r.l1 && (rule.local === 'assignmentRule' || rule.local === 'rateRule')) {
    const variable = r.sid(rule, 'variable');
    const math = mathOf(r, rule, `${rule.local} '${variable}'`);
    const kind = rule.local === 'assignmentRule' ? 'assignment' : 'rate';
    return math ? { kind, variable, math } : undefined;
  }
  return r.fail(list, `unexpected <${rule.local}> at line ${rule.line}`);
}

export function readEvent(e: XmlElement, index: number, r: SbmlReader): ModelEvent | undefined {
  const id = r.optSid(e, 'id') ?? `_event${index}`;
  const where = `event '${id}'`;
  const triggers = childElements(e, 'trigger');
  if (triggers.length !== 1) {
    r.warn(e, 'no <trigger>: event ignored');
    return undefined;
  }
  const t = triggers[0]!;
  const trigger = mathOf(r, t, `${where} trigger`);
  if (!trigger) return undefined;
  const part = (name: string): Expr | undefined => {
    const el = childElements(e, name)[0];
    return el ? mathOf(r, el, `${where} ${name}`) : undefined;
  };
  const delay = part('delay');
  // Level 2 has no priorities, and its triggers are Level 3's initialValue="true" persistent="true".
  const l3 = r.dialect.level === 3;
  const priority = l3 ? part('priority') : undefined;
  const assignments = [];
  for (const a of r.list(e, 'listOfEventAssignments', 'eventAssignment')) {
    const variable = r.sid(a, 'variable');
    const math = mathOf(r, a, `${where} eventAssignment '${variable}'`);
    if (math) assignments.push({ variable, math });
  }
  return {
    id,
    ...opt('name', attr(e, 'name')),
    trigger,
    initialValue: (l3 ? r.bool(t, 'initialValue') : undefined) ?? true,
    persistent: (l3 ? r.bool(t, 'persistent') : undefined) ?? true,
    ...opt('delay', delay),
    ...opt('priority', priority),
    // Absent before L2V4, where assignments were always computed at trigger time.
    useValuesFromTriggerTime: r.bool(e, 'useValuesFromTriggerTime') ?? true,
    assignments,
  };
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional members absent, not undefined. */
export function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
