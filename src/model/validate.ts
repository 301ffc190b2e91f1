/**
 * Consistency checks of a model value before compilation. Every error is a ModelError naming the path
 * inside the model (`reactions[2].rate: unknown id 'X'`, `rules: cycle in assignment rules: a -> b -> a`).
 * Shape (field types) is assumed: io/json.ts checks it for files; TypeScript checks it for built models.
 */
import { ModelError } from '../errors.js';
import { truncationBoundIds } from './compile/random.js';
import { checkExpr, checkFunctions } from './expr/check.js';
import { collectIds } from './expr/transform.js';
import type { Expr, FunctionDef, Model } from './types.js';

/** Letters (any script: `π`, `Ki67_β`), decimal digits and `_`, not starting with a digit. */
export const ID_PATTERN = /^[\p{L}_][\p{L}\p{Nd}_]*$/u;

/** What kind of symbol an id names. */
export type SymbolKind = 'compartment' | 'species' | 'parameter' | 'reaction' | 'stoich' | 'dose';

export interface SymbolInfo {
  readonly kind: SymbolKind;
  /** Path of its declaration, e.g. `species[3]`. */
  readonly path: string;
  /** True when declared constant (species.constant, parameter/compartment constant !== false, constant stoich). */
  readonly constant: boolean;
}

/** Model ids by kind (events and functions excluded: they are not values). */
export function symbolTable(model: Model): Map<string, SymbolInfo> {
  const syms = new Map<string, SymbolInfo>();
  const add = (id: string, info: SymbolInfo): void => {
    if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
      throw new ModelError(`invalid id '${String(id)}' (letters, digits, _; not starting with a digit)`, {
        path: info.path,
      });
    }
    const prev = syms.get(id);
    if (prev !== undefined) {
      throw new ModelError(`duplicate id '${id}' (first declared at ${prev.path})`, { path: info.path });
    }
    syms.set(id, info);
  };
  model.compartments.forEach((c, i) => {
    add(c.id, { kind: 'compartment', path: `compartments[${i}]`, constant: c.constant !== false });
  });
  model.species.forEach((s, i) => {
    add(s.id, { kind: 'species', path: `species[${i}]`, constant: s.constant === true });
  });
  model.parameters.forEach((p, i) => {
    add(p.id, { kind: 'parameter', path: `parameters[${i}]`, constant: p.constant !== false });
  });
  model.reactions.forEach((r, i) => {
    add(r.id, { kind: 'reaction', path: `reactions[${i}]`, constant: false });
    const refs = (list: 'reactants' | 'products'): void => {
      r[list].forEach((ref, k) => {
        if (ref.id !== undefined) {
          add(ref.id, {
            kind: 'stoich',
            path: `reactions[${i}].${list}[${k}]`,
            constant: ref.constant !== false,
          });
        }
      });
    };
    refs('reactants');
    refs('products');
  });
  (model.doses ?? []).forEach((d, i) => {
    add(d.id, { kind: 'dose', path: `doses[${i}]`, constant: false });
  });
  return syms;
}

function finite(v: number, path: string, what: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new ModelError(`${what} must be a finite number, got ${String(v)}`, { path });
  }
}

