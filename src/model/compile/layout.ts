/**
 * Storage layout: where each model symbol lives at run time.
 * - state `y`: every species (amounts) not set by an assignment rule, then compartments, parameters and
 *   stoichiometry ids that change (rate rules, events, doses, initial assignments, algebraic rules), then one
 *   zero-order input rate per infusion regimen (id = dose id);
 * - parameters `p`: the value of every compartment, parameter and stoichiometry id not set by an assignment
 *   rule (for state quantities it is the initial value), then local parameters as `reaction.local`;
 * - work `w`: assignment-rule variables and reaction fluxes, recomputed at each call in dependency order.
 */
import { ModelError } from '../../errors.js';
import { checkFunctions } from '../expr/check.js';
import { RANDOM } from '../expr/ops.js';
import { collectIds, inlineCalls, some, substitute } from '../expr/transform.js';
import type { Compartment, Dose, Expr, FunctionDef, Model, Species } from '../types.js';
import { type SymbolInfo, symbolTable } from '../validate.js';

export interface AlgebraicRow {
  readonly variable: string;
  readonly math: Expr;
}

export interface Layout {
  readonly model: Model;
  readonly syms: ReadonlyMap<string, SymbolInfo>;
  readonly functions: ReadonlyMap<string, FunctionDef>;
  readonly stateIds: string[];
  readonly stateIndex: Map<string, number>;
  readonly paramIds: string[];
  readonly paramIndex: Map<string, number>;
  readonly p0: Float64Array;
  /** Assignment-rule variable -> w slot. */
  readonly ruleW: Map<string, number>;
  /** Reaction index -> w slot of its flux. */
  readonly fluxW: number[];
  readonly nW: number;
  readonly species: ReadonlyMap<string, Species>;
  readonly compartments: ReadonlyMap<string, Compartment>;
  readonly assignRules: ReadonlyMap<string, Expr>;
  readonly rateRules: ReadonlyMap<string, Expr>;
  readonly initialAssignments: ReadonlyMap<string, Expr>;
  readonly algebraic: readonly AlgebraicRow[];
  readonly infusions: readonly Dose[];
  /** Species changed by reactions (neither boundary nor constant, in some reaction). */
  readonly reacting: ReadonlySet<string>;
  /** Reaction rates with function calls inlined and local parameters bound to `#p<k>` slots. */
  readonly rates: readonly Expr[];
  /** Parameters set only by an initial assignment of constants: rule-like slots (in assignRules), not output. */
  readonly derived: ReadonlySet<string>;
}

/** Builds the layout of a validated model. */
export function layout(model: Model): Layout {
  const syms = symbolTable(model);
  const functions = checkFunctions(model.functions ?? []);
  const assignRules = new Map<string, Expr>();
  const rateRules = new Map<string, Expr>();
  const algebraicMath: Expr[] = [];
  for (const r of model.rules ?? []) {
    if (r.kind === 'assignment') assignRules.set(r.variable, inlineCalls(r.math, functions));
    else if (r.kind === 'rate') rateRules.set(r.variable, inlineCalls(r.math, functions));
    else algebraicMath.push(inlineCalls(r.math, functions));
  }
  const initialAssignments = new Map<string, Expr>();
  for (const a of model.initialAssignments ?? [])
    initialAssignments.set(a.variable, inlineCalls(a.math, functions));
  const species = new Map(model.species.map((s) => [s.id, s]));
  const compartments = new Map(model.compartments.map((c) => [c.id, c]));
  const reacting = new Set<string>();
  for (const r of model.reactions) {
    for (const ref of [...r.reactants, ...r.products]) {
      const s = species.get(ref.species)!;
      if (!s.boundary && !s.constant) reacting.add(s.id);
    }
  }
  const doses = model.doses ?? [];
  const infusions = doses.filter((d) => d.route === 'infusion');
  const eventTargets = new Set<string>();
  for (const e of model.events ?? []) for (const a of e.assignments) eventTargets.add(a.variable);
  for (const d of doses) eventTargets.add(d.target);

  const algebraic = chooseAlgebraic(algebraicMath, syms, assignRules, rateRules, reacting);
  const algebraicVars = new Set(algebraic.map((a) => a.variable));
  const changes = (id: string): boolean =>
    rateRules.has(id) || eventTargets.has(id) || initialAssignments.has(id) || algebraicVars.has(id);
  // Parameters set only by an initial assignment of constants hold their t0 value for ever: they become
  // rule-like work slots (observable by id, computed where math reads them), neither states nor default output.
  const derived = derivedConstants(
    model,
    syms,
    initialAssignments,
    (id) => rateRules.has(id) || eventTargets.has(id) || algebraicVars.has(id) || assignRules.has(id),
  );
  for (const [v, e] of derived) {
    assignRules.set(v, e);
    initialAssignments.delete(v);
  }

  const stateIds: string[] = [];
  for (const s of model.species) if (!assignRules.has(s.id)) stateIds.push(s.id);
  const others: string[] = [];
  for (const c of model.compartments) others.push(c.id);
  for (const p of model.parameters) others.push(p.id);
  const stoichIds: string[] = [];
  for (const r of model.reactions) {
    for (const ref of [...r.reactants, ...r.products]) if (ref.id !== undefined) stoichIds.push(ref.id);
  }
  others.push(...stoichIds);
  for (const id of others) if (!assignRules.has(id) && changes(id)) stateIds.push(id);
  for (const d of infusions) stateIds.push(d.id);

  const paramIds: string[] = [];
  const p0: number[] = [];
  const value = new Map<string, number>();
  for (const c of model.compartments) value.set(c.id, c.size);
  for (const p of model.parameters) value.set(p.id, p.value);
  for (const r of model.reactions) {
    for (const ref of [...r.reactants, ...r.products])
      if (ref.id !== undefined) value.set(ref.id, ref.stoichiometry ?? 1);
  }
  for (const id of others) {
    if (assignRules.has(id)) continue;
    paramIds.push(id);
    p0.push(value.get(id)!);
  }
  const rates: Expr[] = model.reactions.map((r) => {
    const local = new Map<string, Expr>();
    for (const lp of r.localParameters ?? []) {
      local.set(lp.id, { k: 'id', id: `#p${paramIds.length}` });
      paramIds.push(`${r.id}.${lp.id}`);
      p0.push(lp.value);
    }
    return substitute(inlineCalls(r.rate, functions), (id) => local.get(id));
  });

  const ruleW = new Map<string, number>();
  for (const id of assignRules.keys()) ruleW.set(id, ruleW.size);
  const fluxW = model.reactions.map((_, j) => ruleW.size + j);
  return {
    model,
    syms,
    functions,
    stateIds,
    stateIndex: new Map(stateIds.map((id, i) => [id, i])),
    paramIds,
    paramIndex: new Map(paramIds.map((id, i) => [id, i])),
    p0: Float64Array.from(p0),
    ruleW,
    fluxW,
    nW: ruleW.size + fluxW.length,
    species,
    compartments,
    assignRules,
    rateRules,
    initialAssignments,
    algebraic,
    infusions,
    reacting,
    rates,
    derived: new Set(derived.keys()),
  };
}

