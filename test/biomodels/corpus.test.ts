/**
 * A fast sample of the curated BioModels corpus (the whole run is `npm run test:biomodels`): every 23rd
 * entry loads, compiles and simulates, and its L3V2 export re-imports to the same trajectory.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { solve } from '../../src/engines/solve.js';
import { exportSbml } from '../../src/io/sbml/export.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { checkModel } from './check-model.js';

const corpus = join(import.meta.dirname, 'corpus');
const files = readdirSync(corpus)
  .filter((f) => f.endsWith('.xml.gz'))
  .sort();
const sample = files.filter((_, i) => i % 23 === 0);

const run = (m: Model): Float64Array => {
  const ids = m.species.map((s) => s.id);
  return solve(compile(m), {
    tEnd: 20,
    outputTimes: [0, 10, 20],
    outputs: ids,
    amount: ids,
    rtol: 1e-8,
    atol: 1e-12,
  }).y;
};

describe('curated BioModels (sample)', () => {
  it('holds at least 200 entries', () => assert.ok(files.length >= 200, `${files.length} entries`));
  for (const f of sample) {
    const id = f.replace('.xml.gz', '');
    it(`${id} loads, compiles, simulates and round-trips through L3V2`, () => {
      const row = checkModel(id, join(corpus, f));
      assert.ok(row.simulates, `${row.stage}: ${row.error}`);
      const m = importSbml(gunzipSync(readFileSync(join(corpus, f))).toString('utf8'), `${id}.xml`);
      const again = importSbml(exportSbml(m), `${id}-l3v2.xml`);
      const a = run(m);
      const b = run(again);
      assert.equal(a.length, b.length);
      for (let i = 0; i < a.length; i++)
        assert.ok(Math.abs(a[i]! - b[i]!) <= 1e-9 * Math.abs(a[i]!) + 1e-15, `${i}`);
    });
  }
});
