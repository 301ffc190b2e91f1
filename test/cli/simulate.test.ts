/** The CLI end to end (in process): output, exit codes and the messages users see for bad input. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'cscsim-cli-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return p;
}

const decay = {
  id: 'decay',
  compartments: [{ id: 'c', size: 1 }],
  species: [{ id: 'A', compartment: 'c', initial: 100, hasOnlySubstanceUnits: true }],
  parameters: [{ id: 'k', value: 0.5, unit: '1/day', source: 'assumed: test' }],
  reactions: [{ id: 'r', reactants: [{ species: 'A' }], products: [], rate: 'k * A' }],
};

test('simulate writes the trajectory as CSV (exponential decay matches exp(-kt))', async () => {
  const r = await cli(
    'simulate',
    file('decay.json', decay),
    '--t-end',
    '4',
    '--steps',
    '4',
    '--rtol',
    '1e-9',
  );
  assert.equal(r.code, 0, r.err);
  const lines = r.out.trim().split('\n');
  assert.equal(lines[0], 'time,A');
  assert.equal(lines.length, 6);
  for (const line of lines.slice(1)) {
    const [t, a] = line.split(',').map(Number);
    assert.ok(Math.abs(a! - 100 * Math.exp(-0.5 * t!)) < 1e-6, line);
  }
});

test('simulate --out writes a file; --method rodas and dopri5 agree', async () => {
  const out = join(dir, 'o.csv');
  for (const method of ['rodas', 'dopri5']) {
    const r = await cli('simulate', file('d2.json', decay), '--t-end', '2', '--method', method, '--out', out);
    assert.equal(r.code, 0, r.err);
    const last = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(',').map(Number);
    assert.ok(Math.abs(last[1]! - 100 * Math.exp(-1)) < 1e-4, `${method}: ${last}`);
  }
});

test('simulate --stochastic gives ensemble columns and honours the seed', async () => {
  const args = ['simulate', file('d3.json', decay), '--t-end', '2', '--steps', '2', '--stochastic'];
  const a = await cli(...args, '--runs', '200', '--seed', '7', '--workers', '1');
  const b = await cli(...args, '--runs', '200', '--seed', '7', '--workers', '1');
  assert.equal(a.code, 0, a.err);
  assert.match(a.out.split('\n')[0]!, /^time,A_mean,A_sd/);
  assert.equal(a.out, b.out);
});

test('built-in model ids are accepted', async () => {
  const r = await cli('simulate', 'her2csc-mcf7-fatpad', '--t-end', '5', '--steps', '5');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out.split('\n')[0]!, /^time,S,/);
});

const bad: [string, unknown, RegExp][] = [
  ['malformed JSON', '{"id": "x",\n  "species": [', /bad1\.json: .*line 2/],
  [
    'unknown id in an expression',
    { ...decay, reactions: [{ ...decay.reactions[0], rate: 'k * B' }] },
    /bad2\.json: .*reactions\[0\]\.rate.*unknown id 'B'/,
  ],
  [
    'cycle in assignment rules',
    {
      ...decay,
      parameters: [
        ...decay.parameters,
        { id: 'x', value: 0, unit: '1', source: 'assumed', constant: false },
        { id: 'y', value: 0, unit: '1', source: 'assumed', constant: false },
      ],
      rules: [
        { kind: 'assignment', variable: 'x', math: 'y + 1' },
        { kind: 'assignment', variable: 'y', math: 'x * 2' },
      ],
    },
    /bad3\.json: .*cycle in assignment rules: (x -> y -> x|y -> x -> y)/,
  ],
  [
    'NaN parameter',
    { ...decay, parameters: [{ id: 'k', value: 'NaN', unit: '1/day', source: 'assumed' }] },
    /bad4\.json: .*parameters\[0\]\.value/,
  ],
];

for (const [what, content, message] of bad) {
  test(`bad input exits 2 with a precise message: ${what}`, async () => {
    const n = bad.findIndex((b) => b[0] === what) + 1;
    const r = await cli('simulate', file(`bad${n}.json`, content), '--t-end', '1');
    assert.equal(r.code, 2, `${r.err}${r.out}`);
    assert.match(r.err, message);
  });
}

test('usage errors exit 2: missing --t-end, unknown option, unknown model, --runs 0', async () => {
  const f = file('d4.json', decay);
  assert.equal((await cli('simulate', f)).code, 2);
  assert.match((await cli('simulate', f, '--t-end', '1', '--bogus')).err, /unknown option --bogus/);
  assert.match((await cli('simulate', 'no-such-model', '--t-end', '1')).err, /no such model/);
  const r = await cli('simulate', f, '--t-end', '1', '--stochastic', '--runs', '0');
  assert.equal(r.code, 2);
  assert.match(r.err, /--runs/);
  // found by test/fuzz/cli.test.ts: a Float64Array of 1e10 + 1 output times was an internal RangeError
  const huge = await cli('simulate', f, '--t-end', '1', '--steps', '1e10');
  assert.equal(huge.code, 2);
  assert.match(huge.err, /--steps: expected at most 10000000/);
});

test('a failing simulation exits 1 naming the time and the state', async () => {
  const blowup = {
    id: 'blowup',
    compartments: [{ id: 'c', size: 1 }],
    species: [{ id: 'y', compartment: 'c', initial: 1, hasOnlySubstanceUnits: true }],
    parameters: [],
    reactions: [{ id: 'r', reactants: [], products: [{ species: 'y' }], rate: 'y^2' }],
  };
  const r = await cli('simulate', file('blow.json', blowup), '--t-end', '2');
  assert.equal(r.code, 1);
  assert.match(r.err, /simulation failed: .* at t = .*'y'/);
});

test('--help lists commands; each command has --help', async () => {
  const r = await cli('--help');
  assert.equal(r.code, 0);
  assert.match(r.out, /simulate/);
  const s = await cli('simulate', '--help');
  assert.match(s.out, /--t-end T/);
});
