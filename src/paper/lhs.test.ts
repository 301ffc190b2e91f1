import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinHypercube } from './lhs.js';

test('one point per stratum in every dimension, inside the range, reproducible', () => {
  const dims = [
    { id: 'a', range: [0, 1] as const },
    { id: 'b', range: [2, 4] as const },
    { id: 'c', range: [1e-3, 1] as const },
  ];
  const n = 200;
  const s = latinHypercube(dims, n, 7);
  for (let j = 0; j < 3; j++) {
    const seen = new Uint8Array(n);
    const [lo, hi] = dims[j]!.range;
    for (let i = 0; i < n; i++) {
      const v = s.values[i * 3 + j]!;
      assert.ok(v >= lo && v <= hi);
      const u = j === 2 ? Math.log(v / lo) / Math.log(hi / lo) : (v - lo) / (hi - lo);
      seen[Math.min(n - 1, Math.floor(u * n))]!++;
    }
    assert.ok(
      seen.every((c) => c === 1),
      `dimension ${j} has one point per stratum`,
    );
  }
  assert.deepEqual(latinHypercube(dims, n, 7).values, s.values);
  assert.notDeepEqual(latinHypercube(dims, n, 8).values, s.values);
});