/**
 * Parameters whose only change is an initial assignment reading nothing but constants (parameters and
 * compartments that never change, numbers, other such parameters; no species, time, delay, rateOf or random
 * draw), found by removing candidates until every remaining one reads only constants.
 */
function derivedConstants(
  model: Model,
  syms: ReadonlyMap<string, SymbolInfo>,
  initialAssignments: ReadonlyMap<string, Expr>,
  changedOtherwise: (id: string) => boolean,
): Map<string, Expr> {
  const out = new Map<string, Expr>();
  const notConstantMath = (x: Expr): boolean =>
    x.k === 'time' || (x.k === 'op' && (x.op === 'delay' || x.op === 'rateOf' || RANDOM.has(x.op)));
  for (const p of model.parameters) {
    const e = initialAssignments.get(p.id);
    if (e !== undefined && !changedOtherwise(p.id) && !some(e, notConstantMath)) out.set(p.id, e);
  }
  const constant = (id: string): boolean => {
    if (out.has(id)) return true;
    const s = syms.get(id);
    if (s === undefined || (s.kind !== 'parameter' && s.kind !== 'compartment')) return false;
    return !changedOtherwise(id) && !initialAssignments.has(id);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const [v, e] of out) {
      if ([...collectIds(e)].every(constant)) continue;
      out.delete(v);
      changed = true;
    }
  }
  return out;
}

/**
 * The variable each algebraic rule determines: one that nothing else determines (not constant, no
 * assignment or rate rule, not changed by reactions), matched one-to-one by augmenting paths (Kuhn 1955).
 */
function chooseAlgebraic(
  rules: readonly Expr[],
  syms: ReadonlyMap<string, SymbolInfo>,
  assignRules: ReadonlyMap<string, Expr>,
  rateRules: ReadonlyMap<string, Expr>,
  reacting: ReadonlySet<string>,
): AlgebraicRow[] {
  const candidates = rules.map((e) =>
    [...collectIds(e)].filter((id) => {
      const s = syms.get(id);
      if (s === undefined || s.constant || s.kind === 'reaction' || s.kind === 'dose') return false;
      return !assignRules.has(id) && !rateRules.has(id) && !reacting.has(id);
    }),
  );
  const owner = new Map<string, number>();
  const tryRule = (i: number, seen: Set<string>): boolean => {
    for (const v of candidates[i]!) {
      if (seen.has(v)) continue;
      seen.add(v);
      const o = owner.get(v);
      if (o === undefined || tryRule(o, seen)) {
        owner.set(v, i);
        return true;
      }
    }
    return false;
  };
  rules.forEach((_, i) => {
    if (!tryRule(i, new Set())) {
      throw new ModelError('algebraic rule determines no free variable (overdetermined model)', {
        path: `rules (algebraic rule ${i + 1})`,
      });
    }
  });
  const rows: AlgebraicRow[] = [];
  for (const [variable, i] of owner) rows[i] = { variable, math: rules[i]! };
  return rows;
}
