/** The ODE engines through compile(): generated rhs/Jacobian, doses lowered to scheduled events, state events. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';

const src = { unit: '1/day', source: 'assumed: test' };
const [k10, k12, k21] = [0.08, 0.3, 0.2];

function twoCompartment() {
  return new ModelBuilder('pk2')
    .compartment('body', 1)
    .param('k10', k10, src)
    .param('k12', k12, src)
    .param('k21', k21, src)
    .species('C', { compartment: 'body', initial: 0 })
    .species('P', { compartment: 'body', initial: 0 })
    .reaction('elim', 'C ->', 'k10 * C')
    .reaction('out', 'C -> P', 'k12 * C')
    .reaction('back', 'P -> C', 'k21 * P')
    .dose({ id: 'bolus', target: 'C', amount: 100, start: 0, every: 7, count: 4, route: 'bolus' })
    .build();
}

function superposition(t: number): number {
  const s = k10 + k12 + k21;
  const disc = Math.sqrt(s * s - 4 * k10 * k21);
  const [a, b] = [(s + disc) / 2, (s - disc) / 2];
  let c = 0;
  for (const td of [0, 7, 14, 21]) {
    if (td > t) continue;
    const u = t - td;
    c += (100 * ((a - k21) * Math.exp(-a * u) + (k21 - b) * Math.exp(-b * u))) / (a - b);
  }
  return c;
}

for (const method of ['dopri5', 'rodas', 'bdf', 'auto'] as const) {
  test(`compiled two-compartment PK with a q7d bolus regimen matches superposition (${method})`, () => {
    const problem = compile(twoCompartment());
    const times = Array.from({ length: 36 }, (_, i) => i);
    const s = solve(problem, {
      tEnd: 35,
      method,
      rtol: 1e-8,
      atol: 1e-10,
      outputTimes: times,
      outputs: ['C'],
    });
    assert.equal(s.events.length, 4);
    times.forEach((t, i) => {
      const c = superposition(t);
      assert.ok(Math.abs(s.y[i] - c) <= 1e-6 * c + 1e-8, `t=${t}: ${s.y[i]} vs ${c}`);
    });
  });
}

test('compiled state event: a threshold on a decaying species fires at the analytic time', () => {
  const model = new ModelBuilder('decay')
    .compartment('c', 1)
    .param('k', 0.5, src)
    .param('fired', 0, { ...src, unit: 'dimensionless', constant: false })
    .species('X', { compartment: 'c', initial: 10 })
    .reaction('deg', 'X ->', 'k * X')
    .event('half', { trigger: 'X < 5', assign: { fired: 'time', X: 'X + 10' } })
    .build();
  const s = solve(compile(model), {
    tEnd: 3,
    method: 'auto',
    rtol: 1e-10,
    atol: 1e-12,
    outputs: ['X', 'fired'],
  });
  const tHalf = Math.log(2) / 0.5;
  assert.equal(s.events.length, 1);
  assert.ok(Math.abs(s.events[0].t - tHalf) < 1e-9, `${s.events[0].t}`);
  const row = s.y.length - 2;
  assert.ok(Math.abs(s.y[row + 1] - tHalf) < 1e-9);
  assert.ok(Math.abs(s.y[row] - 15 * Math.exp(-0.5 * (3 - tHalf))) < 1e-8);
});
