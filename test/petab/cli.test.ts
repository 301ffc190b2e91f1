import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { cli } from '../helpers/cli.js';
import { TABLES, writeProblem } from './fixture.js';

describe('cscsim petab', () => {
  const fx = writeProblem();
  after(fx.cleanup);

  it('--json prints llh, chi2, problems, conditions and elapsed_ms', async () => {
    const r = await cli('petab', fx.yaml, '--json');
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.ok(Number.isFinite(j.llh) && j.chi2 > 0, r.out);
    assert.equal(j.problems, 1);
    assert.equal(j.conditions, 3);
    assert.ok(j.elapsed_ms >= 0);
  });

  it('--simulate writes the measurement table with a simulation column, one row per measurement', async () => {
    const out = join(fx.dir, 'sim.tsv');
    const r = await cli('petab', fx.yaml, '--simulate', '--out', out);
    assert.equal(r.code, 0, r.err);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    const header = lines[0]!.split('\t');
    assert.deepEqual(
      header,
      TABLES['measurements.tsv']!.split('\n')[0]!.replace('measurement\t', 'simulation\t').split('\t'),
    );
    assert.equal(lines.length, 7);
    const col = header.indexOf('simulation');
    assert.ok(lines.slice(1).every((l) => Number.isFinite(Number(l.split('\t')[col]))));
  });

  it('--parameters sets estimated parameters (linear scale)', async () => {
    const f = join(fx.dir, 'x.tsv');
    writeFileSync(f, 'parameterId\tvalue\nk2\t0.25\n');
    const out = join(fx.dir, 'sim2.tsv');
    const r = await cli('petab', fx.yaml, '--parameters', f, '--simulate', '--out', out);
    assert.equal(r.code, 0, r.err);
    const row = readFileSync(out, 'utf8').trim().split('\n')[3]!.split('\t');
    assert.ok(Math.abs(Number(row[3]) - 2 * (4 / 0.25)) < 1e-5, row.join(' '));
    writeFileSync(f, 'parameterId\tvalue\nnope\t1\n');
    const bad = await cli('petab', fx.yaml, '--parameters', f);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /x\.tsv: line 2: 'nope' is not an estimated parameter/);
  });
});

describe('cscsim petab: bad input exits with code 2 naming file, row and column', () => {
  const cases: [string, Record<string, string>, RegExp][] = [
    [
      'malformed YAML',
      { 'problem.yaml': 'format_version: 1\nproblems: [\n  - a: b\n' },
      /problem\.yaml: line \d+, column \d+: malformed YAML/,
    ],
    [
      'a YAML of another PEtab version',
      { 'problem.yaml': TABLES['problem.yaml']!.replace('format_version: 1', 'format_version: 2.0.0') },
      /problem\.yaml: format_version: expected 1 \(PEtab v1\), got "2\.0\.0"/,
    ],
    [
      'a table without a required column',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('\ttime\t', '\tzeit\t') },
      /measurements\.tsv: header: missing required column 'time'/,
    ],
    [
      'an unknown observable id',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('obsB\t\tc0\t0.3', 'obsX\t\tc0\t0.3') },
      /measurements\.tsv: line 6, column 'observableId': unknown observable 'obsX'/,
    ],
    [
      'an unknown condition id',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('obsA\tpre\tc0\t3.5', 'obsA\tpre\tc9\t3.5') },
      /measurements\.tsv: line 5, column 'simulationConditionId': unknown condition 'c9'/,
    ],
    [
      'an unknown preequilibration condition id',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('obsB\tpre\t', 'obsB\tpreX\t') },
      /measurements\.tsv: line 7, column 'preequilibrationConditionId': unknown condition 'preX'/,
    ],
    [
      'a formula that does not parse',
      { 'observables.tsv': TABLES['observables.tsv']!.replace('scale * A', 'scale * (A') },
      /observables\.tsv: line 2, column 'observableFormula': formula does not parse/,
    ],
    [
      'a formula naming an unknown id',
      { 'observables.tsv': TABLES['observables.tsv']!.replace('scale * A', 'scale * Q') },
      /observables\.tsv: line 2, column 'observableFormula': unknown id 'Q'/,
    ],
    [
      'a condition column that is no model entity',
      { 'conditions.tsv': TABLES['conditions.tsv']!.replace('\tB\n', '\tZ\n') },
      /conditions\.tsv: line 2, column 'Z': 'Z' is not a parameter, species or compartment/,
    ],
    [
      'a measurement that is not a number',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('\t0.8\t', '\tabc\t') },
      /measurements\.tsv: line 2, column 'measurement': expected a number, got 'abc'/,
    ],
    [
      'too few noise parameters for the placeholders',
      { 'measurements.tsv': TABLES['measurements.tsv']!.replace('\t4\t\t0.3', '\t4\t\t') },
      /measurements\.tsv: line 3, column 'noiseParameters': observable 'obsA' has 1 noise placeholder\(s\), got 0/,
    ],
    [
      'a row with more cells than the header',
      { 'parameters.tsv': `${TABLES['parameters.tsv']}x\tlin\t0\t1\t1\t0\textra\n` },
      /parameters\.tsv: line 7: 7 cells, but the header has 6 columns/,
    ],
    [
      'a missing table file',
      { 'problem.yaml': TABLES['problem.yaml']!.replace('conditions.tsv', 'nothere.tsv') },
      /nothere\.tsv: cannot read table: ENOENT/,
    ],
  ];
  for (const [what, edit, re] of cases) {
    it(what, async () => {
      const fx = writeProblem(edit);
      try {
        const r = await cli('petab', fx.yaml, '--json');
        assert.equal(r.code, 2, `${r.out}${r.err}`);
        assert.match(r.err, re);
        assert.equal(r.out, '');
      } finally {
        fx.cleanup();
      }
    });
  }

  it('a measurement that cannot be simulated is an error (exit 1) naming its row, never a missing row', async () => {
    // log10 of a negative observable: obsB = B - 2 < 0
    const fx = writeProblem({
      'observables.tsv': TABLES['observables.tsv']!.replace('obsB\tB\t', 'obsB\tB - 2\t'),
    });
    try {
      const r = await cli('petab', fx.yaml, '--simulate', '--out', join(fx.dir, 's.tsv'));
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /measurements\.tsv: line 6: observable 'obsB'/);
    } finally {
      fx.cleanup();
    }
  });
});