/** Validates `model`; throws ModelError naming the path of the first problem found. */
export function validate(model: Model): void {
  const syms = symbolTable(model);
  const functions = checkFunctions(model.functions ?? []);
  for (const f of functions.keys()) {
    if (syms.has(f)) throw new ModelError(`function id '${f}' is also a model symbol`, { path: 'functions' });
  }
  const rules = model.rules ?? [];
  const ias = model.initialAssignments ?? [];
  const assigned = new Map<string, string>(); // variable -> path of its assignment rule
  const rated = new Map<string, string>();
  const initial = new Set(ias.map((a) => a.variable));
  rules.forEach((r, i) => {
    if (r.kind === 'assignment') assigned.set(r.variable, `rules[${i}]`);
    if (r.kind === 'rate') rated.set(r.variable, `rules[${i}]`);
  });
  const global = { has: (id: string) => syms.has(id), functions };
  const math = (e: Expr, path: string): void => checkExpr(e, path, global);
  /** Values may be NaN when something else defines them at t0. */
  const valueDefined = (id: string): boolean => assigned.has(id) || initial.has(id);

  model.compartments.forEach((c, i) => {
    if (!valueDefined(c.id)) finite(c.size, `compartments[${i}].size`, 'size');
    if (c.size < 0) throw new ModelError('size must not be negative', { path: `compartments[${i}].size` });
  });
  model.species.forEach((s, i) => {
    const path = `species[${i}]`;
    const comp = syms.get(s.compartment);
    if (comp?.kind !== 'compartment') {
      throw new ModelError(`unknown compartment '${s.compartment}'`, { path: `${path}.compartment` });
    }
    if (!valueDefined(s.id)) finite(s.initial, `${path}.initial`, 'initial value');
    // Negative amounts are allowed, as SBML allows them (membrane potentials are often species);
    // stochastic methods still need counts >= 0 (engines/ssa/validate.ts).
    if (s.conversionFactor !== undefined) checkFactor(s.conversionFactor, `${path}.conversionFactor`);
  });
  if (model.conversionFactor !== undefined) checkFactor(model.conversionFactor, 'conversionFactor');
  function checkFactor(id: string, path: string): void {
    if (syms.get(id)?.kind !== 'parameter') throw new ModelError(`unknown parameter '${id}'`, { path });
  }
  // +-Infinity is accepted only for a parameter used solely as a truncation bound of random draws.
  const infiniteOk = model.parameters.some((p) => Math.abs(p.value) === Number.POSITIVE_INFINITY)
    ? truncationBoundIds(model)
    : new Set<string>();
  model.parameters.forEach((p, i) => {
    const openBound = Math.abs(p.value) === Number.POSITIVE_INFINITY && infiniteOk.has(p.id);
    if (!valueDefined(p.id) && !openBound) finite(p.value, `parameters[${i}].value`, 'value');
    if (p.range !== undefined) {
      const [lo, hi] = p.range;
      finite(lo, `parameters[${i}].range`, 'range bound');
      finite(hi, `parameters[${i}].range`, 'range bound');
      if (lo > hi)
        throw new ModelError(`range [${lo}, ${hi}] is reversed`, { path: `parameters[${i}].range` });
    }
  });
  const reacting = new Set<string>();
  model.reactions.forEach((r, i) => {
    const path = `reactions[${i}]`;
    const locals = new Set<string>();
    (r.localParameters ?? []).forEach((lp, k) => {
      const lpath = `${path}.localParameters[${k}]`;
      if (!ID_PATTERN.test(lp.id)) throw new ModelError(`invalid id '${lp.id}'`, { path: lpath });
      if (locals.has(lp.id)) throw new ModelError(`duplicate local parameter '${lp.id}'`, { path: lpath });
      locals.add(lp.id);
      finite(lp.value, `${lpath}.value`, 'value');
    });
    for (const list of ['reactants', 'products'] as const) {
      r[list].forEach((ref, k) => {
        const rpath = `${path}.${list}[${k}]`;
        const s = syms.get(ref.species);
        if (s?.kind !== 'species')
          throw new ModelError(`unknown species '${ref.species}'`, { path: `${rpath}.species` });
        const st = ref.stoichiometry ?? 1;
        if (!(ref.id !== undefined && valueDefined(ref.id)))
          finite(st, `${rpath}.stoichiometry`, 'stoichiometry');
        const sp = model.species.find((x) => x.id === ref.species)!;
        if (!sp.boundary && !sp.constant) reacting.add(sp.id);
      });
    }
    (r.modifiers ?? []).forEach((m, k) => {
      if (syms.get(m)?.kind !== 'species') {
        throw new ModelError(`unknown species '${m}'`, { path: `${path}.modifiers[${k}]` });
      }
    });
    checkExpr(r.rate, `${path}.rate`, { has: (id) => locals.has(id) || syms.has(id), functions });
  });

  const target = (id: string, path: string, what: string, allowConstant = false): void => {
    const s = syms.get(id);
    if (s === undefined) throw new ModelError(`unknown id '${id}'`, { path });
    if (s.kind === 'reaction' || s.kind === 'dose')
      throw new ModelError(`${what} cannot set ${s.kind} '${id}'`, { path });
    if (s.constant && !allowConstant) throw new ModelError(`${what} to constant ${s.kind} '${id}'`, { path });
  };
  rules.forEach((r, i) => {
    const path = `rules[${i}]`;
    if (r.kind !== 'algebraic') {
      target(r.variable, `${path}.variable`, `${r.kind} rule`);
      const other = r.kind === 'assignment' ? rated.get(r.variable) : assigned.get(r.variable);
      if (other !== undefined) {
        throw new ModelError(`'${r.variable}' has both an assignment rule and a rate rule (${other})`, {
          path,
        });
      }
      const first = rules.findIndex(
        (q) => q.kind !== 'algebraic' && q.kind === r.kind && q.variable === r.variable,
      );
      if (first !== i)
        throw new ModelError(`'${r.variable}' already has a ${r.kind} rule (rules[${first}])`, { path });
      if (r.kind === 'assignment' && initial.has(r.variable)) {
        throw new ModelError(`'${r.variable}' has both an assignment rule and an initial assignment`, {
          path,
        });
      }
      if (r.kind === 'rate' && reacting.has(r.variable) && syms.get(r.variable)?.kind === 'species') {
        throw new ModelError(`rate rule on species '${r.variable}' that reactions also change`, { path });
      }
    }
    math(r.math, `${path}.math`);
  });
  ias.forEach((a, i) => {
    target(a.variable, `initialAssignments[${i}].variable`, 'initial assignment', true);
    if (ias.findIndex((b) => b.variable === a.variable) !== i) {
      throw new ModelError(`'${a.variable}' has two initial assignments`, {
        path: `initialAssignments[${i}]`,
      });
    }
    math(a.math, `initialAssignments[${i}].math`);
  });
  const eventIds = new Set<string>();
  (model.events ?? []).forEach((ev, i) => {
    const path = `events[${i}]`;
    if (!ID_PATTERN.test(ev.id)) throw new ModelError(`invalid id '${ev.id}'`, { path: `${path}.id` });
    if (syms.has(ev.id) || eventIds.has(ev.id) || functions.has(ev.id)) {
      throw new ModelError(`duplicate id '${ev.id}'`, { path: `${path}.id` });
    }
    eventIds.add(ev.id);
    math(ev.trigger, `${path}.trigger`);
    if (ev.delay !== undefined) math(ev.delay, `${path}.delay`);
    if (ev.priority !== undefined) math(ev.priority, `${path}.priority`);
    ev.assignments.forEach((a, k) => {
      const apath = `${path}.assignments[${k}]`;
      target(a.variable, `${apath}.variable`, 'event assignment');
      if (assigned.has(a.variable)) {
        throw new ModelError(`event assignment to '${a.variable}', which has an assignment rule`, {
          path: apath,
        });
      }
      math(a.math, `${apath}.math`);
    });
  });
  (model.doses ?? []).forEach((d, i) => {
    validateDose(d, `doses[${i}]`, syms, assigned);
  });
  checkRuleCycles(model);
}

