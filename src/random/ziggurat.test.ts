import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from './rng.js';
import { EXP_ACCEPT, EXP_LAYERS, EXP_WIDTH, expZiggurat, layoutClosure } from './ziggurat.js';

test('ziggurat layout: 256 regions of equal area close at x = 0 to rounding', () => {
  const { area, topError } = layoutClosure();
  assert.ok(Math.abs(topError) < 1e-13 * area, `top layer off by ${topError / area} of the area`);
  assert.ok(Math.abs(EXP_WIDTH[1] - 7.69711747013105) < 1e-12, 'r matches Marsaglia & Tsang');
  for (let i = 1; i < EXP_LAYERS; i++) assert.ok(EXP_WIDTH[i] > 0 && EXP_WIDTH[i] < EXP_WIDTH[i - 1]);
  for (let i = 0; i < EXP_LAYERS; i++) assert.ok(EXP_ACCEPT[i] >= 0 && EXP_ACCEPT[i] < 1);
});

test('ziggurat exponential: chi-square on 400 equiprobable bins and the tail beyond r', () => {
  // Equiprobable bins of Exp(1) resolve every layer's wedge (the region a wrong accept test would bend).
  const u = stream(11, 0);
  const n = 2_000_000;
  const bins = 400;
  const counts = new Float64Array(bins);
  let tail = 0;
  let tailSum = 0;
  const r = EXP_WIDTH[1];
  for (let k = 0; k < n; k++) {
    const x = expZiggurat(u);
    assert.ok(x >= 0 && Number.isFinite(x));
    counts[Math.min(bins - 1, Math.floor(-Math.expm1(-x) * bins))]++;
    if (x > r) {
      tail++;
      tailSum += x - r;
    }
  }
  const e = n / bins;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - e) ** 2 / e;
  // chi-square with 399 df: mean 399, sd 28.2; 4 sd.
  assert.ok(chi2 < 399 + 4 * Math.sqrt(2 * 399), `chi2 = ${chi2}`);
  // P(X > r) = e^-r: about 905 draws; their excess over r is Exp(1) (memorylessness).
  const pTail = Math.exp(-r);
  assert.ok(Math.abs(tail - n * pTail) < 4 * Math.sqrt(n * pTail), `tail count ${tail}`);
  assert.ok(Math.abs(tailSum / tail - 1) < 4 / Math.sqrt(tail), `tail mean excess ${tailSum / tail}`);
});

test('the inlined fast path with expSlow draws what exponential() draws (one stream)', () => {
  const a = stream(5, 3);
  const b = stream(5, 3);
  for (let k = 0; k < 20_000; k++) {
    const w = b.uniform() * EXP_LAYERS;
    const i = w | 0;
    const g = w - i;
    const x = g < b.expAccept[i] ? g * b.expWidth[i] : b.expSlow(i, g);
    assert.equal(x, a.exponential());
  }
  assert.equal(a.uniform(), b.uniform());
});
