import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mutualInformation } from './information.js';

test('mutual information: H(M) for separated outcomes, 0 for identical ones', () => {
  const label = [0, 0, 1, 1, 2];
  const w = [1, 1, 1, 1, 2];
  const far = [0, 0.1, 100, 100.2, 300];
  const H = -[2 / 6, 2 / 6, 2 / 6].reduce((s, p) => s + p * Math.log(p), 0);
  assert.ok(Math.abs(mutualInformation(label, w, far, 1) - H) < 1e-9);
  assert.ok(mutualInformation(label, w, [5, 5, 5, 5, 5], 1) < 1e-12);
  assert.equal(mutualInformation([0, 0], [1, 1], [0, 3], 1), 0); // one label: nothing to learn
});

test('mutual information: two point outcomes +-a with noise sd, against a fine numerical integral', () => {
  for (const a of [0.25, 1, 2]) {
    // Exact: I = integral over y of the mixture's terms, by the midpoint rule on a very fine grid.
    const n = (y: number, m: number) => Math.exp(-0.5 * (y - m) ** 2) / Math.sqrt(2 * Math.PI);
    let exact = 0;
    const h = 1e-3;
    for (let y = -a - 12; y < a + 12; y += h) {
      const p = 0.5 * n(y + h / 2, -a) + 0.5 * n(y + h / 2, a);
      for (const m of [-a, a]) {
        const q = 0.5 * n(y + h / 2, m);
        if (q > 0) exact += q * Math.log(q / (0.5 * p)) * h;
      }
    }
    const got = mutualInformation([0, 1], [1, 1], [-a, a], 1);
    assert.ok(Math.abs(got - exact) < 1e-6, `a ${a}: ${got} vs ${exact}`);
  }
});

test('mutual information: NaN outcomes dropped, more noise never more information', () => {
  const label = [0, 0, 1, 1, 1];
  const w = [1, 1, 1, 1, 1];
  const f = [0, 0.5, 1.5, 2, Number.NaN];
  const sharp = mutualInformation(label, w, f, 0.3);
  const blurred = mutualInformation(label, w, f, 1);
  assert.ok(sharp > blurred && blurred > 0);
  assert.throws(() => mutualInformation(label, w, f, 0), /sd 0/);
});
