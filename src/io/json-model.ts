/**
 * JSON model files: the model value as JSON, with math given either as Expr objects or as infix strings.
 * Loading checks the shape field by field and names the place (`model.json: reactions[1].rate: expected a
 * string or expression object`); malformed JSON reports file, line and column. Consistency (unknown ids,
 * cycles) is checked later by validate / compile. Browser-safe (no file access): json.ts adds reading a file.
 */
import { InputError } from '../errors.js';
import { checkExpr } from '../model/expr/check.js';
import { MAX_DEPTH, parseExpr } from '../model/expr/parse.js';
import type { Model } from '../model/types.js';

type Obj = Record<string, unknown>;

class Shape {
  constructor(private readonly file: string) {}
  fail(path: string, msg: string): never {
    throw new InputError(msg, { file: this.file, path });
  }
  obj(x: unknown, path: string): Obj {
    if (typeof x !== 'object' || x === null || Array.isArray(x)) this.fail(path, 'expected an object');
    return x as Obj;
  }
  arr(x: unknown, path: string, optional = false): unknown[] {
    if (x === undefined && optional) return [];
    if (!Array.isArray(x)) this.fail(path, 'expected an array');
    return x;
  }
  str(o: Obj, key: string, path: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string') this.fail(`${path}.${key}`, 'expected a string');
  }
  num(o: Obj, key: string, path: string, optional = false): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'number') this.fail(`${path}.${key}`, 'expected a number');
  }
  bool(o: Obj, key: string, path: string): void {
    const v = o[key];
    if (v !== undefined && typeof v !== 'boolean') this.fail(`${path}.${key}`, 'expected true or false');
  }
  oneOf(o: Obj, key: string, path: string, values: readonly string[], optional = true): void {
    const v = o[key];
    if (v === undefined && optional) return;
    if (typeof v !== 'string' || !values.includes(v)) {
      this.fail(`${path}.${key}`, `expected one of ${values.map((s) => `'${s}'`).join(', ')}`);
    }
  }
  /** Replaces o[key] (string or Expr object) by a checked Expr. */
  math(o: Obj, key: string, path: string, optional = false): void {
    const v = o[key];
    const p = `${path}.${key}`;
    if (v === undefined && optional) return;
    if (typeof v === 'string') {
      try {
        o[key] = parseExpr(v);
      } catch (e) {
        this.fail(p, (e as Error).message);
      }
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      this.fail(p, 'expected a string or expression object');
    try {
      checkExpr(v, p, { has: () => true, functions: null });
    } catch (e) {
      this.fail(p, (e as Error).message.replace(`${p}: `, ''));
    }
  }
}

/** Line and column (1-based) of a character offset. */
function lineCol(text: string, pos: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < pos && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: pos - start + 1 };
}

/**
 * Deepest JSON nesting accepted: an expression object nests two levels (object, args array) per level of
 * the tree, which is at most MAX_DEPTH deep, plus the model around it. JSON.parse is iterative but
 * everything after it (shape checks, JSON.stringify, structuredClone to workers) recurses.
 */
export const MAX_JSON_DEPTH = 2 * MAX_DEPTH + 20;

/** Offset of the first bracket nested deeper than `max` ('[' or '{' outside strings), or -1. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** Path of the first `__proto__` key in parsed JSON (an own property there; a prototype once copied). */
function protoKey(data: unknown): string | undefined {
  const stack: [unknown, string][] = [[data, 'model']];
  while (stack.length > 0) {
    const [x, path] = stack.pop()!;
    if (typeof x !== 'object' || x === null) continue;
    if (Array.isArray(x)) for (let i = 0; i < x.length; i++) stack.push([x[i], `${path}[${i}]`]);
    else
      for (const k of Object.keys(x)) {
        if (k === '__proto__') return `${path}.__proto__`;
        stack.push([(x as Obj)[k], `${path}.${k}`]);
      }
  }
  return undefined;
}

