import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SsaMethodName } from '../../src/engines/ssa/method.js';
import { InputError } from '../../src/errors.js';
import type { Model } from '../../src/model/types.js';
import { simulate } from '../../src/parallel/ensemble.js';
import { compile } from './mini-compile.js';
import { birthDeath, dimerisation, id, immigrationDeath, manyDecays, mul, num } from './models.js';

// DSMTS-style acceptance: Z = sqrt(n)(mean - mu)/sd within +-4 and Y = sqrt(n/2)(var/sd^2 - 1) within +-5.
function zy(mean: number, sd: number, mu: number, sigma: number, n: number): { z: number; y: number } {
  return { z: (Math.sqrt(n) * (mean - mu)) / sigma, y: Math.sqrt(n / 2) * ((sd * sd) / (sigma * sigma) - 1) };
}

const grid = (end: number, steps: number): number[] =>
  Array.from({ length: steps + 1 }, (_, i) => (end * i) / steps);

test('direct method: linear birth-death mean and variance match the exact moments', async () => {
  const [x0, b, d] = [100, 0.1, 0.11];
  const runs = 4000;
  const r = await simulate(compile(birthDeath(x0, b, d)), {
    runs,
    seed: 11,
    outputTimes: grid(50, 5),
    quantiles: [0.5],
  });
  for (let i = 1; i < r.t.length; i++) {
    const g = Math.exp((b - d) * r.t[i]);
    const mu = x0 * g;
    const sigma = Math.sqrt((x0 * (b + d) * g * (g - 1)) / (b - d));
    const s = zy(r.mean[i], r.sd[i], mu, sigma, runs);
    assert.ok(Math.abs(s.z) < 4 && Math.abs(s.y) < 5, `t=${r.t[i]} Z=${s.z} Y=${s.y}`);
  }
  assert.equal(r.mean[0], x0);
  assert.equal(r.sd[0], 0);
  assert.ok(r.stats.firings > 0);
});

test('events: a reset at time >= 25 shows at t = 25 in every run, relaxation afterwards', async () => {
  const ev: Model['events'] = [
    {
      id: 'reset',
      trigger: { k: 'op', op: 'ge', args: [{ k: 'time' }, num(25)] },
      assignments: [{ variable: 'X', math: num(50) }],
    },
  ];
  const runs = 3000;
  const [alpha, m] = [1, 0.1];
  for (const method of ['direct', 'tau-leap'] as SsaMethodName[]) {
    const r = await simulate(compile(immigrationDeath(0, alpha, m, ev)), {
      runs,
      seed: 5,
      method,
      outputTimes: [0, 10, 24.5, 25, 30, 50],
      quantiles: [],
    });
    assert.equal(r.mean[3], 50, method);
    assert.equal(r.sd[3], 0, method);
    for (const i of [1, 4, 5]) {
      const t = r.t[i];
      // Immigration-death from a fixed start is Poisson + thinned binomial: mean and variance known exactly.
      const mu =
        t < 25
          ? (alpha / m) * (1 - Math.exp(-m * t))
          : 50 * Math.exp(-m * (t - 25)) + (alpha / m) * (1 - Math.exp(-m * (t - 25)));
      const q = Math.exp(-m * (t - 25));
      const v = t < 25 ? mu : 50 * q * (1 - q) + (alpha / m) * (1 - q);
      const s = zy(r.mean[i], r.sd[i], mu, Math.sqrt(v), runs);
      assert.ok(Math.abs(s.z) < 4 && Math.abs(s.y) < 5, `${method} t=${t} Z=${s.z} Y=${s.y}`);
    }
  }
});

test('tau-leap and hybrid: immigration-death with large numbers matches the Poisson mean', async () => {
  const [alpha, m] = [2000, 1];
  const t = [0, 0.5, 2, 5];
  for (const method of ['tau-leap', 'hybrid'] as SsaMethodName[]) {
    const runs = 400;
    const r = await simulate(compile(immigrationDeath(0, alpha, m)), {
      runs,
      seed: 3,
      method,
      outputTimes: t,
      quantiles: [],
      tuning: { hybridThreshold: 200, maxStep: 0.01 },
    });
    for (let i = 1; i < t.length; i++) {
      const mu = (alpha / m) * (1 - Math.exp(-m * t[i]));
      // Tau-leap (eps = 0.03) adds a small bias; allow 4 standard errors plus 1 %.
      assert.ok(
        Math.abs(r.mean[i] - mu) < 4 * Math.sqrt(mu / runs) + 0.01 * mu,
        `${method} t=${t[i]} ${r.mean[i]} vs ${mu}`,
      );
    }
    if (method === 'tau-leap') {
      // (No variance check at stationarity: explicit leaps with tau*mu ~ 0.9 inflate it, a known limitation.)
      assert.ok(r.stats.steps < r.stats.firings / 5, 'tau-leap should leap');
    }
  }
});

