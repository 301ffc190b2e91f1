/**
 * SBML Level 3 (Version 1 and 2) core import: an SBML document becomes our Model value
 * (SBML L3V2 core specification, Hucka et al., J Integr Bioinform 2019). Semantics are kept as SBML
 * defines them (species stored as amounts, concentrations in math unless hasOnlySubstanceUnits, local
 * parameters shadowing globals); missing optional math is ignored as the spec allows, with a warning.
 * Package content and unresolvable references are errors naming the element and id.
 */
import type {
  Compartment,
  Dose,
  Expr,
  FunctionDef,
  InitialAssignment,
  LocalParameter,
  Model,
  ModelEvent,
  Parameter,
  Reaction,
  Rule,
  Species,
  SpeciesRef,
} from '../../model/types.js';
import { UnsupportedError } from './errors.js';
import { mathToExpr, mathToLambda } from './mathml.js';
import { checkCoreOnly, SBML_L3V1, SBML_L3V2, XHTML_NS } from './namespaces.js';
import { generatedBy, readDoses, readModelUnits, readProvenance } from './provenance.js';
import { SbmlReader } from './reader.js';
import { visitRefs } from './refs.js';
import { checkReferences } from './validate.js';
import { attr, childElements, parseXml, type XmlElement, type XmlNode } from './xml.js';

export interface SbmlImport {
  readonly model: Model;
  /** Things ignored as the spec allows (missing math, constraints), one line each. */
  readonly warnings: readonly string[];
}

/** Parses SBML text into a Model. `file` names the source in errors and parameter provenance. */
export function importSbml(text: string, file = 'model.xml'): Model {
  return importSbmlDetailed(text, file).model;
}

export function importSbmlDetailed(text: string, file = 'model.xml'): SbmlImport {
  const root = parseXml(text, file);
  if (root.local !== 'sbml' || (root.ns !== SBML_L3V1 && root.ns !== SBML_L3V2)) {
    const level = attr(root, 'level');
    if (root.local === 'sbml' && level !== undefined)
      throw new UnsupportedError(
        'level',
        `SBML level ${level} version ${attr(root, 'version') ?? '?'} is not supported (Level 3 only)`,
        { file },
      );
    throw new UnsupportedError('level', `root <${root.name}> is not an SBML Level 3 document`, { file });
  }
  checkCoreOnly(root, root.ns, file);
  const r = new SbmlReader(file);
  const models = childElements(root, 'model');
  if (models.length !== 1) r.fail(root, `expected one <model>, found ${models.length}`);
  const model = readModel(models[0]!, r);
  checkReferences(model, file);
  return { model, warnings: r.warnings };
}

function mathOf(r: SbmlReader, el: XmlElement, where: string): Expr | undefined {
  const m = r.math(el);
  if (!m) {
    r.warn(el, `no <math>: ignored as SBML L3V2 specifies`);
    return undefined;
  }
  return mathToExpr(m, { file: r.file, where });
}

const BLOCK = new Set(['p', 'div', 'br', 'li', 'h1', 'h2', 'h3', 'h4', 'pre', 'tr']);

/** Text of XHTML notes, one line per block element. */
function plainText(nodes: readonly XmlNode[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.kind === 'text') s += n.text;
    else s += BLOCK.has(n.local) ? `\n${plainText(n.children)}\n` : plainText(n.children);
  }
  return s;
}

function notesOf(el: XmlElement): string | undefined {
  const n = childElements(el, 'notes')[0];
  if (!n) return undefined;
  const inner = n.children.filter((c) => c.kind === 'element' && c.ns === XHTML_NS);
  const t = plainText(inner.length ? inner : n.children)
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return t === '' ? undefined : t;
}