/** Parses and shape-checks a JSON model. `file` names the source in error messages. */
export function loadModelJson(text: string, file = 'model.json'): Model {
  const deep = jsonTooDeep(text);
  if (deep >= 0) {
    const { line, col } = lineCol(text, deep);
    throw new InputError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels at line ${line}, column ${col}`, {
      file,
    });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const { line, col } = lineCol(text, m ? Number(m[1]) : text.length);
    throw new InputError(`malformed JSON at line ${line}, column ${col}: ${msg}`, { file });
  }
  const proto = protoKey(data);
  if (proto !== undefined)
    throw new InputError("key '__proto__' is not allowed (it would set an object's prototype)", {
      file,
      path: proto,
    });
  const S = new Shape(file);
  const model = S.obj(data, 'model');
  S.str(model, 'id', 'model');
  for (const k of ['name', 'notes', 'timeUnit', 'substanceUnit', 'volumeUnit', 'conversionFactor']) {
    S.str(model, k, 'model', true);
  }
  S.bool(model, 'roundInitialCounts', 'model');
  S.arr(model.functions, 'functions', true).forEach((x, i) => {
    const p = `functions[${i}]`;
    const f = S.obj(x, p);
    S.str(f, 'id', p);
    S.arr(f.params, `${p}.params`).forEach((q, k) => {
      if (typeof q !== 'string') S.fail(`${p}.params[${k}]`, 'expected a string');
    });
    S.math(f, 'body', p);
  });
  S.arr(model.compartments, 'compartments').forEach((x, i) => {
    const p = `compartments[${i}]`;
    const c = S.obj(x, p);
    S.str(c, 'id', p);
    S.num(c, 'size', p);
    S.num(c, 'spatialDimensions', p, true);
    S.bool(c, 'constant', p);
  });
  S.arr(model.species, 'species').forEach((x, i) => {
    const p = `species[${i}]`;
    const s = S.obj(x, p);
    S.str(s, 'id', p);
    S.str(s, 'compartment', p);
    S.num(s, 'initial', p);
    S.oneOf(s, 'initialKind', p, ['amount', 'concentration']);
    for (const k of ['hasOnlySubstanceUnits', 'boundary', 'constant']) S.bool(s, k, p);
    S.str(s, 'conversionFactor', p, true);
  });
  S.arr(model.parameters, 'parameters').forEach((x, i) => {
    const p = `parameters[${i}]`;
    const q = S.obj(x, p);
    S.str(q, 'id', p);
    S.num(q, 'value', p);
    S.str(q, 'unit', p);
    S.str(q, 'source', p);
    S.bool(q, 'constant', p);
    if (q.range !== undefined) {
      const r = S.arr(q.range, `${p}.range`);
      if (r.length !== 2 || r.some((v) => typeof v !== 'number')) S.fail(`${p}.range`, 'expected [lo, hi]');
    }
  });
  S.arr(model.reactions, 'reactions').forEach((x, i) => {
    const p = `reactions[${i}]`;
    const r = S.obj(x, p);
    S.str(r, 'id', p);
    for (const list of ['reactants', 'products']) {
      S.arr(r[list], `${p}.${list}`).forEach((y, k) => {
        const rp = `${p}.${list}[${k}]`;
        const ref = S.obj(y, rp);
        S.str(ref, 'species', rp);
        S.num(ref, 'stoichiometry', rp, true);
        S.str(ref, 'id', rp, true);
        S.bool(ref, 'constant', rp);
      });
    }
    S.arr(r.modifiers, `${p}.modifiers`, true).forEach((m, k) => {
      if (typeof m !== 'string') S.fail(`${p}.modifiers[${k}]`, 'expected a string');
    });
    S.math(r, 'rate', p);
    S.arr(r.localParameters, `${p}.localParameters`, true).forEach((y, k) => {
      const lp = S.obj(y, `${p}.localParameters[${k}]`);
      S.str(lp, 'id', `${p}.localParameters[${k}]`);
      S.num(lp, 'value', `${p}.localParameters[${k}]`);
    });
  });
  S.arr(model.rules, 'rules', true).forEach((x, i) => {
    const p = `rules[${i}]`;
    const r = S.obj(x, p);
    S.oneOf(r, 'kind', p, ['assignment', 'rate', 'algebraic'], false);
    if (r.kind !== 'algebraic') S.str(r, 'variable', p);
    S.math(r, 'math', p);
  });
  S.arr(model.initialAssignments, 'initialAssignments', true).forEach((x, i) => {
    const p = `initialAssignments[${i}]`;
    const a = S.obj(x, p);
    S.str(a, 'variable', p);
    S.math(a, 'math', p);
  });
  S.arr(model.events, 'events', true).forEach((x, i) => {
    const p = `events[${i}]`;
    const e = S.obj(x, p);
    S.str(e, 'id', p);
    S.math(e, 'trigger', p);
    S.math(e, 'delay', p, true);
    S.math(e, 'priority', p, true);
    for (const k of ['initialValue', 'persistent', 'useValuesFromTriggerTime']) S.bool(e, k, p);
    S.arr(e.assignments, `${p}.assignments`).forEach((y, k) => {
      const ap = `${p}.assignments[${k}]`;
      const a = S.obj(y, ap);
      S.str(a, 'variable', ap);
      S.math(a, 'math', ap);
    });
  });
  S.arr(model.doses, 'doses', true).forEach((x, i) => {
    const p = `doses[${i}]`;
    const d = S.obj(x, p);
    S.str(d, 'id', p);
    S.str(d, 'target', p);
    S.num(d, 'amount', p);
    S.num(d, 'start', p);
    S.num(d, 'count', p);
    S.num(d, 'every', p, true);
    S.num(d, 'duration', p, true);
    S.oneOf(d, 'route', p, ['bolus', 'infusion'], false);
    if (d.amounts !== undefined) {
      S.arr(d.amounts, `${p}.amounts`).forEach((a, k) => {
        if (typeof a !== 'number') S.fail(`${p}.amounts[${k}]`, 'expected a number');
      });
    }
  });
  return model as unknown as Model;
}

/** The model as JSON text (math as Expr objects, so it reloads exactly). */
export function saveModelJson(model: Model): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
