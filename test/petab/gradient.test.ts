/**
 * The exact llh gradient of PEtab problems (forward sensitivities, src/petab/gradient.ts) against central
 * differences of the llh on parameter scale, away from the optimum, on benchmark problems that cover
 * the paths: Boehm (one condition, log10 parameters, noise parameters), Brannmark (preequilibration with a
 * conservation law, insulin switching at condition-set times: integration stops), Blasi (`inf` measurement
 * times: steady-state sensitivities after the simulation), and the sensitivity jump at a switch whose time
 * is estimated (engines/sensitivityJump.ts): Oliveira (its contact rate switches at the estimated t_1) and
 * Brannmark with its second insulin step's time estimated. Criterion: relative
 * error ||g - g_fd|| / ||g_fd|| <= 1e-4. The FD reference is solved at rtol 1e-10 / atol 1e-14.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { petabLikelihood } from '../../src/fit/multistart/petabLikelihood.js';
import { loadPetab } from '../../src/petab/problem.js';
import { COLLECTION } from './collection.js';

const yaml = (name: string): string => join(COLLECTION, name, `${name}.yaml`);

function relativeError(file: string): { rel: number; g: Float64Array } {
  const pp = loadPetab(file, { onWarning: () => {} });
  const ref = loadPetab(file, { onWarning: () => {}, rtol: 1e-10, atol: 1e-14 });
  const d = pp.parameterIds.length;
  // A point off the optimum, inside the bounds.
  const x = Float64Array.from(pp.nominal, (v, i) =>
    Math.min(pp.upperBounds[i]!, Math.max(pp.lowerBounds[i]!, v + (i % 2 ? 0.03 : -0.02))),
  );
  const g = new Float64Array(d);
  const f = pp.llhGradient(x, g);
  // Two solves of different systems at rtol 1e-8 (the augmented one takes its own steps and also controls
  // the sensitivities): equal to the solver's accuracy, measured 5e-9 relative with BDF and 4e-9 for
  // Brannmark with an estimated switch time.
  const llh = pp.llh(x);
  assert.ok(Math.abs(f - llh) < 1e-7 * Math.abs(f), `llhGradient returns the llh: ${f} vs ${llh}`);
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
  const names = [
    'Boehm_JProteomeRes2014',
    'Brannmark_JBC2010',
    'Blasi_CellSystems2016',
    'Oliveira_NatCommun2021',
  ];
  for (const name of names) {
    it(`${name}: relative error vs central FD <= 1e-4`, () => {
      const { rel, g } = relativeError(yaml(name));
      assert.ok(
        g.some((v) => Math.abs(v) > 1),
        'the point is off the optimum',
      );
      assert.ok(rel <= 1e-4, `relative error ${rel}`);
    });
  }

  // A switch time set per condition and estimated: Brannmark's TwoSteps condition reads its second insulin
  // step's time from a new estimated parameter t_step2 (linear, nominal 3 h, between the measurements at
  // 1.5 and 4 h, so that the llh is smooth in it). Without the jump term its gradient entry is 0.
  it('Brannmark_JBC2010 with an estimated switch time: relative error vs central FD <= 1e-4', () => {
    const dir = mkdtempSync(join(tmpdir(), 'brannmark-tau-'));
    try {
      cpSync(join(COLLECTION, 'Brannmark_JBC2010'), dir, { recursive: true });
      const cond = join(dir, 'experimentalCondition_Brannmark_JBC2010.tsv');
      const rows = readFileSync(cond, 'utf8').split('\n');
      const i = rows.findIndex((r) => r.startsWith('TwoSteps\t'));
      const cells = rows[i]!.split('\t');
      cells[4] = 't_step2'; // insulin_time_2
      rows[i] = cells.join('\t');
      writeFileSync(cond, rows.join('\n'));
      const par = join(dir, 'parameters_Brannmark_JBC2010.tsv');
      const text = readFileSync(par, 'utf8').replace(/\n*$/, '\n');
      writeFileSync(par, `${text}t_step2\tt_step2\tlin\t1\t3.9\t3\t1\n`);
      const file = join(dir, 'Brannmark_JBC2010.yaml');
      const pp = loadPetab(file, { onWarning: () => {} });
      const k = pp.parameterIds.indexOf('t_step2');
      assert.ok(k >= 0 && pp.gradientUnsupported === null);
      const { rel, g } = relativeError(file);
      assert.ok(Math.abs(g[k]!) > 1, `d llh / d t_step2 = ${g[k]}`);
      assert.ok(rel <= 1e-4, `relative error ${rel}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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
