import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseCaseFilter } from '../../src/io/suite/case-files.js';
import { runSuite } from '../../src/io/suite/semantic.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = join(root, '..', 'shared', 'sbml-test-suite', 'semantic');
const have = existsSync(cases);

describe('SBML Test Suite (fast subset)', { skip: !have && `no suite at ${cases}` }, () => {
  it('passes every case of a 100-case sample of core features, on worker threads', async () => {
    // Cases 1-130: reactions, rules, compartments, 0-D compartments, local parameters, events.
    const r = await runSuite({ casesDir: cases, filter: parseCaseFilter('00001-00130'), jobs: 2 });
    assert.ok(r.total >= 100, `only ${r.total} cases found`);
    const bad = r.cases.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.reason}`);
    assert.deepEqual(bad, []);
  });

  it('runs the Level 1 and Level 2 model files of a sample, a missing level counting as not available', async () => {
    for (const version of ['l1v2', 'l2v1', 'l2v4'] as const) {
      const r = await runSuite({ casesDir: cases, filter: parseCaseFilter('00001-00060'), jobs: 2, version });
      const bad = r.cases.filter((c) => c.status === 'failed').map((c) => `${version} ${c.id}: ${c.reason}`);
      assert.deepEqual(bad, []);
      const unavailable = r.cases.filter((c) => c.unavailable);
      assert.ok(unavailable.every((c) => c.reason === `not available at ${version}`));
      assert.equal(r.core, r.total - unavailable.length - r.cases.filter((c) => c.package).length);
      assert.ok(r.passed >= 30, `${version}: ${r.passed} passed`);
    }
  });

  it('reports package cases as unsupported, naming the package', async () => {
    const r = await runSuite({ casesDir: cases, filter: parseCaseFilter('01124-01125,01606'), jobs: 1 });
    const byId = new Map(r.cases.map((c) => [c.id, c]));
    assert.equal(byId.get('01124')?.status, 'unsupported');
    assert.equal(byId.get('01124')?.package, 'comp');
    assert.equal(byId.get('01606')?.package, 'fbc');
    assert.equal(r.core, 0);
  });

  it('works on any folder laid out like the suite, and judges wrong results as failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cscsim-suite-'));
    try {
      const src = join(cases, '00001');
      const copy = (id: string, results: (csv: string) => string, model = true) => {
        mkdirSync(join(dir, id));
        for (const f of ['settings.txt', 'model.m', ...(model ? ['sbml-l3v2.xml'] : [])])
          copyFileSync(join(src, `00001-${f}`), join(dir, id, `${id}-${f}`));
        writeFileSync(
          join(dir, id, `${id}-results.csv`),
          results(readFileSync(join(src, '00001-results.csv'), 'utf8')),
        );
      };
      copy('7', (csv) => csv);
      copy('8', (csv) => csv.replace('0.5,9.097959895689501e-005', '0.5,9.32e-005'));
      copy('9', (csv) => csv, false);
      const r = await runSuite({ casesDir: dir, jobs: 1 });
      assert.deepEqual(
        r.cases.map((c) => [c.id, c.status]),
        [
          ['7', 'passed'],
          ['8', 'failed'],
          ['9', 'unsupported'],
        ],
      );
      assert.match(r.cases[1]!.reason!, /^S1 at t = 0.5: /);
      assert.ok(Math.abs(r.cases[1]!.maxError! - 2.2204e-6) < 1e-9, String(r.cases[1]!.maxError));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
