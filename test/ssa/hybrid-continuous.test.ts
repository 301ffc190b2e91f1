import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import { simulate } from '../../src/parallel/ensemble.js';

// A drug amount that is not a count (0.37 mg/kg, eliminated at k) raises the death rate of a small CSC pool.
const [b, d0, kd, k, dose, s0] = [1, 0.9, 0.5, 0.2, 0.37, 50];

function drugModel() {
  const src = { unit: '1/day', source: 'assumed: test' };
  return new ModelBuilder('drug_csc')
    .compartment('c', 1)
    .param('b', b, src)
    .param('d0', d0, src)
    .param('kd', kd, { unit: 'kg/mg/day', source: 'assumed: test' })
    .param('k', k, src)
    .species('S', { compartment: 'c', initial: s0 })
    .species('D', { compartment: 'c', initial: dose })
    .reaction('renew', 'S -> 2 S', 'b * S')
    .reaction('death', 'S ->', '(d0 + kd * D) * S')
    .reaction('elimination', 'D ->', 'k * D')
    .build();
}

/** S is linear birth-death with death rate d0 + kd D(t), D(t) = dose e^(-k t): closed-form moments (Kendall 1948). */
function exactS(t: number): { m: number; sd: number } {
  const rho = (u: number) => (b - d0) * u - (kd * dose * (1 - Math.exp(-k * u))) / k;
  const n = 2000;
  const h = t / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) sum += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * b * Math.exp(-rho(i * h));
  const e = Math.exp(rho(t));
  return { m: s0 * e, sd: Math.sqrt(s0 * ((2 * e * e * sum * h) / 3 + e - e * e)) };
}

const times = [0, 2, 5, 10, 20];

for (const [method, tol] of [
  ['hybrid', 1e-7],
  ['direct', 1e-7],
  // Midpoint drift per leap (drift.ts): error ~ (k h)^3 / 6 per step of at most 0.1 day.
  ['tau-leap', 1e-4],
] as const)
  test(`${method}: a species listed as continuous is never rounded and keeps its deterministic path`, async () => {
    const problem = compile(drugModel());
    const runs = 2000;
    const r = await simulate(problem, {
      method,
      runs,
      seed: 5,
      outputTimes: times,
      outputs: ['S', 'D'],
      quantiles: [],
      // RK4 sub-steps of 0.1 day: D's error ~ (k h)^4 / 120 per step, far below the checks.
      tuning: { continuous: ['D'], maxStep: 0.1 },
    });
    for (let i = 0; i < times.length; i++) {
      const dExact = dose * Math.exp(-k * times[i]);
      assert.ok(
        Math.abs(r.mean[2 * i + 1] - dExact) < tol * dose,
        `D at t=${times[i]}: ${r.mean[2 * i + 1]} vs ${dExact}`,
      );
      // Runs differ only in where their sub-steps fall: a rounding-level spread.
      assert.ok(r.sd[2 * i + 1] < tol * 0.1 * dose, `D's sd at t=${times[i]}: ${r.sd[2 * i + 1]}`);
      if (i === 0) continue;
      const ex = exactS(times[i]);
      const z = (Math.sqrt(runs) * (r.mean[2 * i] - ex.m)) / ex.sd;
      const y = Math.sqrt(runs / 2) * (r.sd[2 * i] ** 2 / ex.sd ** 2 - 1);
      assert.ok(Math.abs(z) < 4 && Math.abs(y) < 5, `S at t=${times[i]}: Z ${z}, Y ${y}`);
    }
  });

test('hybrid: without the setting the same drug amount is rounded to a count (why the setting exists)', async () => {
  const r = await simulate(compile(drugModel()), {
    method: 'hybrid',
    runs: 200,
    seed: 5,
    outputTimes: [0],
    outputs: ['D'],
    quantiles: [],
  });
  assert.ok(r.sd[0] > 0.3, `D is rounded to 0 or 1 per run (sd ${r.sd[0]})`);
});

test('continuous species: unknown ids are InputErrors for every method', async () => {
  const problem = compile(drugModel());
  const base = { runs: 2, seed: 1, outputTimes: times, quantiles: [] };
  for (const method of ['hybrid', 'direct', 'tau-leap'] as const)
    await assert.rejects(
      simulate(problem, { ...base, method, tuning: { continuous: ['Dx'] } }),
      (e: unknown) => e instanceof InputError && /unknown species 'Dx'/.test(e.message),
    );
});
