/** Parameter, regimen and settings checks: invalid values are refused with a message that names them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Parameter } from '../../src/model/types.js';
import {
  paramError,
  parseDecimal,
  parseParam,
  rangeNote,
  regimenError,
  settingError,
} from '../../web/src/app/validate.js';

const rate: Parameter = { id: 'lambdaS', value: 0.4, unit: '1/day', range: [0.25, 0.6], source: 'assumed' };
const shift: Parameter = { id: 'offset', value: 0, unit: 'mV', range: [-10, 10], source: 'assumed' };

test('decimal numbers only: no NaN, Infinity, hex, empty or trailing text', () => {
  assert.equal(parseDecimal(' 1.5e-3 '), 1.5e-3);
  assert.equal(parseDecimal('-.5'), -0.5);
  assert.equal(parseDecimal('7.'), 7);
  for (const bad of ['', ' ', 'NaN', 'Infinity', '-Infinity', '0x10', '1,5', '1e', '2 3', 'abc', '1e999'])
    assert.equal(parseDecimal(bad), undefined, bad);
});

test('parameter values: numbers accepted, text, NaN and forbidden negatives refused', () => {
  assert.deepEqual(parseParam(rate, '0.5'), { value: 0.5 });
  assert.deepEqual(parseParam(rate, '0'), { value: 0 });
  assert.deepEqual(parseParam(rate, 'fast'), { error: "lambdaS: expected a number, got 'fast'" });
  assert.deepEqual(parseParam(rate, 'NaN'), { error: "lambdaS: expected a number, got 'NaN'" });
  assert.deepEqual(parseParam(rate, '-0.1'), { error: 'lambdaS: must be >= 0 (1/day), got -0.1' });
  assert.equal(paramError(rate, Number.NaN), 'lambdaS: expected a finite number, got NaN');
  assert.equal(paramError(rate, Number.POSITIVE_INFINITY), 'lambdaS: expected a finite number, got Infinity');
  // A range reaching below zero allows negatives.
  assert.deepEqual(parseParam(shift, '-3'), { value: -3 });
});

test('values outside the plausible range are allowed, with a note', () => {
  assert.equal(rangeNote(rate, 0.4), undefined);
  assert.equal(rangeNote(rate, 0.9), 'lambdaS = 0.9 is outside its plausible range [0.25, 0.6]');
  assert.equal(rangeNote({ ...rate, range: undefined }, 99), undefined);
});

test('regimen checks name the field', () => {
  const ok = { start: 1, dose: 10, every: 3.5, count: 20 };
  assert.equal(regimenError(ok), undefined);
  assert.match(regimenError({ ...ok, start: -1 })!, /start/);
  assert.match(regimenError({ ...ok, dose: Number.NaN })!, /dose/);
  assert.match(regimenError({ ...ok, every: 0 })!, /interval/);
  assert.match(regimenError({ ...ok, count: 0 })!, /doses/);
  assert.match(regimenError({ ...ok, count: 1.5 })!, /doses/);
  assert.match(regimenError({ ...ok, loading: -2 })!, /loading/);
});

test('run settings: positive t end, integer points, runs and seed', () => {
  assert.equal(settingError('tEnd', 60), undefined);
  assert.match(settingError('tEnd', 0)!, /t end/);
  assert.match(settingError('tEnd', Number.NaN)!, /t end/);
  assert.equal(settingError('points', 2), undefined);
  assert.match(settingError('points', 1)!, /points/);
  assert.match(settingError('runs', 2.5)!, /runs/);
  assert.equal(settingError('seed', 0), undefined);
  assert.match(settingError('seed', -1)!, /seed/);
});
