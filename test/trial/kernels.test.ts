/**
 * The generated kernels of the fast trial path give the bits of what they replace: a rate kernel (one
 * prepare, then only the varying slots move) against problem.rate flux by flux, and the straight-line
 * slope of the reduced cell system against the indexed loop over its reactions.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../../src/random/rng.js';
import { scenario } from '../../src/trial/assumptions.js';
import { assembler, cellSystem } from '../../src/trial/cellSystem.js';
import { patientParams } from '../../src/trial/patient.js';
import { drawPatient } from '../../src/trial/population.js';
import { rateKernel } from '../../src/trial/rateKernel.js';
import { emptyState, trialModel } from '../../src/trial/rates.js';

const M = trialModel();
const pr = M.problem;

test('rate kernel: fluxes bit-identical to problem.rate as the varying slots move after one prepare', () => {
  const rng = stream(5, 0);
  const sys = cellSystem(M);
  const cases = [
    // The rate table's kernel (drug moving), and the reference clone's (cells moving).
    { rx: [M.rxRenew, ...M.rxLoss, M.rxDormantKill], moving: [M.slots.Abc, M.slots.Abp] },
    { rx: Array.from(sys.rx), moving: Array.from(sys.slots) },
  ];
  for (let i = 0; i < 3; i++) {
    const p = patientParams(M, drawPatient(1, i, scenario()));
    for (const c of cases) {
      const K = rateKernel(pr, c.rx, c.moving);
      const y = emptyState(M, p);
      y[M.slots.S] = 1;
      y[M.slots.Sq] = 1;
      K.prepare(y, p);
      const out = new Float64Array(c.rx.length);
      for (let draw = 0; draw < 20; draw++) {
        for (const s of c.moving) y[s] = 10 ** (8 * rng.uniform()) * (draw % 5 === 0 ? 0 : 1);
        K.evaluate(0, y, p, out);
        c.rx.forEach((j, k) => {
          assert.ok(Object.is(out[k], pr.rate(j, 0, y, p)), `patient ${i}, reaction ${pr.reactionIds[j]}`);
        });
      }
    }
  }
});

test('rate kernel: a slot that does not move must be prepared again (the hoisted part is stale)', () => {
  const p = patientParams(M, drawPatient(1, 0, scenario()));
  const K = rateKernel(pr, [M.rxLoss[2]!], [M.slots.S]);
  const y = emptyState(M, p);
  y[M.slots.S] = 1;
  y[M.slots.Abc] = 5;
  K.prepare(y, p);
  const out = new Float64Array(1);
  K.evaluate(0, y, p, out);
  const atDrug = pr.rate(M.rxLoss[2]!, 0, y, p);
  assert.ok(atDrug > 0, 'the Fc kill acts with drug');
  assert.equal(out[0], atDrug);
  y[M.slots.Abc] = 0;
  K.evaluate(0, y, p, out);
  assert.equal(out[0], atDrug, 'drug removed without a prepare: the kernel still sees it');
  K.prepare(y, p);
  K.evaluate(0, y, p, out);
  assert.equal(out[0], pr.rate(M.rxLoss[2]!, 0, y, p));
});

test('straight-line slope of the cell system: the bits of the indexed loop', () => {
  const sys = cellSystem(M);
  const f = assembler(sys, pr);
  const n = sys.slots.length;
  const rng = stream(6, 0);
  const rho = new Float64Array(sys.rx.length);
  const x = new Float64Array(n);
  const dx = new Float64Array(n);
  const loop = new Float64Array(n);
  for (let draw = 0; draw < 50; draw++) {
    for (let k = 0; k < rho.length; k++) rho[k] = rng.uniform();
    for (let i = 0; i < n; i++) x[i] = 10 ** (9 * rng.uniform());
    f(rho, x, dx);
    loop.fill(0);
    for (let k = 0; k < sys.rx.length; k++) {
      const v = rho[k]! * x[sys.reactant[k]!]!;
      for (let e = sys.rowPtr[k]!; e < sys.rowPtr[k + 1]!; e++)
        loop[sys.col[e]!] = loop[sys.col[e]!]! + sys.val[e]! * v;
    }
    for (let i = 0; i < n; i++) assert.ok(Object.is(dx[i], loop[i]), `draw ${draw}, species ${i}`);
  }
});
