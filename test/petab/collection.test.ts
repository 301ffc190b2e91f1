/**
 * A fast subset of the PEtab benchmark collection (the whole collection: `npm run test:petab`): the
 * simulation tables of four small problems within 1e-3, and AMICI's reference llh for two of them. Liu's
 * condition sets a parameter that only an initial assignment defines (it was refused for a while: the
 * whole collection runs outside CI).
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { COLLECTION, compareSimulations, loadPetab, problems } from './collection.js';

const amici = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'amici-llh.json'), 'utf8'))
  .llh as Record<string, number>;

describe('PEtab benchmark collection (subset)', { skip: !existsSync(COLLECTION) && 'no collection' }, () => {
  const all = existsSync(COLLECTION) ? problems() : [];
  for (const name of [
    'Boehm_JProteomeRes2014',
    'Bertozzi_PNAS2020',
    'Weber_BMC2015',
    'Liu_IFACPapersOnLine2025',
  ]) {
    it(name, () => {
      const pf = all.find((p) => p.name === name)!;
      const pp = loadPetab(pf.yaml, { onWarning: () => {} });
      const ev = pp.simulate(pp.nominal);
      const c = compareSimulations(pp, ev.results[0]!.simulation, pf.simulated!);
      assert.ok(c.matched, JSON.stringify(c));
      const ref = amici[name];
      if (ref !== undefined)
        assert.ok(Math.abs(ev.llh - ref) <= 1e-3 + 1e-3 * Math.abs(ref), `${ev.llh} vs ${ref}`);
    });
  }
});
