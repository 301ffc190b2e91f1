import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadModelJson, saveModelJson } from '../../src/io/json.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { validate } from '../../src/model/validate.js';

const src = { unit: '1', source: 'assumed: test' };
const close = (a: number, b: number, tol = 1e-12): void => {
  assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} vs ${b}`);
};

function decay(): Model {
  const m = new ModelBuilder('decay');
  m.compartment('c', 1);
  m.param('k', 0.3, src);
  m.species('A', { compartment: 'c', initial: 5 });
  m.reaction('r', 'A ->', 'k * A');
  return m.build();
}

/** J by central differences of rhs. */
function fdJac(p: ReturnType<typeof compile>, t: number, y: Float64Array): Float64Array {
  const n = p.n;
  const J = new Float64Array(n * n);
  const f1 = new Float64Array(n);
  const f2 = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const h = 1e-6 * Math.max(1, Math.abs(y[j]!));
    const yp = Float64Array.from(y);
    yp[j] = y[j]! + h;
    p.rhs(t, yp, p.p, f1);
    yp[j] = y[j]! - h;
    p.rhs(t, yp, p.p, f2);
    for (let i = 0; i < n; i++) J[i * n + j] = (f1[i]! - f2[i]!) / (2 * h);
  }
  return J;
}

describe('compile', () => {
  it('exponential decay: rhs, jac, rates, stoich, parameters', () => {
    const p = compile(decay());
    assert.deepEqual(p.stateIds, ['A']);
    assert.deepEqual(p.paramIds, ['c', 'k']);
    const y = p.initialState();
    assert.deepEqual([...y], [5]);
    const dy = new Float64Array(1);
    p.rhs(0, y, p.p, dy);
    close(dy[0]!, -1.5);
    const J = new Float64Array(1);
    p.jac!(0, y, p.p, J);
    close(J[0]!, -0.3);
    const q = Float64Array.from(p.p);
    q[p.paramIndex.get('k')!] = 1;
    p.rhs(0, y, q, dy);
    close(dy[0]!, -5);
    assert.equal(p.rate(0, 0, y, p.p), 1.5);
    assert.deepEqual([...p.stoich.val], [-1]);
    assert.deepEqual([...p.dependents.col], [0]);
    assert.equal(p.ratesDependOnTime, false);
  });

  it('A -> B in a growing compartment: amounts, concentrations, rate rule on the compartment', () => {
    const m: Model = {
      id: 'vol',
      compartments: [{ id: 'V', size: 2, constant: false }],
      species: [
        { id: 'A', compartment: 'V', initial: 3, initialKind: 'concentration' },
        { id: 'B', compartment: 'V', initial: 1 },
      ],
      parameters: [{ id: 'k', value: 0.5, unit: '1', source: 'x' }],
      reactions: [
        {
          id: 'r',
          reactants: [{ species: 'A' }],
          products: [{ species: 'B' }],
          rate: parseLater('k * A * V'),
        },
      ],
      rules: [{ kind: 'rate', variable: 'V', math: parseLater('0.1 * V') }],
    };
    const p = compile(m);
    assert.deepEqual(p.stateIds, ['A', 'B', 'V']);
    const y = p.initialState();
    assert.deepEqual([...y], [6, 1, 2]); // A: 3 conc * 2 volume
    const dy = new Float64Array(3);
    p.rhs(0, y, p.p, dy);
    // flux = k * [A] * V = 0.5 * 3 * 2 = 3 (amount/time)
    assert.deepEqual([...dy], [-3, 3, 0.2]);
    const obs = p.observe(['A', 'B', 'r'], { amount: ['A'], concentration: ['B'] });
    const out = new Float64Array(3);
    obs(0, y, p.p, out);
    assert.deepEqual([...out], [6, 0.5, 3]);
    const J = new Float64Array(9);
    p.jac!(0, y, p.p, J);
    const fd = fdJac(p, 0, y);
    for (let i = 0; i < 9; i++) close(J[i]!, fd[i]!, 1e-6);
  });

  it('assignment rule chain, evaluated in dependency order, and initial assignments', () => {
    const m = new ModelBuilder('chain');
    m.compartment('c', 1);
    m.param('k', 2, src);
    m.param('a', 0, { ...src, constant: false });
    m.param('b', 0, { ...src, constant: false });
    m.param('s0', 0, src);
    m.species('S', { compartment: 'c', initial: 1 });
    m.assign('b', 'a * 3'); // declared before a: needs ordering
    m.assign('a', 'k + S');
    m.initial('s0', 'b + 1');
    m.initial('S', 'k * 2');
    m.reaction('r', '-> S', 'b');
    const p = compile(m.build());
    const y = p.initialState();
    assert.deepEqual(p.stateIds, ['S', 's0']);
    assert.deepEqual([...y], [4, 19]); // S = 4; a = 6; b = 18; s0 = 19
    const dy = new Float64Array(2);
    p.rhs(0, y, p.p, dy);
    assert.deepEqual([...dy], [18, 0]);
    assert.deepEqual(p.outputIds, ['S', 's0', 'b', 'a']);
  });

  it('events: trigger, roots, values and assign with concentration conversion', () => {
    const m = new ModelBuilder('ev');
    m.compartment('c', 2);
    m.species('X', { compartment: 'c', initial: 10, amount: false });
    m.param('k', 1, src);
    m.reaction('r', 'X ->', 'k * X');
    m.event('reset', { trigger: 'X < 2 && time > 1', assign: { X: '4' } });
    const p = compile(m.build());
    const ev = p.events[0]!;
    assert.equal(ev.nRoots, 2);
    const y = Float64Array.of(3); // concentration 1.5
    assert.equal(ev.trigger(2, y, p.p), true);
    assert.equal(ev.trigger(0.5, y, p.p), false);
    const r = new Float64Array(3);
    ev.roots(2, y, p.p, r, 1);
    assert.deepEqual([...r], [0, -0.5, 1]);
    const vals = new Float64Array(1);
    ev.values(2, y, p.p, vals);
    ev.assign(2, y, p.p, vals);
    assert.equal(y[0], 8); // 4 concentration * 2 volume
    assert.equal(ev.initialValue, true);
  });

  it('bolus regimen with a loading dose, and an infusion with tstops', () => {
    const m = decay();
    const model: Model = {
      ...m,
      doses: [
        { id: 'b', target: 'A', amount: 2, amounts: [4, 2, 2], start: 1, every: 7, count: 3, route: 'bolus' },
        { id: 'inf', target: 'A', amount: 6, start: 0, every: 10, count: 2, route: 'infusion', duration: 3 },
      ],
    };
    const p = compile(model);
    assert.deepEqual(p.stateIds, ['A', 'inf']);
    assert.deepEqual(
      p.events.map((e) => [e.id, [...e.fixedTimes!]]),
      [
        ['b[0]', [1]],
        ['b[1]', [8, 15]],
        ['inf:start', [0, 10]],
        ['inf:end', [3, 13]],
      ],
    );
    assert.deepEqual([...p.tstops], [0, 3, 10, 13]);
    const y = p.initialState();
    const vals = new Float64Array(1);
    const fire = (k: number): void => {
      const e = p.events[k]!;
      e.values(0, y, p.p, vals);
      e.assign(0, y, p.p, vals);
    };
    fire(0);
    assert.equal(y[0], 9);
    fire(2);
    assert.equal(y[1], 2); // 6 over 3 time units
    const dy = new Float64Array(2);
    p.rhs(0, y, p.p, dy);
    close(dy[0]!, -0.3 * 9 + 2);
    fire(3);
    assert.equal(y[1], 0);
    assert.equal(p.ratesDependOnTime, true);
  });

  it('algebraic rule: mass matrix and residual row', () => {
    const m: Model = {
      id: 'alg',
      compartments: [{ id: 'c', size: 1 }],
      species: [{ id: 'S', compartment: 'c', initial: 2, hasOnlySubstanceUnits: true }],
      parameters: [{ id: 'x', value: 0, unit: '1', source: 's', constant: false }],
      reactions: [],
      rules: [{ kind: 'algebraic', math: parseLater('x - 2 * S') }],
    };
    const p = compile(m);
    assert.deepEqual(p.stateIds, ['S', 'x']);
    assert.deepEqual([...p.mass!], [1, 0]);
    const dy = new Float64Array(2);
    p.rhs(0, Float64Array.of(2, 1), p.p, dy);
    assert.deepEqual([...dy], [0, -3]);
  });

  it('delay() reads the installed history, the initial state before t0', () => {
    const m = decay();
    const model: Model = { ...m, reactions: [{ ...m.reactions[0]!, rate: parseLater('k * delay(A, 2)') }] };
    const p = compile(model);
    assert.equal(p.hasDelays, true);
    const dy = new Float64Array(1);
    p.rhs(1, Float64Array.of(1), p.p, dy);
    close(dy[0]!, -0.3 * 5); // t - 2 < 0: initial A = 5
    p.setHistory((t, out) => {
      out[0] = 100 + t;
    });
    p.rhs(3, Float64Array.of(1), p.p, dy);
    close(dy[0]!, -0.3 * 101);
    assert.equal(p.jac, undefined);
  });

  it('rateOf, local parameters, variable stoichiometry, conversion factors', () => {
    const model: Model = {
      id: 'misc',
      compartments: [{ id: 'c', size: 1 }],
      species: [
        { id: 'A', compartment: 'c', initial: 2, conversionFactor: 'cf' },
        { id: 'B', compartment: 'c', initial: 0 },
      ],
      parameters: [
        { id: 'cf', value: 3, unit: '1', source: 's' },
        { id: 'k', value: 99, unit: '1', source: 's' },
        { id: 'q', value: 0, unit: '1', source: 's', constant: false },
      ],
      reactions: [
        {
          id: 'r',
          reactants: [{ species: 'A' }],
          products: [{ species: 'B', id: 'nB', stoichiometry: 2, constant: false }],
          rate: parseLater('k * A'),
          localParameters: [{ id: 'k', value: 0.5 }],
        },
      ],
      rules: [{ kind: 'rate', variable: 'q', math: parseLater('rateOf(A) + nB') }],
    };
    const p = compile(model);
    assert.ok(p.paramIds.includes('r.k'));
    const y = p.initialState();
    const dy = new Float64Array(p.n);
    p.rhs(0, y, p.p, dy);
    const i = (s: string): number => p.stateIndex.get(s)!;
    close(dy[i('A')]!, -3 * 0.5 * 2);
    close(dy[i('B')]!, 2 * 0.5 * 2);
    close(dy[i('q')]!, -3 + 2);
  });
});

describe('validate', () => {
  const base = (): Model => decay();
  const bad = (m: Model, re: RegExp): void => {
    assert.throws(
      () => validate(m),
      (e: Error) => e.name === 'ModelError' && re.test(e.message),
    );
  };
  it('names the path of each problem', () => {
    const m = base();
    bad(
      { ...m, reactions: [{ ...m.reactions[0]!, rate: parseLater('k * X') }] },
      /^reactions\[0\]\.rate: unknown id 'X'$/,
    );
    bad(
      { ...m, species: [{ ...m.species[0]!, compartment: 'nowhere' }] },
      /^species\[0\]\.compartment: unknown compartment 'nowhere'$/,
    );
    bad(
      { ...m, parameters: [{ ...m.parameters[0]!, value: Number.NaN }] },
      /^parameters\[0\]\.value: value must be a finite number, got NaN$/,
    );
    bad(
      { ...m, parameters: [...m.parameters, { id: 'A', value: 1, unit: '1', source: 's' }] },
      /duplicate id 'A' \(first declared at species\[0\]\)/,
    );
    bad(
      { ...m, doses: [{ id: 'd', target: 'A', amount: -1, start: 0, count: 1, route: 'bolus' }] },
      /^doses\[0\]\.amount: negative dose amount$/,
    );
    bad(
      { ...m, doses: [{ id: 'd', target: 'A', amount: 1, start: 0, count: -2, route: 'bolus' }] },
      /^doses\[0\]\.count: count must be a non-negative integer/,
    );
    bad(
      { ...m, rules: [{ kind: 'assignment', variable: 'k', math: parseLater('1') }] },
      /^rules\[0\]\.variable: assignment rule to constant parameter 'k'$/,
    );
    const v = (id: string) => ({ id, value: 0, unit: '1', source: 's', constant: false });
    bad(
      {
        ...m,
        parameters: [...m.parameters, v('x'), v('y'), v('z')],
        rules: [
          { kind: 'assignment', variable: 'x', math: parseLater('y + 1') },
          { kind: 'assignment', variable: 'y', math: parseLater('z * 2') },
          { kind: 'assignment', variable: 'z', math: parseLater('x') },
        ],
      },
      /^rules: cycle in assignment rules: x -> y -> z -> x$/,
    );
    bad(
      {
        ...m,
        parameters: [...m.parameters, v('x')],
        rules: [
          { kind: 'assignment', variable: 'x', math: parseLater('1') },
          { kind: 'rate', variable: 'x', math: parseLater('1') },
        ],
      },
      /both an assignment rule and a rate rule/,
    );
    validate(m);
  });
});

describe('JSON model files', () => {
  it('round-trips and accepts infix strings', () => {
    const m = decay();
    const text = saveModelJson(m);
    assert.deepEqual(loadModelJson(text), JSON.parse(JSON.stringify(m)));
    const withText = JSON.parse(text);
    withText.reactions[0].rate = 'k * A';
    assert.deepEqual(loadModelJson(JSON.stringify(withText)).reactions[0]!.rate, m.reactions[0]!.rate);
  });
  it('reports precise places', () => {
    const obj = JSON.parse(saveModelJson(decay()));
    obj.reactions[0].rate = 42;
    assert.throws(() => loadModelJson(JSON.stringify(obj)), {
      message: 'model.json: reactions[0].rate: expected a string or expression object',
    });
    obj.reactions[0].rate = 'k * (A';
    assert.throws(
      () => loadModelJson(JSON.stringify(obj), 'm.json'),
      /: m\.json: reactions\[0\]\.rate: expected '\)' at column 7/,
    );
    assert.throws(
      () => loadModelJson('{\n  "id": "x",\n  oops\n}', 'f.json'),
      /: f\.json: malformed JSON at line 3, column 3/,
    );
  });
});

import { parseExpr } from '../../src/model/expr/parse.js';

function parseLater(s: string) {
  return parseExpr(s);
}
