import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../engines/solve.js';
import { administrations, column, paramVector, run } from '../experiments/sim.js';
import { compile } from '../model/compile.js';
import { getModel, her2Csc, modelIds, presetParams, scheduleDose } from './index.js';

const close = (a: number, b: number, rel: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${msg} ${a} vs ${b}`);

const mcf7 = compile(her2Csc('MCF7'));

test('every parameter has a unit, a range containing its value and a source', () => {
  for (const s of presetParams('BT474', { site: 'bone' })) {
    assert.ok(s.unit && s.source, s.id);
    assert.ok(s.range[0] <= s.value && s.value <= s.range[1], `${s.id} ${s.value} in ${s.range}`);
  }
  assert.ok(modelIds.includes('her2csc-bt474-bone'));
  assert.equal(getModel('her2csc').id, 'her2csc_MCF7_fatpad');
});

test('mass balance: d(total cells)/dt = divisions - deaths', () => {
  const p = mcf7.p;
  const y = mcf7.initialState(p);
  const dy = new Float64Array(mcf7.n);
  mcf7.rhs(0, y, p, dy);
  const rates = new Float64Array(mcf7.nReactions);
  mcf7.rates(0, y, p, rates);
  let div = 0;
  let death = 0;
  mcf7.reactionIds.forEach((id, j) => {
    if (/^(S_renew|S_symdiff|S_asym|P\d+_div)$/.test(id)) div += rates[j]!;
    if (/^(S_death|P\d+_death|D_death)$/.test(id)) death += rates[j]!;
  });
  const cells = ['S', ...Array.from({ length: 10 }, (_, i) => `P${i + 1}`), 'D'];
  const dN = cells.reduce((s, id) => s + dy[mcf7.stateIndex.get(id)!]!, 0);
  close(dN, div - death, 1e-12);
});

test('division limit: one P1 cell without death yields exactly 2^k differentiated cells', () => {
  const p = paramVector(mcf7, { deltaP: 0, deltaD: 0 });
  const y0 = new Float64Array(mcf7.initialState(p));
  for (const id of ['S', 'D', ...Array.from({ length: 10 }, (_, i) => `P${i + 1}`)])
    y0[mcf7.stateIndex.get(id)!] = 0;
  y0[mcf7.stateIndex.get('P1')!] = 1;
  const sol = solve(mcf7, { tEnd: 150, p, y0, outputs: ['D'], outputTimes: [150], rtol: 1e-9, atol: 1e-12 });
  close(sol.y[0]!, 1024, 1e-6);
});

test('trastuzumab PK matches the closed-form two-compartment bolus solution (superposed doses)', () => {
  const spec = Object.fromEntries(presetParams('MCF7').map((s) => [s.id, s.value]));
  const { CL, V1, V2, Q } = spec as Record<string, number>;
  const k10 = CL! / V1!;
  const k12 = Q! / V1!;
  const k21 = Q! / V2!;
  const sum = k10 + k12 + k21;
  const disc = Math.sqrt(sum * sum - 4 * k10 * k21);
  const alpha = (sum + disc) / 2;
  const beta = (sum - disc) / 2;
  const unit = (t: number): number =>
    t < 0 ? 0 : ((alpha - k21) * Math.exp(-alpha * t) + (k21 - beta) * Math.exp(-beta * t)) / (alpha - beta);
  const doses = administrations([scheduleDose({ regimen: 'mouse-13-4.5-weekly', start: 0, count: 3 })]);
  const p = paramVector(mcf7, { inoculum: 1 });
  const times = [0.5, 3, 7.5, 14.5, 30];
  const tr = run(mcf7, { p, tEnd: 30, times, outputs: ['C'], doses, rtol: 1e-9 });
  const C = column(tr, 'C');
  times.forEach((t, i) => {
    const exact = doses.reduce((s, d) => s + d.amount * unit(t - d.t), 0) / V1!;
    close(C[i]!, exact, 1e-5, `t=${t}`);
  });
  // Terminal half-life ~8 days in the mouse (domain.md).
  close(Math.LN2 / beta, 8.8, 0.1);
});

test('HER2 relaxes to its analytic target at each site', () => {
  for (const site of ['fatpad', 'bone'] as const) {
    const pr = compile(her2Csc('ZR75-1', { site }));
    const v = Object.fromEntries(presetParams('ZR75-1', { site }).map((s) => [s.id, s.value])) as Record<
      string,
      number
    >;
    const r = v.rankl!;
    const target = v.her2Base! * v.copyRatio! * (1 + (v.rankInd! - 1) * (r / (r + v.KR!)));
    const sol = solve(pr, { tEnd: 60, outputs: ['HER2_N', 'HER2_S'], outputTimes: [60] });
    close(sol.y[0]!, target, 1e-6, site);
    close(sol.y[1]!, target * v.cscEnrich!, 1e-6, site);
  }
});
