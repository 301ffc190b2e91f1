/** `cscsim fit --method multistart`: outputs for a likelihood problem file, exit 2 for what it cannot handle. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadLikelihoodFile } from '../../src/fit/multistart/problemFile.js';
import { cli } from '../helpers/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const problem = join(root, 'test/fit/problems/pk2-likelihood.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cscsim-multistart-'));

test('multistart writes starts.csv, summary.json and a report with the waterfall; the best beats the truth', async () => {
  const out = join(dir, 'pk2');
  const r = await cli('fit', problem, '--method', 'multistart', '--starts', '8', '--seed', '2', '--out', out);
  assert.equal(r.code, 0, r.err);
  const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.equal(s.method, 'multistart');
  assert.equal(s.starts, 8);
  assert.ok(s.converged >= 4 && s.converged <= 8);
  const { problem: lp } = loadLikelihoodFile(problem);
  const llhTrue = -lp.nllh(Float64Array.from([0.15, 0.4, 0.25]));
  assert.ok(s.best.llh >= llhTrue - 1e-6, `best ${s.best.llh} vs true ${llhTrue}`);
  assert.deepEqual(Object.keys(s.best.parameters), ['k10', 'k12', 'k21']);
  const csv = readFileSync(join(out, 'starts.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 9);
  assert.match(csv[0]!, /^rank,start,nllh,converged,reason/);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  assert.match(html, /Waterfall/);
  assert.match(html, /<svg/);
  const p = await cli('fit', problem, '--method', 'multistart', '--starts', '3', '--profile', '--out', out);
  assert.equal(p.code, 0, p.err);
  const sp = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  const k12 = sp.profiles.intervals.k12;
  assert.ok(k12.lower95 < sp.best.parameters.k12 && sp.best.parameters.k12 < k12.upper95);
  assert.match(readFileSync(join(out, 'profiles.csv'), 'utf8'), /^parameter,value,nllh\nk10,/);
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /Profile of k21/);
});

test('a model with doses, or a bad parameter, exits 2 naming the file and the path', async () => {
  const model = JSON.parse(readFileSync(join(root, 'test/fit/problems/pk2.json'), 'utf8'));
  model.doses = [{ id: 'b', target: 'C', amount: 10, start: 1, every: 1, count: 1, route: 'bolus' }];
  writeFileSync(join(dir, 'dosed.json'), JSON.stringify(model));
  const text = readFileSync(problem, 'utf8');
  const dosed = join(dir, 'dosed.yaml');
  writeFileSync(dosed, text.replace('model: pk2.json', 'model: dosed.json'));
  const a = await cli('fit', dosed, '--method', 'multistart', '--out', join(dir, 'x'));
  assert.equal(a.code, 2, a.err);
  assert.match(a.err, /dosed\.yaml: likelihood: .*events or doses/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(
    bad,
    text
      .replace('model: pk2.json', `model: ${join(root, 'test/fit/problems/pk2.json')}`)
      .replace('lower: 0.001, upper: 10, scale: log10 }', 'lower: 0, upper: 10, scale: log10 }'),
  );
  const b = await cli('fit', bad, '--method', 'multistart', '--out', join(dir, 'y'));
  assert.equal(b.code, 2, b.err);
  assert.match(b.err, /bad\.yaml: likelihood\.parameters\[0\]\.lower: a log10 parameter needs lower > 0/);
});

const perelson =
  '/work/shared/petab-benchmark/Benchmark-Models/Perelson_Science1996/Perelson_Science1996.yaml';
test('multistart on a PEtab YAML: exact gradient named, nominal llh beside the best', {
  skip: !existsSync(perelson) && 'no collection',
}, async () => {
  const out = join(dir, 'perelson');
  const r = await cli(
    'fit',
    perelson,
    '--method',
    'multistart',
    '--starts',
    '3',
    '--seed',
    '1',
    '--out',
    out,
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /gradient: sensitivities/);
  const s = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8'));
  assert.equal(s.format, 'petab');
  assert.equal(s.gradient, 'sensitivities');
  assert.equal(s.starts, 3);
  assert.deepEqual(Object.keys(s.best.parameters), ['c', 'delta', 'sd_task0_model0_perelson1_V']);
  assert.ok(Math.abs(s.nominal.llh - -432.0385) < 1e-3, `nominal ${s.nominal.llh}`);
  assert.ok(s.best.llh > s.nominal.llh, `best ${s.best.llh}`);
});
