/** Priors: normalised densities (model selection compares them across models), samples inside the support. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makePrior, type PriorSpec, parsePrior } from '../../src/fit/priors.js';
import { stream } from '../../src/random/rng.js';

const specs: PriorSpec[] = [
  { type: 'uniform', lo: -1, hi: 3 },
  { type: 'log-uniform', lo: 0.01, hi: 10 },
  { type: 'normal', mean: 1, sd: 2 },
  { type: 'normal', mean: 1, sd: 2, lo: 0, hi: 2 },
  { type: 'log-normal', mu: 0, sigma: 0.5 },
  { type: 'log-normal', mu: 0, sigma: 0.5, lo: 0.5, hi: 3 },
];

/** Integral of exp(logPdf) by the midpoint rule on a log-spaced or linear grid. */
function mass(spec: PriorSpec): number {
  const p = makePrior(spec);
  const lo = Number.isFinite(p.lo) ? p.lo : -20;
  const hi = Number.isFinite(p.hi) ? p.hi : 40;
  const n = 200000;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const x = lo + ((i + 0.5) * (hi - lo)) / n;
    s += Math.exp(p.logPdf(x));
  }
  return (s * (hi - lo)) / n;
}

for (const spec of specs)
  test(`${JSON.stringify(spec)}: density integrates to 1, samples inside the support with the right mean`, () => {
    assert.ok(Math.abs(mass(spec) - 1) < 2e-3, `mass ${mass(spec)}`);
    const p = makePrior(spec);
    const rng = stream(9, 0);
    let sum = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const x = p.sample(rng);
      assert.ok(x >= p.lo && x <= p.hi && Number.isFinite(p.logPdf(x)), `sample ${x}`);
      sum += x;
    }
    // The density's own mean (midpoint rule) against the sample mean: sampler and density agree.
    const lo = Number.isFinite(p.lo) ? p.lo : -20;
    const hi = Number.isFinite(p.hi) ? p.hi : 40;
    let m = 0;
    let v = 0;
    const k = 100000;
    for (let i = 0; i < k; i++) {
      const x = lo + ((i + 0.5) * (hi - lo)) / k;
      const w = (Math.exp(p.logPdf(x)) * (hi - lo)) / k;
      m += w * x;
      v += w * x * x;
    }
    const sd = Math.sqrt(v - m * m);
    assert.ok(Math.abs(sum / n - m) < 4 * (sd / Math.sqrt(n)), `sample mean ${sum / n} vs ${m}`);
  });

test('bad priors are input errors naming the path', () => {
  assert.throws(() => parsePrior({ type: 'uniform', lo: 1, hi: 1 }, 'p'), /p: prior bounds need lo < hi/);
  assert.throws(() => parsePrior({ type: 'log-uniform', lo: 0, hi: 1 }, 'p'), /log-uniform needs lo > 0/);
  assert.throws(() => parsePrior({ type: 'normal', mean: 0, sd: 0 }, 'p'), /sd > 0/);
  assert.throws(() => parsePrior({ type: 'normal', mean: 0, sd: 1, lo: 2, hi: 1 }, 'p'), /lo < hi/);
  assert.throws(
    () => parsePrior({ type: 'gamma' }, 'x.prior', 'f.yaml'),
    /f\.yaml: x\.prior: unknown prior type/,
  );
  assert.throws(
    () => parsePrior({ type: 'uniform', lo: 'a', hi: 1 }, 'p'),
    /p\.lo: expected a finite number/,
  );
});