function validateDose(
  d: NonNullable<Model['doses']>[number],
  path: string,
  syms: Map<string, SymbolInfo>,
  assigned: Map<string, string>,
): void {
  const s = syms.get(d.target);
  if (s === undefined || (s.kind !== 'species' && s.kind !== 'parameter')) {
    throw new ModelError(`dose target '${d.target}' must be a species or a parameter`, {
      path: `${path}.target`,
    });
  }
  if (s.kind === 'species' && s.constant)
    throw new ModelError(`dose to constant species '${d.target}'`, { path });
  if (assigned.has(d.target))
    throw new ModelError(`dose to '${d.target}', which has an assignment rule`, { path });
  finite(d.amount, `${path}.amount`, 'amount');
  if (d.amount < 0) throw new ModelError('negative dose amount', { path: `${path}.amount` });
  if (!Number.isInteger(d.count) || d.count < 0) {
    throw new ModelError(`count must be a non-negative integer, got ${d.count}`, { path: `${path}.count` });
  }
  finite(d.start, `${path}.start`, 'start');
  if (d.count > 1 && (d.every === undefined || !(d.every > 0) || !Number.isFinite(d.every))) {
    throw new ModelError('repeated doses need every > 0', { path: `${path}.every` });
  }
  if (d.amounts !== undefined) {
    if (d.amounts.length !== d.count) {
      throw new ModelError(`amounts has ${d.amounts.length} entries for ${d.count} doses`, {
        path: `${path}.amounts`,
      });
    }
    d.amounts.forEach((a, k) => {
      finite(a, `${path}.amounts[${k}]`, 'amount');
      if (a < 0) throw new ModelError('negative dose amount', { path: `${path}.amounts[${k}]` });
    });
  }
  if (d.route === 'infusion') {
    if (d.duration === undefined || !(d.duration > 0) || !Number.isFinite(d.duration)) {
      throw new ModelError('an infusion needs duration > 0', { path: `${path}.duration` });
    }
  } else if (d.route !== 'bolus') {
    throw new ModelError(`route must be 'bolus' or 'infusion', got '${String(d.route)}'`, {
      path: `${path}.route`,
    });
  }
}

/** Cycles among assignment rules (through reaction rates too); names the cycle. */
function checkRuleCycles(model: Model): void {
  const defs = new Map<string, Expr>();
  for (const r of model.rules ?? []) if (r.kind === 'assignment') defs.set(r.variable, r.math);
  const cycle = findCycle(defs, model.functions ?? []);
  if (cycle !== null)
    throw new ModelError(`cycle in assignment rules: ${cycle.join(' -> ')}`, { path: 'rules' });
}

/** A cycle among definitions `defs` (id -> math), or null. Ids without a definition are leaves. */
export function findCycle(
  defs: ReadonlyMap<string, Expr>,
  _functions: readonly FunctionDef[] = [],
): string[] | null {
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  let found: string[] | null = null;
  const visit = (id: string): void => {
    state.set(id, 1);
    stack.push(id);
    for (const dep of collectIds(defs.get(id)!)) {
      if (found !== null) return;
      if (!defs.has(dep)) continue;
      const s = state.get(dep);
      if (s === 1) {
        found = [...stack.slice(stack.indexOf(dep)), dep];
        return;
      }
      if (s === undefined) visit(dep);
    }
    stack.pop();
    state.set(id, 2);
  };
  for (const id of defs.keys()) {
    if (found === null && !state.has(id)) visit(id);
  }
  return found;
}
