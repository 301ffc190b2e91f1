/**
 * Model -> SBML Level 3 Version 2 core text. Everything SBML has no place for (free-text units,
 * parameter ranges and sources, dosing regimens) goes into cscsim annotations, so that
 * importSbml(exportSbml(m)) gives back the same model; doses are also lowered to plain events and
 * reactions (doses.ts) so that other tools simulate the same thing.
 */
import { InputError } from '../../errors.js';
import type { Expr, Model, ModelEvent, Reaction, Rule, Species, SpeciesRef } from '../../model/types.js';
import { lowerDoses } from './doses.js';
import { lambdaElement, mathElement, usesRandom } from './mathml-write.js';
import { CSCSIM_NS, SBML_L3V2, XHTML_NS } from './namespaces.js';
import { visitRefs } from './refs.js';

const SID = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DISTRIB_NS = 'http://www.sbml.org/sbml/level3/version1/distrib/version1';

/** Escapes text for an attribute value or element content; tabs and newlines survive normalisation. */
function esc(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}

type Attrs = Record<string, string | number | boolean | undefined>;

function attrs(a: Attrs): string {
  let s = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    s += ` ${k}="${esc(typeof v === 'number' ? numText(v) : String(v))}"`;
  }
  return s;
}

function numText(v: number): string {
  if (v === Number.POSITIVE_INFINITY) return 'INF';
  if (v === Number.NEGATIVE_INFINITY) return '-INF';
  return String(v);
}

class Writer {
  private readonly lines: string[] = [];
  line(depth: number, s: string): void {
    this.lines.push('  '.repeat(depth) + s);
  }
  /** An element with optional annotation and children (already rendered, one per line). */
  el(depth: number, name: string, a: Attrs, children: readonly string[] = [], annotation?: string): void {
    const kids = annotation ? [`<annotation>${annotation}</annotation>`, ...children] : children;
    if (kids.length === 0) {
      this.line(depth, `<${name}${attrs(a)}/>`);
      return;
    }
    this.line(depth, `<${name}${attrs(a)}>`);
    for (const k of kids) this.line(depth + 1, k);
    this.line(depth, `</${name}>`);
  }
  text(): string {
    return `${this.lines.join('\n')}\n`;
  }
}

function ours(name: string, a: Attrs, inner = ''): string {
  const open = `<cscsim:${name} xmlns:cscsim="${CSCSIM_NS}"${attrs(a)}`;
  return inner ? `${open}>${inner}</cscsim:${name}>` : `${open}/>`;
}

function provenance(a: Attrs): string | undefined {
  return Object.values(a).some((v) => v !== undefined) ? ours('provenance', a) : undefined;
}

const generated = (dose: string): string => ours('generated', { dose });

/** Ids assigned by rules, initial assignments excluded (they do not make a symbol variable). */
function variableIds(model: Model): Set<string> {
  const ids = new Set<string>();
  for (const r of model.rules ?? []) if (r.kind !== 'algebraic') ids.add(r.variable);
  for (const e of model.events ?? []) for (const a of e.assignments) ids.add(a.variable);
  for (const d of model.doses ?? []) ids.add(d.target);
  return ids;
}