function readModel(m: XmlElement, r: SbmlReader): Model {
  const doses = readDoses(m);
  const generated = (el: XmlElement): boolean => doses.length > 0 && generatedBy(el) !== undefined;
  const functions: FunctionDef[] = [];
  for (const f of r.list(m, 'listOfFunctionDefinitions', 'functionDefinition')) {
    const id = r.sid(f);
    const math = r.math(f);
    if (!math) {
      r.warn(f, 'no <math>: function ignored');
      continue;
    }
    const { params, body } = mathToLambda(math, { file: r.file, where: `functionDefinition '${id}'` });
    functions.push({ id, params, body, ...opt('name', attr(f, 'name')) });
  }
  const compartments: Compartment[] = r.list(m, 'listOfCompartments', 'compartment').map((c) => {
    const dims = r.num(c, 'spatialDimensions');
    const p = readProvenance(c);
    return {
      id: r.sid(c),
      ...opt('name', attr(c, 'name')),
      // A 0-D compartment has no size; its species are amounts, and size 1 keeps amount = concentration.
      size: r.num(c, 'size') ?? (dims === 0 ? 1 : Number.NaN),
      ...opt('unit', p.unit ?? attr(c, 'units')),
      ...opt('spatialDimensions', dims),
      constant: r.bool(c, 'constant') ?? true,
    };
  });
  const species: Species[] = r.list(m, 'listOfSpecies', 'species').map((s) => readSpecies(s, r));
  const parameters: Parameter[] = r
    .list(m, 'listOfParameters', 'parameter')
    .filter((p) => !generated(p))
    .map((p) => {
      const prov = readProvenance(p);
      return {
        id: r.sid(p),
        ...opt('name', attr(p, 'name')),
        value: r.num(p, 'value') ?? Number.NaN,
        unit: prov.unit ?? attr(p, 'units') ?? '',
        ...opt('range', prov.range),
        source: prov.source ?? `SBML: ${r.file}`,
        constant: r.bool(p, 'constant') ?? true,
        ...opt('description', prov.description),
      };
    });
  const initialAssignments: InitialAssignment[] = [];
  for (const ia of r.list(m, 'listOfInitialAssignments', 'initialAssignment')) {
    const variable = r.sid(ia, 'symbol');
    const math = mathOf(r, ia, `initialAssignment '${variable}'`);
    if (math) initialAssignments.push({ variable, math });
  }
  const rules: Rule[] = [];
  const ruleList = childElements(m, 'listOfRules')[0];
  for (const rule of ruleList ? childElements(ruleList) : []) {
    if (rule.local === 'notes' || rule.local === 'annotation' || generated(rule)) continue;
    if (rule.local === 'algebraicRule') {
      const math = mathOf(r, rule, `algebraicRule at line ${rule.line}`);
      if (math) rules.push({ kind: 'algebraic', math });
    } else if (rule.local === 'assignmentRule' || rule.local === 'rateRule') {
      const variable = r.sid(rule, 'variable');
      const math = mathOf(r, rule, `${rule.local} '${variable}'`);
      const kind = rule.local === 'assignmentRule' ? 'assignment' : 'rate';
      if (math) rules.push({ kind, variable, math });
    } else r.fail(ruleList!, `unexpected <${rule.local}> at line ${rule.line}`);
  }
  for (const c of r.list(m, 'listOfConstraints', 'constraint'))
    r.warn(c, 'constraints are not checked during simulation');
  const reactions = r
    .list(m, 'listOfReactions', 'reaction')
    .filter((x) => !generated(x))
    .map((x) => readReaction(x, r));
  const events: ModelEvent[] = [];
  r.list(m, 'listOfEvents', 'event').forEach((e, i) => {
    if (generated(e)) return;
    const ev = readEvent(e, i, r);
    if (ev) events.push(ev);
  });
  const conversionFactor = r.optSid(m, 'conversionFactor');
  const notes = notesOf(m);
  const out: Model = {
    id: attr(m, 'id') ?? 'model',
    ...opt('name', attr(m, 'name')),
    ...opt('notes', notes),
    ...opt('timeUnit', attr(m, 'timeUnits')),
    ...opt('substanceUnit', attr(m, 'substanceUnits')),
    ...opt('volumeUnit', attr(m, 'volumeUnits')),
    ...readModelUnits(m),
    ...opt('conversionFactor', conversionFactor),
    ...(functions.length ? { functions } : {}),
    compartments,
    species,
    parameters,
    reactions,
    ...(rules.length ? { rules } : {}),
    ...(initialAssignments.length ? { initialAssignments } : {}),
    ...(events.length ? { events } : {}),
    ...(doses.length ? { doses: doses as Dose[] } : {}),
  };
  return algebraicStart(out, r);
}

/**
 * A value left unset in SBML because an algebraic rule determines it still needs a number to start
 * from: 0 (1 for a compartment size), with a warning. Solving the constraint at t0 is the engine's job.
 */
