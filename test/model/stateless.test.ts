/**
 * The compiled problem holds no per-solve state: random streams (SBML distrib) and delay histories live in
 * each solve's own context (Problem.bind), so solves are seeded, never share a stream and leave nothing behind.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { InputError } from '../../src/errors.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';

const src = { unit: '1', source: 'assumed: test' };

/** X' = -k X with a random initial X (uniform(10, 20)) and a random kick at t = 1 (X += normal(0, 1)). */
function distribModel() {
  const m = new ModelBuilder('distrib');
  m.compartment('c', 1);
  m.param('k', 0.5, src);
  m.species('X', { compartment: 'c', initial: 0 });
  m.initial('X', 'uniform(10, 20)');
  m.reaction('decay', 'X ->', 'k * X');
  m.event('kick', { trigger: 'time >= 1', assign: { X: 'X + normal(0, 1)' } });
  return compile(m.build());
}

const run = (p: ReturnType<typeof distribModel>, seed?: number) =>
  Array.from(solve(p, { tEnd: 2, outputTimes: [0, 1, 2], ...(seed !== undefined ? { seed } : {}) }).y);

test('solve() of a model that draws random numbers works and is seeded', () => {
  const p = distribModel();
  const a = run(p, 7);
  assert.ok(a[0]! >= 10 && a[0]! <= 20, `X(0) = ${a[0]}`);
  assert.deepEqual(run(p, 7), a, 'same seed, same numbers');
  assert.notDeepEqual(run(p, 8), a, 'another seed, other numbers');
  assert.deepEqual(run(p), run(p, 1), 'the default seed is 1');
  // A fresh compile of the same model gives the same numbers: nothing depended on earlier solves.
  assert.deepEqual(run(distribModel(), 7), a);
});

test('two solves never share a stream, and an in-thread simulate() leaves nothing behind', async () => {
  const p = distribModel();
  const before = run(p, 3);
  // Interleave: a solve started inside another solve's event draws from its own stream.
  const nested: number[][] = [];
  const q = distribModel();
  const inner = q.bind({
    uniform: () => {
      if (nested.length === 0) nested.push(run(p, 3));
      return 0.5;
    },
    history: null,
  });
  inner.initialState();
  assert.deepEqual(nested[0], before, 'a solve nested in a draw of another context is unaffected by it');
  const ens = await simulate(p, { runs: 3, seed: 11, outputTimes: [0, 1, 2], method: 'hybrid', workers: 1 });
  assert.equal(ens.runs, 3);
  assert.deepEqual(run(p, 3), before, 'after simulate() a solve draws from its own seeded stream');
});

test('the unbound problem has no stream: evaluating a draw directly is an InputError, not a TypeError', () => {
  const p = distribModel();
  assert.throws(() => p.initialState(), InputError);
  const ok = p.bind({ uniform: () => 0.25, history: null }).initialState();
  assert.equal(ok[p.stateIndex.get('X')!], 12.5);
  // Binding did not install anything in p.
  assert.throws(() => p.initialState(), InputError);
});

test('a problem without draws or delays binds to itself (no cost for the common case)', () => {
  const m = new ModelBuilder('plain');
  m.compartment('c', 1);
  m.species('X', { compartment: 'c', initial: 1 });
  m.param('k', 1, src);
  m.reaction('decay', 'X ->', 'k * X');
  const p = compile(m.build());
  assert.equal(p.bind({ uniform: null, history: null }), p);
});

test('a delay model with a random start: seeded and reproducible, solve after solve (pooled instances forget the last one)', () => {
  const m = new ModelBuilder('delay-random');
  m.compartment('c', 1);
  m.param('k', 0.5, src);
  m.species('X', { compartment: 'c', initial: 0 });
  m.initial('X', 'uniform(10, 20)');
  m.reaction('r', 'X ->', 'k * delay(X, 0.5)');
  const p = compile(m.build());
  const at = (seed: number) => Array.from(solve(p, { tEnd: 2, outputTimes: [0, 0.25, 2], seed }).y);
  const a = at(5);
  const b = at(6);
  assert.notDeepEqual(a, b);
  assert.deepEqual(at(5), a);
  assert.deepEqual(at(6), b);
});
