/** `cscsim trial b47`: bad input exits 2 with a clear message; a small run prints the table and writes files. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cli } from '../helpers/cli.js';

test('bad input exits 2 and says what was expected', async () => {
  for (const [argv, msg] of [
    [['trial', 'b47', '--patients', '3'], /--patients: expected at least 4/],
    [['trial', 'b47', '--seed', '-1'], /--seed: expected at least 0/],
    [['trial', 'b47', '--patients', '2.5'], /--patients: expected an integer/],
    [
      ['trial', 'b31'],
      /expected a trial ID \(b31n9831, b31-central-negative, n9831-central-normal, b47, or all\), got 'b31'/,
    ],
    [['trial'], /got nothing/],
    [['trial', 'b47', '--patients', '20000000'], /above 10000000: about \d+ min .* memory flat .* --yes/],
  ] as const) {
    const r = await cli(...argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.err}`);
    assert.match(r.err, msg);
  }
});

test('a small trial prints the table beside B-47 and writes CSV, SVG and JSON', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-trial-'));
  const r = await cli('trial', 'b47', '--patients', '30', '--seed', '3', '--workers', '1', '--out', dir);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /chemotherapy \+ trastuzumab/);
  assert.match(r.out, /0\.98 \(0\.76-1\.25\), p 0\.85/);
  const csv = readFileSync(join(dir, 'outcomes.csv'), 'utf8').trim().split('\n');
  assert.equal(csv.length, 61, 'one row per patient and arm');
  assert.match(csv[0]!, /^patient,arm,randomised,stratum,ihc,/);
  assert.match(readFileSync(join(dir, 'km.svg'), 'utf8'), /^<svg[^>]*>/);
  const json = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as {
    trial: { patients: number };
    published: { hr: number; lower: number; upper: number };
  };
  assert.equal(json.trial.patients, 30);
  assert.deepEqual(json.published, { hr: 0.98, lower: 0.76, upper: 1.25 });
  assert.match(readFileSync(join(dir, 'forest.svg'), 'utf8'), /^<svg[^>]*>/);
  assert.ok(existsSync(join(dir, 'outcomes.parquet')));
  assert.ok(!existsSync(join(dir, 'scan.csv')));
});

test('a design file: unknown field, negative dose and bad JSON exit 2 naming the file and the path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cscsim-design-'));
  const { DESIGNS } = await import('../../src/trial/designs.js');
  const write = (name: string, v: unknown): string => {
    const f = join(dir, name);
    writeFileSync(f, typeof v === 'string' ? v : JSON.stringify(v));
    return f;
  };
  const b47 = DESIGNS.b47;
  const cases = [
    [write('extra.json', { ...b47, colour: 'blue' }), /extra\.json: \$\.colour: unknown field/],
    [
      write('negative.json', { ...b47, trastuzumab: { ...b47.trastuzumab, maintenance: -6 } }),
      /negative\.json: \$\.trastuzumab\.maintenance: expected a maintenance dose >= 0/,
    ],
    [
      write('stratum.json', {
        ...b47,
        eligibility: { strata: [{ ...b47.eligibility.strata[0], share: 1, typo: 1 }] },
      }),
      /stratum\.json: \$\.eligibility\.strata\[0\]\.typo: unknown field/,
    ],
    [write('broken.json', '{ "id": '), /broken\.json: \$: not JSON/],
  ] as const;
  for (const [file, msg] of cases) {
    const r = await cli('trial', '--design', file, '--patients', '10');
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, msg);
  }
  // A valid design file runs, and --json puts published and model HR on top.
  const ok = write('ok.json', { ...b47, id: 'mine', patients: 40 });
  const r = await cli('trial', '--design', ok, '--workers', '1', '--json');
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out) as {
    id: string;
    published: { hr: number; lower: number; upper: number };
    model: { hr: number | null; lower: number | null; upper: number | null; note?: string };
  };
  assert.equal(j.id, 'mine');
  assert.deepEqual(j.published, { hr: 0.98, lower: 0.76, upper: 1.25 });
  assert.ok(
    j.model.hr === null ? /too few events/.test(j.model.note ?? '') : j.model.lower! < j.model.upper!,
  );
});

test('too few events for a hazard ratio is said, never NaN', async () => {
  const r = await cli('trial', 'n9831-central-normal', '--patients', '8', '--workers', '1');
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /too few events for a hazard ratio/);
  assert.doesNotMatch(r.out, /NaN/);
});