test('tau-leap keeps populations non-negative on a second-order reaction and agrees with direct', async () => {
  const model = dimerisation(1000, 0.002);
  const t = [0, 0.5, 2];
  const runs = 1000;
  const d = await simulate(compile(model), { runs, seed: 8, outputTimes: t, quantiles: [0] });
  const l = await simulate(compile(model), {
    runs,
    seed: 9,
    method: 'tau-leap',
    outputTimes: t,
    quantiles: [0],
  });
  for (let i = 1; i < t.length; i++) {
    const se = Math.sqrt((d.sd[i * 2] ** 2 + l.sd[i * 2] ** 2) / runs);
    assert.ok(Math.abs(d.mean[i * 2] - l.mean[i * 2]) < 4 * se + 0.01 * d.mean[i * 2], `t=${t[i]}`);
    assert.ok(l.quantiles.values[0][i * 2] >= 0);
  }
});

test('sum-tree selection (many reactions): independent decays follow exp(-k t)', async () => {
  const count = 40;
  const runs = 300;
  const r = await simulate(compile(manyDecays(count, 50, 0.2)), {
    runs,
    seed: 4,
    outputTimes: [0, 3],
    quantiles: [],
  });
  for (let i = 0; i < count; i++) {
    const k = 0.2 * (1 + i / count);
    const q = Math.exp(-k * 3);
    const mu = 50 * q;
    const s = zy(r.mean[count + i], r.sd[count + i], mu, Math.sqrt(50 * q * (1 - q)), runs);
    assert.ok(Math.abs(s.z) < 4.5 && Math.abs(s.y) < 5.5, `X${i} Z=${s.z} Y=${s.y}`);
  }
});

test('time-dependent rates: immigration at rate c t gives Poisson(c t^2 / 2)', async () => {
  const model = immigrationDeath(0, 0, 0);
  const tdep: Model = {
    ...model,
    parameters: [...model.parameters, { id: 'c', value: 20, unit: '1/day2', source: 'assumed: test' }],
    reactions: [{ ...model.reactions[0], rate: mul(id('c'), { k: 'time' }) }],
  };
  const runs = 2000;
  for (const method of ['direct', 'hybrid'] as SsaMethodName[]) {
    // Gauss-Legendre quadrature is exact for a linear rate, so coarse sub-steps lose nothing here.
    const r = await simulate(compile(tdep), {
      runs,
      seed: 21,
      method,
      outputTimes: [0, 1, 3],
      quantiles: [],
      tuning: { maxStep: 0.05 },
    });
    for (const i of [1, 2]) {
      const mu = (20 * r.t[i] ** 2) / 2;
      const s = zy(r.mean[i], r.sd[i], mu, Math.sqrt(mu), runs);
      assert.ok(Math.abs(s.z) < 4 && Math.abs(s.y) < 5, `${method} t=${r.t[i]} Z=${s.z} Y=${s.y}`);
    }
  }
});

test('invalid input is an InputError', async () => {
  const ok = compile(birthDeath(10, 1, 1));
  await assert.rejects(simulate(ok, { runs: 0, seed: 1, outputTimes: [0, 1] }), InputError);
  await assert.rejects(simulate(ok, { runs: 1, seed: 1, outputTimes: [1, 0] }), InputError);
  await assert.rejects(
    simulate(compile(birthDeath(-3, 1, 1)), { runs: 1, seed: 1, outputTimes: [0, 1] }),
    /count >= 0/,
  );
  await assert.rejects(
    simulate(compile(birthDeath(2.5, 1, 1)), { runs: 1, seed: 1, outputTimes: [0, 1] }),
    /integer counts/,
  );
  const frac = birthDeath(10, 1, 1);
  const bad: Model = {
    ...frac,
    reactions: [{ ...frac.reactions[0], products: [{ species: 'X', stoichiometry: 1.5 }] }],
  };
  await assert.rejects(
    simulate(compile(bad), { runs: 1, seed: 1, outputTimes: [0, 1] }),
    /integer stoichiometry/,
  );
  await assert.rejects(
    simulate(ok, { runs: 1, seed: 1, outputTimes: [0, 1], method: 'nope' as SsaMethodName }),
    /unknown stochastic method/,
  );
});
