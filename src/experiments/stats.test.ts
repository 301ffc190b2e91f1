import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chiSq1Upper, erfc, normalUpper, quantile, sd, signedRankTest, signTest } from './stats.js';

test('erfc and normal tail against tabulated values', () => {
  assert.ok(Math.abs(erfc(0) - 1) < 1e-7);
  assert.ok(Math.abs(erfc(1) - 0.157299207) < 1e-7);
  assert.ok(Math.abs(erfc(-1) - 1.842700793) < 1e-7);
  assert.ok(Math.abs(normalUpper(1.959963985) - 0.025) < 1e-7);
  assert.ok(Math.abs(chiSq1Upper(3.841458821) - 0.05) < 1e-7);
});

test('summaries', () => {
  assert.equal(quantile([3, 1, 2, 4], 0.5), 2.5);
  assert.ok(Math.abs(sd([1, 2, 3, 4]) - Math.sqrt(5 / 3)) < 1e-12);
});

test('exact paired tests by hand', () => {
  // 8 of 8 positive: W = 36, only the all-positive pattern reaches it: p = 1/256.
  const all = signedRankTest([1, 2, 3, 4, 5, 6, 7, 8]);
  assert.equal(all.w, 36);
  assert.equal(all.p, 1 / 256);
  // One negative of rank 1: W = 35; patterns with W >= 35: all positive, or only rank 1 negative: 2/256.
  assert.equal(signedRankTest([-1, 2, 3, 4, 5, 6, 7, 8]).p, 2 / 256);
  // Sign test: 7 of 8 positive: (C(8,7) + 1) / 256.
  assert.equal(signTest([1, 1, 1, 1, 1, 1, 1, -1]).p, 9 / 256);
});