function algebraicStart(m: Model, r: SbmlReader): Model {
  const algebraic = (m.rules ?? []).filter((x) => x.kind === 'algebraic');
  if (algebraic.length === 0) return m;
  const used = new Set<string>();
  for (const a of algebraic)
    visitRefs(
      a.math,
      (id) => used.add(id),
      () => {},
    );
  const defined = new Set([
    ...(m.initialAssignments ?? []).map((a) => a.variable),
    ...(m.rules ?? []).flatMap((x) => (x.kind === 'assignment' ? [x.variable] : [])),
  ]);
  const unset = (id: string, v: number): boolean => Number.isNaN(v) && used.has(id) && !defined.has(id);
  const start = <T>(id: string, current: number, guess: number, set: (v: number) => T, keep: T): T => {
    if (!unset(id, current)) return keep;
    r.warnings.push(`'${id}' has no value and appears in an algebraic rule: starting from ${guess}`);
    return set(guess);
  };
  return {
    ...m,
    compartments: m.compartments.map((c) => start(c.id, c.size, 1, (size) => ({ ...c, size }), c)),
    species: m.species.map((x) => start(x.id, x.initial, 0, (initial) => ({ ...x, initial }), x)),
    parameters: m.parameters.map((p) => start(p.id, p.value, 0, (value) => ({ ...p, value }), p)),
  };
}

function readSpecies(s: XmlElement, r: SbmlReader): Species {
  const id = r.sid(s);
  const amount = r.num(s, 'initialAmount');
  const conc = r.num(s, 'initialConcentration');
  if (amount !== undefined && conc !== undefined)
    r.fail(s, 'both initialAmount and initialConcentration are set');
  const p = readProvenance(s);
  return {
    id,
    ...opt('name', attr(s, 'name')),
    compartment: r.sid(s, 'compartment'),
    initial: amount ?? conc ?? Number.NaN,
    initialKind: conc !== undefined ? 'concentration' : 'amount',
    hasOnlySubstanceUnits: r.bool(s, 'hasOnlySubstanceUnits') ?? false,
    boundary: r.bool(s, 'boundaryCondition') ?? false,
    constant: r.bool(s, 'constant') ?? false,
    ...opt('conversionFactor', r.optSid(s, 'conversionFactor')),
    ...opt('unit', p.unit ?? attr(s, 'substanceUnits')),
    ...opt('description', p.description),
  };
}

function readRefs(x: XmlElement, list: string, r: SbmlReader): SpeciesRef[] {
  return r.list(x, list, 'speciesReference').map((sr) => {
    const id = r.optSid(sr, 'id');
    const stoich = r.num(sr, 'stoichiometry');
    const constant = r.bool(sr, 'constant');
    return {
      species: r.sid(sr, 'species'),
      stoichiometry: stoich ?? (id !== undefined ? Number.NaN : 1),
      ...opt('id', id),
      ...opt('constant', constant),
    };
  });
}

function readReaction(x: XmlElement, r: SbmlReader): Reaction {
  const id = r.sid(x);
  const modifiers = r
    .list(x, 'listOfModifiers', 'modifierSpeciesReference')
    .map((mr) => r.sid(mr, 'species'));
  const laws = childElements(x, 'kineticLaw');
  if (laws.length > 1) r.fail(x, 'more than one <kineticLaw>');
  const law = laws[0];
  let rate: Expr = { k: 'num', v: 0 };
  const localParameters: LocalParameter[] = [];
  if (!law) r.warn(x, 'no <kineticLaw>: rate taken as 0');
  else {
    for (const lp of r.list(law, 'listOfLocalParameters', 'localParameter')) {
      const value = r.num(lp, 'value');
      if (value === undefined) r.fail(lp, `local parameter of reaction '${id}' has no value`);
      localParameters.push({ id: r.sid(lp), value, ...opt('unit', attr(lp, 'units')) });
    }
    if (childElements(law, 'listOfParameters').length)
      r.fail(law, `reaction '${id}': <listOfParameters> in a kineticLaw is SBML Level 2; use localParameter`);
    const m = r.math(law);
    if (m) rate = mathToExpr(m, { file: r.file, where: `reaction '${id}' kineticLaw` });
    else r.warn(x, 'kineticLaw without <math>: rate taken as 0');
  }
  const fast = r.bool(x, 'fast');
  return {
    id,
    ...opt('name', attr(x, 'name')),
    reactants: readRefs(x, 'listOfReactants', r),
    products: readRefs(x, 'listOfProducts', r),
    ...(modifiers.length ? { modifiers } : {}),
    rate,
    ...(localParameters.length ? { localParameters } : {}),
    ...opt('reversible', r.bool(x, 'reversible')),
    ...(fast ? { fast } : {}),
  };
}

function readEvent(e: XmlElement, index: number, r: SbmlReader): ModelEvent | undefined {
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
  const priority = part('priority');
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
    initialValue: r.bool(t, 'initialValue') ?? true,
    persistent: r.bool(t, 'persistent') ?? true,
    ...opt('delay', delay),
    ...opt('priority', priority),
    useValuesFromTriggerTime: r.bool(e, 'useValuesFromTriggerTime') ?? true,
    assignments,
  };
}

/** `{ [key]: value }` when value is defined, else `{}`: keeps optional members absent, not undefined. */
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
