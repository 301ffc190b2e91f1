import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claims } from './claims/index.js';
import { claimStatistics } from './claims/statistics.js';
import { parameterSets } from './robustness.js';

test('each claim holds exactly when its criterion accepts its statistic', () => {
  for (const set of parameterSets(3, 5)) {
    const s = claimStatistics(set);
    assert.equal(s.length, 8);
    claims.forEach((c, k) => {
      assert.ok(!Number.isNaN(s[k]!), `${c.id} statistic is a number`);
      assert.equal(c.holds(set), c.accepts(s[k]!), c.id);
    });
  }
});

test('a failing simulation gives NaN, never a pass', () => {
  // Controls cannot grow without CSC division: the xenograft claims have no study (NaN).
  const s = claimStatistics(() => ({ lambdaS: 0, lambdaP: 0 }));
  for (const k of [2, 3, 4]) {
    assert.ok(Number.isNaN(s[k]!));
    assert.equal(claims[k]!.accepts(s[k]!), false);
  }
});
