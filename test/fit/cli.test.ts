/** `cscsim fit`: outputs in DIR, and exit 2 naming the file and the path for bad problems and usage. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cscsim-fit-cli-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

test('fit writes posterior.csv, summary.json and report.html with the figures', async () => {
  const out = join(dir, 'pg');
  const r = await cli(
    'fit',
    join(root, 'test/fit/problems/poisson-geometric.yaml'),
    '--particles',
    '300',
    '--workers',
    '1',
    '--out',
    out,
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /model poisson: probability 0\.\d+/);
  const csv = readFileSync(join(out, 'posterior.csv'), 'utf8').trim().split('\n');
  assert.equal(csv[0], 'particle,model,weight,distance,poisson.lambda,geometric.p,sum,sumLogFactorial');
  assert.equal(csv.length, 301);
  const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.equal(s.method, 'abc');
  assert.equal(s.status, 'target-epsilon');
  assert.equal(s.models.length, 2);
  const pSum = s.models[0].probability + s.models[1].probability;
  assert.ok(Math.abs(pSum - 1) < 1e-12);
  assert.equal(s.generations[0].epsilon, null);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  for (const t of [
    'Epsilon per generation',
    'Acceptance rate per generation',
    'Posterior model probabilities',
    'poisson: lambda',
    'geometric: p',
  ])
    assert.ok(html.includes(t), t);
  assert.equal(html.match(/<svg/g)?.length, 5);
});

test('a two-parameter model gets a pairwise scatter', async () => {
  const out = join(dir, 'bd');
  const r = await cli(
    'fit',
    join(root, 'test/fit/problems/birth-death.yaml'),
    '--particles',
    '100',
    '--max-generations',
    '3',
    '--out',
    out,
    '--json',
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).status, 'max-generations');
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /model: lambda vs mu/);
});

const bad: [string, string, RegExp][] = [
  [
    'lo >= hi',
    'simulator: normal-mean\nparameters:\n  - id: mu\n    prior: { type: uniform, lo: 2, hi: 1 }\nobserved: { mean: 0 }\n',
    /lohi\.yaml: parameters\[0\]\.prior: prior bounds need lo < hi, got lo = 2, hi = 1/,
  ],
  [
    'unknown parameter',
    'simulator: birth-death\nparameters: [lambda, nu]\nobserved: { births: 1, deaths: 1, exposure: 1 }\n',
    /parameters\[1\]: unknown parameter 'nu' for simulator 'birth-death' \(expected lambda, mu\)/,
  ],
  [
    'unknown simulator',
    'simulator: her3\nparameters: [x]\nobserved: {}\n',
    /simulator: unknown simulator 'her3'/,
  ],
  ['bad yaml', 'simulator: [\n', /not valid YAML/],
  [
    'bad option',
    'simulator: normal-mean\noptions: { n: -1 }\nparameters: [mu]\nobserved: { mean: 0 }\n',
    /models\[0\]\.options\.n: expected at least 1, got -1/,
  ],
  [
    'missing statistic',
    'simulator: normal-mean\nparameters: [mu]\nobserved: { median: 0 }\n',
    /observed\.mean: missing observed statistic 'mean'/,
  ],
];

for (const [name, text, re] of bad)
  test(`bad problem file (${name}): exit 2 with file and path`, async () => {
    const p = file(name === 'lo >= hi' ? 'lohi.yaml' : `${name.replace(/ /g, '-')}.yaml`, text);
    const r = await cli('fit', p, '--out', join(dir, 'never'));
    assert.equal(r.code, 2, r.err);
    assert.ok(r.err.includes(p), r.err);
    assert.match(r.err, re);
  });

test('usage errors: multistart needs a likelihood problem, resume needs a checkpoint', async () => {
  const m = await cli('fit', join(root, 'test/fit/problems/normal-mean.yaml'), '--method', 'multistart');
  assert.equal(m.code, 2);
  assert.match(
    m.err,
    /normal-mean\.yaml: likelihood: .*multistart needs a likelihood, and this problem has none/,
  );
  const r = await cli('fit', '--resume', join(dir, 'nothing-here'));
  assert.equal(r.code, 2);
  assert.match(r.err, /checkpoint\.json: no checkpoint to resume from/);
  const n = await cli('fit');
  assert.equal(n.code, 2);
});