/** Writes the model as SBML L3V2. Throws InputError when an id is not a valid SBML SId. */
export function exportSbml(model: Model): string {
  const taken = new Set<string>();
  const checkId = (id: string, what: string): void => {
    if (!SID.test(id)) throw new InputError(`${what} '${id}': not a valid SBML identifier`);
    taken.add(id);
  };
  for (const f of model.functions ?? []) checkId(f.id, 'function');
  for (const c of model.compartments) checkId(c.id, 'compartment');
  for (const s of model.species) checkId(s.id, 'species');
  for (const p of model.parameters) checkId(p.id, 'parameter');
  for (const r of model.reactions) {
    checkId(r.id, 'reaction');
    for (const sr of [...r.reactants, ...r.products])
      if (sr.id !== undefined) checkId(sr.id, 'speciesReference');
  }
  for (const e of model.events ?? []) checkId(e.id, 'event');
  const uniqueId = (base: string): string => {
    let id = SID.test(base) ? base : `_${base.replace(/[^A-Za-z0-9_]/g, '_')}`;
    for (let k = 2; taken.has(id); k++) id = `${base}_${k}`;
    taken.add(id);
    return id;
  };
  const lowered = lowerDoses(model, uniqueId);
  const variable = variableIds(model);
  const random = [
    ...model.reactions.map((r) => r.rate),
    ...(model.rules ?? []).map((r) => r.math),
    ...(model.initialAssignments ?? []).map((a) => a.math),
    ...(model.events ?? []).flatMap((e) => [e.trigger, ...e.assignments.map((a) => a.math)]),
  ].some(usesRandom);

  const w = new Writer();
  w.line(0, '<?xml version="1.0" encoding="UTF-8"?>');
  const distrib = random ? ` xmlns:distrib="${DISTRIB_NS}" distrib:required="true"` : '';
  w.line(0, `<sbml xmlns="${SBML_L3V2}"${distrib} level="3" version="2">`);
  w.line(
    1,
    `<model${attrs({ id: SID.test(model.id) ? model.id : undefined, name: model.name, conversionFactor: model.conversionFactor })}>`,
  );
  if (model.notes) {
    const paras = model.notes.split(/\n+/).map((p) => `<p>${esc(p)}</p>`);
    w.line(2, `<notes><body xmlns="${XHTML_NS}">${paras.join('')}</body></notes>`);
  }
  const doses = (model.doses ?? []).map((d) =>
    ours('dose', {
      id: d.id,
      target: d.target,
      amount: d.amount,
      amounts: d.amounts?.join(' '),
      unit: d.unit,
      start: d.start,
      every: d.every,
      count: d.count,
      route: d.route,
      duration: d.duration,
      description: d.description,
    }),
  );
  const units = {
    timeUnit: model.timeUnit,
    substanceUnit: model.substanceUnit,
    volumeUnit: model.volumeUnit,
  };
  if (doses.length || Object.values(units).some((v) => v !== undefined))
    w.line(2, `<annotation>${ours('model', units, doses.join(''))}</annotation>`);

  list(w, 'listOfFunctionDefinitions', model.functions ?? [], (f) =>
    w.el(3, 'functionDefinition', { id: f.id, name: f.name }, [lambdaElement(f.params, f.body)]),
  );
  list(w, 'listOfCompartments', model.compartments, (c) =>
    w.el(
      3,
      'compartment',
      {
        id: c.id,
        name: c.name,
        spatialDimensions: c.spatialDimensions,
        size: c.size,
        constant: (c.constant ?? true) && !variable.has(c.id),
      },
      [],
      provenance({ unit: c.unit }),
    ),
  );
  list(w, 'listOfSpecies', model.species, (s) => writeSpecies(w, s));
  list(w, 'listOfParameters', model.parameters, (p) =>
    w.el(
      3,
      'parameter',
      { id: p.id, name: p.name, value: p.value, constant: (p.constant ?? true) && !variable.has(p.id) },
      [],
      provenance({
        unit: p.unit,
        source: p.source,
        lo: p.range?.[0],
        hi: p.range?.[1],
        description: p.description,
      }),
    ),
  );
  list(w, 'listOfInitialAssignments', model.initialAssignments ?? [], (a) =>
    w.el(3, 'initialAssignment', { symbol: a.variable }, [mathElement(a.math)]),
  );
  const rules: (Rule & { dose?: string })[] = [...(model.rules ?? []), ...lowered.rules];
  list(w, 'listOfRules', rules, (r) => {
    const name = r.kind === 'algebraic' ? 'algebraicRule' : r.kind === 'rate' ? 'rateRule' : 'assignmentRule';
    const v = r.kind === 'algebraic' ? {} : { variable: r.variable };
    w.el(3, name, v, [mathElement(r.math)], r.dose !== undefined ? generated(r.dose) : undefined);
  });
  const reactions: (Reaction & { dose?: string })[] = [...model.reactions, ...lowered.reactions];
  const speciesIds = new Set(model.species.map((s) => s.id));
  list(w, 'listOfReactions', reactions, (r) => writeReaction(w, r, variable, speciesIds));
  const events: (ModelEvent & { dose?: string })[] = [...(model.events ?? []), ...lowered.events];
  list(w, 'listOfEvents', events, (e) => writeEvent(w, e));
  w.line(1, '</model>');
  w.line(0, '</sbml>');
  return w.text();
}

