import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  packageOfTags,
  parseCaseFilter,
  parseResults,
  parseSettings,
  parseTags,
  worstDeviation,
} from './case-files.js';

describe('suite case files', () => {
  it('reads settings with empty lists and e-notation', () => {
    const s = parseSettings(
      'start: 0\nduration: 5\nsteps: 50\nvariables: S1, S2\nabsolute: 1.000000e-007\nrelative: 0.0001 \namount: S1, S2\nconcentration:\n',
      'x',
    );
    assert.deepEqual(s, {
      start: 0,
      duration: 5,
      steps: 50,
      variables: ['S1', 'S2'],
      absolute: 1e-7,
      relative: 1e-4,
      amount: ['S1', 'S2'],
      concentration: [],
    });
    assert.throws(
      () => parseSettings('start: 0\nsteps: 10\n', 'x.txt'),
      /x\.txt: missing setting 'duration'/,
    );
  });

  it('reads results with non-finite values and odd spacing', () => {
    const r = parseResults('time, P, Q, R\n0,INF,-INF, NaN\n0.1,1e-5,2, 3\n', 'x');
    assert.deepEqual(r.columns, ['P', 'Q', 'R']);
    assert.deepEqual([...r.times], [0, 0.1]);
    assert.deepEqual([...r.values], [Infinity, -Infinity, Number.NaN, 1e-5, 2, 3]);
    assert.throws(() => parseResults('time,a\n0,1,2\n', 'r.csv'), /r\.csv: row 1: expected 2 values/);
  });

  it('finds the package a case needs from its tags', () => {
    const t = parseTags(
      '(*\ncategory: Test\ncomponentTags: Compartment, comp:Submodel\ntestTags: Amount\ntestType: TimeCourse\n*)',
    );
    assert.equal(packageOfTags(t), 'comp');
    assert.equal(packageOfTags(parseTags('componentTags: Species\ntestTags: fbc:NonStrict\n')), 'fbc');
    assert.equal(packageOfTags(parseTags('componentTags: Species\npackagesPresent: fbc, fbc_v2\n')), 'fbc');
    assert.equal(
      packageOfTags(parseTags('componentTags: Species\ntestTags: Amount\npackagesPresent: \n')),
      undefined,
    );
  });

  it('applies the suite pass rule point by point', () => {
    const expected = parseResults('time,a,b\n0,1,100\n1,NaN,INF\n', 'x');
    const tol = { absolute: 1e-3, relative: 1e-2 };
    const ok = worstDeviation(expected, Float64Array.of(1.001, 101, Number.NaN, Infinity), tol);
    assert.ok(ok.ratio <= 1);
    assert.equal(ok.variable, 'b');
    assert.ok(Math.abs(ok.ratio - 1 / 1.001) < 1e-9);
    const bad = worstDeviation(expected, Float64Array.of(1, 100, 0, Infinity), tol);
    assert.deepEqual([bad.ratio, bad.variable, bad.time], [Infinity, 'a', 1]);
  });

  it('parses case filters', () => {
    const f = parseCaseFilter('00001-00003, 10');
    assert.deepEqual(['00001', '00003', '00004', '00010', '00011'].map(f), [true, true, false, true, false]);
    assert.throws(() => parseCaseFilter('5-1'), /empty range/);
    assert.throws(() => parseCaseFilter('a'), /cannot read 'a'/);
  });
});
