/**
 * Import-time reference checks: every id used by a reaction, rule, assignment or math expression
 * must name something in the model (SBML L3V2 section 3.3: the global SId namespace, with local
 * parameters shadowing inside their kinetic law and lambda bound variables inside function bodies).
 */
import { InputError } from '../../errors.js';
import type { Expr, Model } from '../../model/types.js';
import { visitRefs } from './refs.js';

export function checkReferences(model: Model, file: string | undefined): void {
  const fail = (where: string, message: string): never => {
    throw new InputError(`${where}: ${message}`, { file });
  };
  const kinds = new Map<string, string>();
  const declare = (id: string, kind: string): void => {
    const prev = kinds.get(id);
    if (prev !== undefined) fail(`${kind} '${id}'`, `id already used by a ${prev}`);
    kinds.set(id, kind);
  };
  const fnArity = new Map<string, number>();
  for (const f of model.functions ?? []) {
    declare(f.id, 'functionDefinition');
    fnArity.set(f.id, f.params.length);
  }
  for (const c of model.compartments) declare(c.id, 'compartment');
  for (const s of model.species) declare(s.id, 'species');
  for (const p of model.parameters) declare(p.id, 'parameter');
  for (const r of model.reactions) {
    declare(r.id, 'reaction');
    for (const sr of [...r.reactants, ...r.products])
      if (sr.id !== undefined) declare(sr.id, 'speciesReference');
  }

  const isValue = (id: string): boolean => {
    const k = kinds.get(id);
    return k !== undefined && k !== 'functionDefinition';
  };
  const checkMath = (e: Expr, where: string, local?: ReadonlySet<string>): void => {
    visitRefs(
      e,
      (id) => {
        if (local?.has(id)) return;
        if (!isValue(id)) fail(where, `unknown identifier '${id}' in math`);
      },
      (fn) => {
        if (!fnArity.has(fn)) fail(where, `call of unknown function '${fn}'`);
      },
    );
    checkCalls(e, where);
  };
  const checkCalls = (e: Expr, where: string): void => {
    if (e.k === 'call' && fnArity.get(e.fn) !== e.args.length)
      fail(where, `function '${e.fn}' takes ${fnArity.get(e.fn)} argument(s), called with ${e.args.length}`);
    if (e.k === 'op' || e.k === 'call') for (const a of e.args) checkCalls(a, where);
    if (e.k === 'piecewise') {
      for (const p of e.pieces) {
        checkCalls(p.value, where);
        checkCalls(p.cond, where);
      }
      if (e.otherwise) checkCalls(e.otherwise, where);
    }
  };
  const assignable = (id: string, where: string): void => {
    const k = kinds.get(id);
    if (k === undefined) fail(where, `unknown variable '${id}'`);
    if (k !== 'compartment' && k !== 'species' && k !== 'parameter' && k !== 'speciesReference')
      fail(where, `'${id}' is a ${k} and cannot be assigned`);
  };
  const needKind = (id: string, kind: string, where: string): void => {
    if (kinds.get(id) !== kind) fail(where, `unknown ${kind} '${id}'`);
  };

  for (const f of model.functions ?? []) {
    const params = new Set(f.params);
    visitRefs(
      f.body,
      (id) => {
        if (!params.has(id))
          fail(`functionDefinition '${f.id}'`, `unknown identifier '${id}' (not a bound variable)`);
      },
      (fn) => {
        if (!fnArity.has(fn)) fail(`functionDefinition '${f.id}'`, `call of unknown function '${fn}'`);
      },
    );
  }
  for (const s of model.species) {
    needKind(s.compartment, 'compartment', `species '${s.id}'`);
    if (s.conversionFactor !== undefined)
      needKind(s.conversionFactor, 'parameter', `species '${s.id}' conversionFactor`);
  }
  if (model.conversionFactor !== undefined)
    needKind(model.conversionFactor, 'parameter', 'model conversionFactor');
  for (const r of model.reactions) {
    const where = `reaction '${r.id}'`;
    for (const sr of [...r.reactants, ...r.products]) needKind(sr.species, 'species', where);
    for (const m of r.modifiers ?? []) needKind(m, 'species', `${where} modifier`);
    checkMath(r.rate, `${where} kineticLaw`, new Set((r.localParameters ?? []).map((p) => p.id)));
  }
  for (const rule of model.rules ?? []) {
    if (rule.kind === 'algebraic') checkMath(rule.math, 'algebraicRule');
    else {
      const where = `${rule.kind}Rule '${rule.variable}'`;
      assignable(rule.variable, where);
      checkMath(rule.math, where);
    }
  }
  for (const ia of model.initialAssignments ?? []) {
    const where = `initialAssignment '${ia.variable}'`;
    assignable(ia.variable, where);
    checkMath(ia.math, where);
  }
  for (const ev of model.events ?? []) {
    const where = `event '${ev.id}'`;
    checkMath(ev.trigger, `${where} trigger`);
    if (ev.delay) checkMath(ev.delay, `${where} delay`);
    if (ev.priority) checkMath(ev.priority, `${where} priority`);
    for (const a of ev.assignments) {
      assignable(a.variable, `${where} eventAssignment`);
      checkMath(a.math, `${where} eventAssignment '${a.variable}'`);
    }
  }
}
