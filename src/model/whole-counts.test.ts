import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getModel } from '../models/index.js';
import { compile } from './compile.js';
import { largestRemainder, wholeCountsInitial } from './whole-counts.js';

test('largest remainder: integers within 1 of each value, total = round(sum), largest fractions first', () => {
  assert.deepEqual(Array.from(largestRemainder([1.2, 2.5, 3.3])), [1, 3, 3]);
  assert.deepEqual(Array.from(largestRemainder([0.4, 0.4, 0.2])), [1, 0, 0]); // tie: the earlier index
  assert.deepEqual(Array.from(largestRemainder([5, 7])), [5, 7]);
  const v = Array.from({ length: 50 }, (_, i) => Math.abs(Math.sin(i + 1)) * 10 ** (i % 5));
  const r = largestRemainder(v);
  assert.equal(
    r.reduce((s, x) => s + x, 0),
    Math.round(v.reduce((s, x) => s + x, 0)),
  );
  r.forEach((x, i) => {
    assert.ok(Number.isInteger(x) && Math.abs(x - v[i]!) < 1, `${i}: ${x} vs ${v[i]}`);
  });
});

test('built-in HER2 model: the culture composition becomes whole cells and the inoculum stays exact', () => {
  const model = getModel('her2csc-mcf7-fatpad-trastuzumab');
  const problem = compile(model);
  const raw = problem.initialState();
  const y = wholeCountsInitial(model, problem);
  const cells = model.species.filter((s) => s.unit === 'cell').map((s) => problem.stateIndex.get(s.id)!);
  assert.ok(
    cells.some((i) => !Number.isInteger(raw[i]!)),
    'the computed composition is fractional',
  );
  let total = 0;
  for (const i of cells) {
    assert.ok(Number.isInteger(y[i]!) && Math.abs(y[i]! - raw[i]!) < 1);
    total += y[i]!;
  }
  assert.equal(total, 1e6);
  // Not counts (mg/kg) and non-species state are untouched.
  for (let i = 0; i < problem.n; i++) if (!cells.includes(i)) assert.equal(y[i], raw[i]);
});
