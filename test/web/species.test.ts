/** Which species are counts: the hybrid's default continuous species, typed lists, the discrete warning. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getModel } from '../../src/models/index.js';
import { fitView } from '../../web/src/app/fit.js';
import {
  continuousFor,
  countWarning,
  isCountUnit,
  nonCountSpecies,
  parseSpeciesList,
} from '../../web/src/app/species.js';
import { DEFAULT_VIEW } from '../../web/src/app/state.js';
import { loadSource } from '../../web/src/engine/source.js';

const sp = (id: string, unit?: string) => ({ id, compartment: 'c', initial: 0, ...(unit ? { unit } : {}) });

test('count units: the listed ones and an absent unit; anything else is an amount', () => {
  for (const u of [
    'cells',
    'cell',
    'count',
    'molecules',
    'items',
    '1',
    'dimensionless',
    undefined,
    '',
    ' cell ',
  ])
    assert.equal(isCountUnit(u), true, String(u));
  for (const u of ['mg/kg', 'nM', 'mol', 'mg', 'receptor/cell', 'mm3'])
    assert.equal(isCountUnit(u), false, u);
});

test('default continuous species: declared non-count units, in model order', () => {
  const model = { species: [sp('A', 'nM'), sp('X'), sp('C', 'cell'), sp('B', 'mol'), sp('N', '1')] };
  assert.deepEqual(nonCountSpecies(model), ['A', 'B']);
  assert.deepEqual(nonCountSpecies({ species: [sp('X'), sp('Y', 'molecules')] }), []);
});

test('the HER2 trastuzumab models: Ab_c and Ab_p', () => {
  for (const id of ['her2csc', 'her2csc-mcf7-fatpad-trastuzumab', 'her2csc-bt474-bone-trastuzumab'])
    assert.deepEqual(nonCountSpecies(getModel(id)), ['Ab_c', 'Ab_p'], id);
  const m = getModel('her2csc');
  assert.deepEqual(continuousFor(DEFAULT_VIEW, m), ['Ab_c', 'Ab_p']);
  assert.deepEqual(continuousFor({ continuous: [] }, m), []);
  assert.deepEqual(continuousFor({ continuous: ['S'] }, m), ['S']);
});

test('a typed list: trimmed, deduplicated, checked against the model', () => {
  const m = getModel('her2csc');
  assert.deepEqual(parseSpeciesList(' Ab_c , Ab_p,,Ab_c ', m), { ids: ['Ab_c', 'Ab_p'] });
  assert.deepEqual(parseSpeciesList('', m), { ids: [] });
  const r = parseSpeciesList('Ab_c, Ab_x, V', m);
  assert.ok('error' in r);
  assert.match(r.error, /'Ab_x', 'V' are not a species of model 'her2csc/);
  assert.match(r.error, /expected ids from S, P1, P2/);
});

test('a URL list that does not fit the model is refused with a message; the default is used', () => {
  const { info } = loadSource({ kind: 'builtin', id: 'her2csc' });
  const bad = fitView({ ...DEFAULT_VIEW, continuous: ['Ab_c', 'nope'] }, info);
  assert.equal(bad.state.continuous, undefined);
  assert.equal(bad.errors.length, 1);
  assert.match(bad.errors[0]!, /'nope' is not a species of model 'her2csc.*default is used/);
  const good = fitView({ ...DEFAULT_VIEW, continuous: ['Ab_c'] }, info);
  assert.deepEqual(good.state.continuous, ['Ab_c']);
  assert.deepEqual(good.errors, []);
});

test('direct and tau-leap warn about non-count species by name; hybrid and ODE do not', () => {
  const m = getModel('her2csc');
  for (const e of ['direct', 'tau-leap'] as const)
    assert.equal(
      countWarning(e, m),
      'Ab_c (mg/kg), Ab_p (mg/kg) are not counts and stay continuous (deterministic between jumps)',
    );
  assert.equal(countWarning('hybrid', m), undefined);
  assert.equal(countWarning('ode', m), undefined);
  assert.equal(countWarning('direct', { species: [sp('X', 'cell')] }), undefined);
  assert.match(
    countWarning('direct', { species: [sp('D', 'nM')] })!,
    /^D \(nM\) is not a count and stays continuous/,
  );
});
