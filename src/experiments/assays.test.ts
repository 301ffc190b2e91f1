import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aldhFraction, fractionAbove, gateAtQuantile, meanHer2 } from './flow.js';
import { ihcScore } from './ihc.js';
import { culture, cultureCompositions, limitingDilution, spheres } from './invitro.js';
import { lab } from './lab.js';
import { column, run } from './sim.js';
import { xenograft } from './xenograft.js';

test('flow gate and HER2+ fractions of a lognormal mixture', () => {
  const m = { weights: [1], her2: [1e4] };
  const g = gateAtQuantile(m, 0.95, 0.6);
  assert.ok(Math.abs(fractionAbove(m, g, 0.6) - 0.05) < 1e-6);
  // median = mean e^{-s^2/2}: half of the cells lie above it.
  assert.ok(Math.abs(fractionAbove(m, 1e4 * Math.exp(-0.18), 0.6) - 0.5) < 1e-6);
  assert.equal(meanHer2({ weights: [1, 3], her2: [4, 8] }), 7);
  assert.deepEqual([1e4, 6.4e4, 3e5, 1e6].map(ihcScore), [0, 1, 2, 3]);
});

test('replicate mice without variability average to the mean model (large CSC pools)', () => {
  const L = lab('MCF7');
  const [ctl] = xenograft({
    line: 'MCF7',
    arms: [{ name: 'control' }],
    mice: 3,
    seed: 3,
    tEnd: 20,
    variability: {},
  });
  const det = column(run(L.problem, { p: L.problem.p, tEnd: 20, times: [20], outputs: ['V'] }), 'V')[0]!;
  const meanV = ctl!.volume.reduce((s, v) => s + v[v.length - 1]!, 0) / 3;
  // ~1e3 CSCs: relative CSC noise ~ sqrt((b + d) / (b - d) / S0) ~ 10%; volume noise is smaller.
  assert.ok(Math.abs(meanV / det - 1) < 0.1, `${meanV} vs ${det}`);
  assert.equal(ctl!.extinct[ctl!.extinct.length - 1], 0);
});

test('trastuzumab in culture lowers the CSC fraction of MCF7 only through HER2', () => {
  const base = culture('MCF7', {}, 7);
  const trz = culture('MCF7', { trastuzumab: 10 }, 7);
  assert.ok(trz.csc.at(-1)! < 0.7 * base.csc.at(-1)!);
  const basal = culture('SUM159', { trastuzumab: 10 }, 7);
  const basal0 = culture('SUM159', {}, 7);
  // Only the tiny HER2 drive of SUM159 progenitors (1e4 receptors vs half-saturation 3e5) moves.
  assert.ok(Math.abs(basal.csc.at(-1)! / basal0.csc.at(-1)! - 1) < 0.01);
});

test('sphere assay: CSC founders form spheres more often than late progenitors', async () => {
  const c = culture('MCF7', {}, 1);
  const r = await spheres('MCF7', {}, c.end, { runs: 60, seed: 2 });
  assert.ok(r.perFounder[0]! > r.perFounder[r.perFounder.length - 1]!);
  assert.ok(r.efficiency > 0 && r.efficiency < 0.1);
});

test('limiting dilution of pure CSCs recovers the survival probability as frequency', () => {
  const L = lab('MCF7');
  const r = limitingDilution(L, 1, [1, 2, 5], 200, 4);
  // f = 1 - d/b per CSC (about 0.2 here): the estimate lies in (0.1, 0.5).
  assert.ok(r.elda.frequency > 0.1 && r.elda.frequency < 0.5, String(r.elda.frequency));
});

test('culture compositions at several days agree with separate cultures; the ALDH gate counts stages', () => {
  const [c7, c14] = cultureCompositions('ZR75-1', { knockdown: 0.8 }, [7, 14]);
  for (const [days, c] of [
    [7, c7!],
    [14, c14!],
  ] as const) {
    const one = culture('ZR75-1', { knockdown: 0.8 }, days);
    assert.ok(Math.abs(aldhFraction(c) / one.aldh.at(-1)! - 1) < 1e-4, `${days} d`);
  }
  // Summed in aldhFraction's order (S + D, then each P_i): the comparison is exact.
  const total = c7!.P.reduce((a, b) => a + b, c7!.S + c7!.D);
  assert.equal(aldhFraction(c7!, 0), c7!.S / total);
  assert.ok(aldhFraction(c7!, 2) < aldhFraction(c7!, 6));
});
