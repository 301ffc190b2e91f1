import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

const her2 = ['simulate', 'her2csc-mcf7-fatpad-trastuzumab', '--t-end', '2', '--steps', '2', '--stochastic'];

test('built-in HER2 model: direct, tau-leap and hybrid all run from whole cells', async () => {
  for (const method of ['direct', 'tau-leap', 'hybrid']) {
    const r = await cli(...her2, '--method', method, '--runs', '2', '--workers', '1', '--t-end', '0.05');
    assert.equal(r.code, 0, `${method}: ${r.err}`);
    assert.match(r.err, /initial counts rounded \(largest remainder\); continuous: Ab_c, Ab_p/);
    const row0 = r.out.split('\n')[1]!.split(',');
    assert.equal(row0[1], '1204', `${method}: S at t = 0 is a whole cell count`);
  }
});

test('a file model with fractional counts: exit 2 naming the fix; --round runs it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-round-'));
  const file = join(dir, 'frac.json');
  const model = {
    id: 'frac',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'X', compartment: 'c', initial: 10.6 }],
    parameters: [{ id: 'k', value: 0.1, unit: '1/day', source: 'assumed: test' }],
    reactions: [{ id: 'd', reactants: [{ species: 'X' }], products: [], rate: 'k * X' }],
  };
  writeFileSync(file, JSON.stringify(model));
  const base = [
    'simulate',
    file,
    '--t-end',
    '1',
    '--steps',
    '1',
    '--stochastic',
    '--runs',
    '3',
    '--workers',
    '1',
  ];
  const bad = await cli(...base);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /initial amount of 'X' is 10\.6.*--round/);
  const ok = await cli(...base, '--round');
  assert.equal(ok.code, 0, ok.err);
  assert.equal(ok.out.split('\n')[1]!.split(',')[1], '11');
});

test('bad stochastic input is exit 2 with the reason', async () => {
  const cases: [string[], RegExp][] = [
    [['simulate', 'her2csc', '--t-end', '1', '--round'], /--round applies to stochastic runs/],
    [[...her2, '--method', 'hybrid', '--continuous', 'Ab_c,Nope'], /'Nope' is not a species/],
    [[...her2, '--method', 'hybrid', '--threshold', '0.5'], /--threshold: expected at least 1/],
  ];
  for (const [argv, why] of cases) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, why);
  }
});