function list<T>(w: Writer, name: string, items: readonly T[], each: (item: T) => void): void {
  if (items.length === 0) return;
  w.line(2, `<${name}>`);
  for (const it of items) each(it);
  w.line(2, `</${name}>`);
}

function writeSpecies(w: Writer, s: Species): void {
  const conc = s.initialKind === 'concentration';
  w.el(
    3,
    'species',
    {
      id: s.id,
      name: s.name,
      compartment: s.compartment,
      initialAmount: conc ? undefined : s.initial,
      initialConcentration: conc ? s.initial : undefined,
      hasOnlySubstanceUnits: s.hasOnlySubstanceUnits ?? false,
      boundaryCondition: s.boundary ?? false,
      constant: s.constant ?? false,
      conversionFactor: s.conversionFactor,
    },
    [],
    provenance({ unit: s.unit, description: s.description }),
  );
}

function speciesRef(sr: SpeciesRef, variable: ReadonlySet<string>): string {
  const constant = sr.constant ?? !(sr.id !== undefined && variable.has(sr.id));
  return `<speciesReference${attrs({ id: sr.id, species: sr.species, stoichiometry: sr.stoichiometry ?? 1, constant })}/>`;
}

/** Species read by the rate law but not listed on the reaction: SBML requires them as modifiers. */
function implicitModifiers(r: Reaction, species: ReadonlySet<string>): string[] {
  const listed = new Set([...r.reactants, ...r.products].map((sr) => sr.species).concat(r.modifiers ?? []));
  const locals = new Set((r.localParameters ?? []).map((p) => p.id));
  const out = new Set<string>();
  visitRefs(
    r.rate,
    (id) => {
      if (species.has(id) && !listed.has(id) && !locals.has(id)) out.add(id);
    },
    () => {},
  );
  return [...out];
}

function writeReaction(
  w: Writer,
  r: Reaction & { dose?: string },
  variable: ReadonlySet<string>,
  species: ReadonlySet<string>,
): void {
  const kids: string[] = [];
  const refs = (name: string, srs: readonly SpeciesRef[]) => {
    if (srs.length) kids.push(`<${name}>${srs.map((sr) => speciesRef(sr, variable)).join('')}</${name}>`);
  };
  refs('listOfReactants', r.reactants);
  refs('listOfProducts', r.products);
  const modifiers = [...(r.modifiers ?? []), ...implicitModifiers(r, species)];
  if (modifiers.length)
    kids.push(
      `<listOfModifiers>${modifiers.map((m) => `<modifierSpeciesReference species="${esc(m)}"/>`).join('')}</listOfModifiers>`,
    );
  const locals = (r.localParameters ?? [])
    .map((p) => `<localParameter${attrs({ id: p.id, value: p.value })}/>`)
    .join('');
  kids.push(
    `<kineticLaw>${mathElement(r.rate)}${locals ? `<listOfLocalParameters>${locals}</listOfLocalParameters>` : ''}</kineticLaw>`,
  );
  w.el(
    3,
    'reaction',
    { id: r.id, name: r.name, reversible: r.reversible ?? false },
    kids,
    r.dose !== undefined ? generated(r.dose) : undefined,
  );
}

function writeEvent(w: Writer, e: ModelEvent & { dose?: string }): void {
  const part = (name: string, x: Expr | undefined) => (x ? `<${name}>${mathElement(x)}</${name}>` : '');
  const kids = [
    `<trigger${attrs({ initialValue: e.initialValue ?? true, persistent: e.persistent ?? true })}>${mathElement(e.trigger)}</trigger>`,
    part('priority', e.priority),
    part('delay', e.delay),
  ].filter((k) => k !== '');
  if (e.assignments.length)
    kids.push(
      `<listOfEventAssignments>${e.assignments
        .map((a) => `<eventAssignment variable="${esc(a.variable)}">${mathElement(a.math)}</eventAssignment>`)
        .join('')}</listOfEventAssignments>`,
    );
  w.el(
    3,
    'event',
    { id: e.id, name: e.name, useValuesFromTriggerTime: e.useValuesFromTriggerTime ?? true },
    kids,
    e.dose !== undefined ? generated(e.dose) : undefined,
  );
}
