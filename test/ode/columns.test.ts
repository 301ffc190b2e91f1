import assert from 'node:assert/strict';
import { test } from 'node:test';
import { column, columnIndex } from '../../src/engines/columns.js';
import { solve } from '../../src/engines/solve.js';
import { ModelError } from '../../src/errors.js';
import { compile } from '../../src/model/compile.js';

test('column(solution, id) reads one id over time; an unknown id is a ModelError naming what was recorded', () => {
  const p = compile({
    id: 'm',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'S', compartment: 'c', initial: 1 }],
    parameters: [],
    reactions: [{ id: 'r', reactants: [{ species: 'S' }], products: [], rate: { k: 'id', id: 'S' } }],
  });
  const sol = solve(p, {
    t0: 0,
    tEnd: 1,
    outputTimes: new Float64Array([0, 0.5, 1]),
    rtol: 1e-10,
    atol: 1e-12,
  });
  const s = column(sol, 'S');
  assert.equal(s.length, 3);
  assert.ok(Math.abs(s[2]! - Math.exp(-1)) < 1e-8);
  assert.throws(
    () => column(sol, 'X'),
    (e: unknown) => e instanceof ModelError && /output 'X' was not recorded \(recorded: S\)/.test(e.message),
  );
  assert.throws(() => columnIndex(['a'], 'b'), ModelError);
});
