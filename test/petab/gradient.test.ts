/**
 * The exact llh gradient of PEtab problems (forward sensitivities, src/petab/gradient.ts) against central
 * differences of the llh on parameter scale, away from the optimum, on three benchmark problems that cover
 * the paths: Boehm (one condition, log10 parameters, noise parameters), Brannmark (preequilibration with a
 * conservation law; now refused, see below) and
 * Blasi (`inf` measurement times: steady-state sensitivities after the simulation). Criterion: relative
 * error ||g - g_fd|| / ||g_fd|| <= 1e-4. The FD reference is solved at rtol 1e-10 / atol 1e-14.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { petabLikelihood } from '../../src/fit/multistart/petabLikelihood.js';
import { loadPetab } from '../../src/petab/problem.js';
import { COLLECTION } from './collection.js';

const yaml = (name: string): string => join(COLLECTION, name, `${name}.yaml`);

function relativeError(name: string): { rel: number; g: Float64Array } {
  const pp = loadPetab(yaml(name), { onWarning: () => {} });
  const ref = loadPetab(yaml(name), { onWarning: () => {}, rtol: 1e-10, atol: 1e-14 });
  const d = pp.parameterIds.length;
  // A point off the optimum, inside the bounds.
  const x = Float64Array.from(pp.nominal, (v, i) =>
    Math.min(pp.upperBounds[i]!, Math.max(pp.lowerBounds[i]!, v + (i % 2 ? 0.03 : -0.02))),
  );
  const g = new Float64Array(d);
  const f = pp.llhGradient(x, g);
  // Two solves of different systems at rtol 1e-8 (the augmented one's steps also control the sensitivities):
  // equal to the solver's accuracy, measured 8e-12 relative with Rodas5P and 5e-9 with BDF.
  assert.ok(Math.abs(f - pp.llh(x)) < 1e-7 * Math.abs(f), 'llhGradient returns the llh');
  const h = 1e-5;
  let num = 0;
  let den = 0;
  for (let k = 0; k < d; k++) {
    const up = Float64Array.from(x);
    const dn = Float64Array.from(x);
    up[k] += h;
    dn[k] -= h;
    const fd = (ref.llh(up) - ref.llh(dn)) / (2 * h);
    num += (g[k]! - fd) ** 2;
    den += fd * fd;
  }
  return { rel: Math.sqrt(num / den), g };
}

describe('PEtab llh gradient by forward sensitivities', {
  skip: !existsSync(COLLECTION) && 'no collection',
}, () => {
  for (const name of ['Boehm_JProteomeRes2014', 'Blasi_CellSystems2016']) {
    it(`${name}: relative error vs central FD <= 1e-4`, () => {
      const { rel, g } = relativeError(name);
      assert.ok(
        g.some((v) => Math.abs(v) > 1),
        'the point is off the optimum',
      );
      assert.ok(rel <= 1e-4, `relative error ${rel}`);
    });
  }

  // Brannmark's insulin inputs switch at parameter times (`time < insulin_time_1`), which are integration
  // stops since the time-switch change; sensitivities across a switch whose time a parameter sets need the
  // jump term, which is not implemented, so the exact gradient is refused (the adapter falls back to FD).
  it('Brannmark_JBC2010: parameter-timed switches refuse the exact gradient with the reason', () => {
    const pp = loadPetab(yaml('Brannmark_JBC2010'), { onWarning: () => {} });
    assert.throws(
      () => pp.llhGradient(pp.nominal, new Float64Array(pp.parameterIds.length)),
      /discontinuities/,
    );
  });

  it('the multistart adapter: nllh = -llh, gradient in model units, FD fallback on request', () => {
    const pp = loadPetab(yaml('Boehm_JProteomeRes2014'), { onWarning: () => {} });
    const exact = petabLikelihood(pp);
    const fd = petabLikelihood(pp, 'central-fd');
    assert.equal(exact.gradient, 'sensitivities');
    assert.equal(fd.gradient, 'central-fd');
    assert.ok(Math.abs(exact.nominalLlh - -138.222) < 1e-3);
    const x = Float64Array.from(exact.problem.lower, (lo, i) => Math.sqrt(lo * exact.problem.upper[i]!));
    const g1 = new Float64Array(x.length);
    const g2 = new Float64Array(x.length);
    const f1 = exact.problem.gradient(x, g1);
    const f2 = fd.problem.gradient(x, g2);
    assert.ok(Math.abs(f1 - exact.problem.nllh(x)) < 1e-8 * Math.abs(f1));
    assert.ok(Math.abs(f1 - f2) < 1e-8 * Math.abs(f1));
    let num = 0;
    let den = 0;
    for (let k = 0; k < x.length; k++) {
      num += ((g1[k]! - g2[k]!) * x[k]!) ** 2;
      den += (g2[k]! * x[k]!) ** 2;
    }
    assert.ok(Math.sqrt(num / den) < 1e-3, `relative ${Math.sqrt(num / den)}`);
  });
});
