/**
 * SBML core import, Level 1 Version 2, Level 2 Versions 1-5 and Level 3 Versions 1-2: an SBML document
 * becomes our Model value (SBML L3V2 core specification, Hucka et al., J Integr Bioinform 2019; the
 * Level 1 and 2 specifications for the older spellings and defaults, see dialect.ts and import-parts.ts).
 * Every Level is read into Level 3 semantics, which the model value follows. Semantics are kept as SBML
 * defines them (species stored as amounts, concentrations in math unless hasOnlySubstanceUnits, local
 * parameters shadowing globals); missing optional math is ignored as the spec allows, with a warning.
 * Package content and unresolvable references are errors naming the element and id.
 */
import type {
  Compartment,
  Dose,
  FunctionDef,
  InitialAssignment,
  Model,
  ModelEvent,
  Parameter,
  Rule,
} from '../../model/types.js';
import { dialectOf } from './dialect.js';
import { mathOf, opt, readEvent, readReaction, readRule, readSpecies } from './import-parts.js';
import { foldInitialSizes } from './initial-values.js';
import { mathToLambda } from './mathml.js';
import { checkCoreOnly, XHTML_NS } from './namespaces.js';
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
  const dialect = dialectOf(root, file);
  checkCoreOnly(root, dialect.ns, file);
  const r = new SbmlReader(file, dialect);
  const models = childElements(root, 'model');
  if (models.length !== 1) r.fail(root, `expected one <model>, found ${models.length}`);
  const model = readModel(models[0]!, r);
  checkReferences(model, file);
  return { model, warnings: r.warnings };
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
    const { params, body } = mathToLambda(math, {
      file: r.file,
      where: `functionDefinition '${id}'`,
      level: r.dialect.level,
    });
    functions.push({ id, params, body, ...opt('name', attr(f, 'name')) });
  }
  const rules: Rule[] = [];
  const ruleList = childElements(m, 'listOfRules')[0];
  for (const el of ruleList ? childElements(ruleList) : []) {
    if (generated(el)) continue;
    const rule = readRule(el, ruleList!, r);
    if (rule) rules.push(rule);
  }
  // Level 1 has no `constant` attribute: what a rule sets varies, and so does what an algebraic rule uses
  // (the rule determines one of them, as libSBML's conversion to Level 3 reads it); the rest is constant.
  const ruled = new Set(rules.flatMap((x) => (x.kind === 'algebraic' ? [] : [x.variable])));
  const inAlgebraic = new Set<string>();
  for (const x of rules)
    if (x.kind === 'algebraic')
      visitRefs(
        x.math,
        (id) => inAlgebraic.add(id),
        () => {},
      );
  const constant = (el: XmlElement, id: string): boolean =>
    r.l1 ? !ruled.has(id) && !inAlgebraic.has(id) : (r.bool(el, 'constant') ?? true);
  const compartments: Compartment[] = r.list(m, 'listOfCompartments', 'compartment').map((c) => {
    // Level 2 defaults to 3 dimensions; Level 3 has no default.
    const dims = r.num(c, 'spatialDimensions') ?? (r.dialect.level === 2 ? 3 : undefined);
    const p = readProvenance(c);
    const id = r.id(c);
    // Level 1 calls the size `volume`, default 1; a 0-D compartment has no size: its species are
    // amounts, and size 1 keeps amount = concentration.
    const size = r.l1 ? (r.num(c, 'volume') ?? 1) : r.num(c, 'size');
    return {
      id,
      ...opt('name', r.name(c)),
      size: size ?? (dims === 0 ? 1 : Number.NaN),
      ...opt('unit', p.unit ?? attr(c, 'units')),
      ...opt('spatialDimensions', dims),
      constant: constant(c, id),
    };
  });
  const species = r
    .list(m, 'listOfSpecies', r.l1 ? ['species', 'specie'] : 'species')
    .map((s) => readSpecies(s, r));
  const parameters: Parameter[] = r
    .list(m, 'listOfParameters', 'parameter')
    .filter((p) => !generated(p))
    .map((p) => {
      const prov = readProvenance(p);
      const id = r.id(p);
      return {
        id,
        ...opt('name', r.name(p)),
        value: r.num(p, 'value') ?? Number.NaN,
        unit: prov.unit ?? attr(p, 'units') ?? '',
        ...opt('range', prov.range),
        source: prov.source ?? `SBML: ${r.file}`,
        constant: constant(p, id),
        ...opt('description', prov.description),
      };
    });
  const initialAssignments: InitialAssignment[] = [];
  for (const ia of r.list(m, 'listOfInitialAssignments', 'initialAssignment')) {
    const variable = r.sid(ia, 'symbol');
    const math = mathOf(r, ia, `initialAssignment '${variable}'`);
    if (math) initialAssignments.push({ variable, math });
  }
  for (const c of r.list(m, 'listOfConstraints', 'constraint'))
    r.warn(c, 'constraints are not checked during simulation');
  const reactions = r
    .list(m, 'listOfReactions', 'reaction')
    .filter((x) => !generated(x))
    .map((x) => readReaction(x, r, rules));
  const events: ModelEvent[] = [];
  r.list(m, 'listOfEvents', 'event').forEach((e, i) => {
    if (generated(e)) return;
    const ev = readEvent(e, i, r);
    if (ev) events.push(ev);
  });
  const conversionFactor = r.optSid(m, 'conversionFactor');
  const notes = notesOf(m);
  const out: Model = {
    id: attr(m, r.l1 ? 'name' : 'id') ?? 'model',
    ...opt('name', r.name(m)),
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
  return foldInitialSizes(algebraicStart(out, r));
}

/**
 * A value left unset in SBML still needs a number to start from when nothing assigns it at t0 (no
 * initial assignment, no assignment rule): 0 (1 for a compartment size), with a warning. For a value an
 * algebraic rule determines, that is the starting guess and solving the constraint at t0 is the engine's
 * job; for any other (a rate-rule variable or a species without an initial value, as in BIOMD0000000034
 * and BIOMD0000000113) the spec leaves it undefined and the peers (libRoadRunner, COPASI) take 0.
 */
function algebraicStart(m: Model, r: SbmlReader): Model {
  const used = new Set<string>();
  for (const a of m.rules ?? [])
    if (a.kind === 'algebraic')
      visitRefs(
        a.math,
        (id) => used.add(id),
        () => {},
      );
  const defined = new Set([
    ...(m.initialAssignments ?? []).map((a) => a.variable),
    ...(m.rules ?? []).flatMap((x) => (x.kind === 'assignment' ? [x.variable] : [])),
  ]);
  const start = <T>(id: string, current: number, guess: number, set: (v: number) => T, keep: T): T => {
    if (!Number.isNaN(current) || defined.has(id)) return keep;
    const nan = r.explicitNaN.get(id);
    if (nan) r.fail(nan.el, `${nan.name}='NaN' and nothing assigns a value at t0 (expected a number)`);
    r.warnings.push(
      used.has(id)
        ? `'${id}' has no value and appears in an algebraic rule: starting from ${guess}`
        : `'${id}' has no initial value and nothing assigns one: taken as ${guess}`,
    );
    return set(guess);
  };
  return {
    ...m,
    compartments: m.compartments.map((c) => start(c.id, c.size, 1, (size) => ({ ...c, size }), c)),
    species: m.species.map((x) => start(x.id, x.initial, 0, (initial) => ({ ...x, initial }), x)),
    parameters: m.parameters.map((p) => start(p.id, p.value, 0, (value) => ({ ...p, value }), p)),
  };
}
