/**
 * The PEtab benchmark goal of issue 13 (`npm run test:petab-fit`, tens of minutes on 2 loaded cores): for
 * benchmark problems with <= 40 estimated parameters, the best of 100 multistart starts (Latin hypercube,
 * seed 1, bounded L-BFGS with the exact gradient) reaches the llh at the parameter table's nominal values,
 * or better, within 0.1. One row of figures per problem goes to the test's diagnostics (and, with
 * PETAB_FIT_OUT=file, appended as a JSON line): starts, converged, starts within 0.1 of the best and of the
 * nominal llh, best and nominal llh, CPU ms per start. PETAB_FIT_PROBLEMS (comma-separated) and
 * PETAB_FIT_STARTS override the defaults for a partial run.
 */
import assert from 'node:assert/strict';
import { appendFileSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { multistart } from '../../src/fit/multistart/multistart.js';
import { loadPetabLikelihood } from '../../src/fit/multistart/petabLikelihood.js';
import { COLLECTION } from './collection.js';

const DEFAULT = [
  'Boehm_JProteomeRes2014',
  'Perelson_Science1996',
  'Rahman_MBS2016',
  'Blasi_CellSystems2016',
  'Bruno_JExpBot2016',
];
const names = process.env.PETAB_FIT_PROBLEMS?.split(',') ?? DEFAULT;
const starts = Number(process.env.PETAB_FIT_STARTS ?? 100);

for (const name of names) {
  test(`${name}: best of ${starts} starts >= nominal llh - 0.1`, {
    skip: !existsSync(COLLECTION) && 'no collection',
  }, (t) => {
    const L = loadPetabLikelihood(join(COLLECTION, name, `${name}.yaml`));
    const d = L.problem.parameterIds.length;
    assert.ok(d <= 40, `${d} estimated parameters`);
    const c0 = process.cpuUsage();
    const r = multistart(L.problem, { starts, seed: 1 });
    const c = process.cpuUsage(c0);
    const ok = r.starts.filter((s) => Number.isFinite(s.nllh));
    const best = r.best === undefined ? Number.NEGATIVE_INFINITY : -r.best.nllh;
    const row = {
      problem: name,
      parameters: d,
      gradient: L.gradient,
      starts,
      converged: r.converged,
      failed: r.failed,
      withinBest: ok.filter((s) => -s.nllh >= best - 0.1).length,
      reachedNominal: ok.filter((s) => -s.nllh >= L.nominalLlh - 0.1).length,
      bestLlh: best,
      nominalLlh: L.nominalLlh,
      cpuMsPerStart: (c.user + c.system) / 1000 / starts,
      loadavg: loadavg()[0],
    };
    t.diagnostic(JSON.stringify(row));
    if (process.env.PETAB_FIT_OUT) appendFileSync(process.env.PETAB_FIT_OUT, `${JSON.stringify(row)}\n`);
    assert.ok(best >= L.nominalLlh - 0.1, `best llh ${best} < nominal ${L.nominalLlh} - 0.1`);
  });
}
