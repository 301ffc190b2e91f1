/** Forward sensitivities against analytic derivatives and central finite differences of the solver itself. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { solveSensitivities } from '../../src/engines/sensitivity.js';
import { solve } from '../../src/engines/solve.js';
import { ModelBuilder } from '../../src/model/builder.js';
import { compile } from '../../src/model/compile.js';
import type { Problem } from '../../src/problem/types.js';

const src = { unit: '1', source: 'assumed: test' };
const times = [0.5, 1, 2, 5, 10];

function decay(): Problem {
  return compile(
    new ModelBuilder('decay')
      .compartment('c', 1)
      .param('k', 0.3, src)
      .param('a0', 5, src)
      .species('A', { compartment: 'c', initial: 0 })
      .initial('A', 'a0')
      .reaction('deg', 'A ->', 'k * A')
      .build(),
  );
}

function pk2(): Problem {
  return compile(
    new ModelBuilder('pk2')
      .compartment('body', 1)
      .param('k10', 0.08, src)
      .param('k12', 0.3, src)
      .param('k21', 0.2, src)
      .param('dose', 100, src)
      .species('C', { compartment: 'body', initial: 0 })
      .species('P', { compartment: 'body', initial: 0 })
      .initial('C', 'dose')
      .reaction('elim', 'C ->', 'k10 * C')
      .reaction('out', 'C -> P', 'k12 * C')
      .reaction('back', 'P -> C', 'k21 * P')
      .build(),
  );
}

function robertson(): Problem {
  return compile(
    new ModelBuilder('rober')
      .compartment('c', 1)
      .param('k1', 0.04, src)
      .param('k2', 3e7, src)
      .param('k3', 1e4, src)
      .species('y1', { compartment: 'c', initial: 1 })
      .species('y2', { compartment: 'c', initial: 0 })
      .species('y3', { compartment: 'c', initial: 0 })
      .reaction('r1', 'y1 -> y2', 'k1 * y1')
      .reaction('r2', 'y2 + y2 -> y2 + y3', 'k2 * y2 * y2')
      .reaction('r3', 'y2 + y3 -> y1 + y3', 'k3 * y2 * y3')
      .build(),
  );
}

test('exponential decay: d A / d k and d A / d a0 (through the initial assignment) match the analytic ones', () => {
  const pr = decay();
  const r = solveSensitivities(pr, {
    params: ['k', 'a0'],
    tEnd: 10,
    outputTimes: times,
    rtol: 1e-10,
    atol: 1e-12,
  });
  times.forEach((t, i) => {
    const a = 5 * Math.exp(-0.3 * t);
    assert.ok(Math.abs(r.solution.y[i]! - a) <= 1e-8 * a);
    const dk = -t * a;
    const da0 = Math.exp(-0.3 * t);
    assert.ok(Math.abs(r.sens[(i * 2 + 0) * 1]! - dk) <= 1e-6 * Math.abs(dk), `dA/dk at ${t}`);
    assert.ok(Math.abs(r.sens[(i * 2 + 1) * 1]! - da0) <= 1e-6 * da0, `dA/da0 at ${t}`);
  });
});

/** Largest relative error of the sensitivities against central differences of tightly solved states. */
function fdCheck(
  pr: Problem,
  params: string[],
  tEnd: number,
  ts: number[],
  method: 'auto' | 'rodas',
): number {
  const tol = { rtol: 1e-11, atol: 1e-14, method, outputTimes: ts, tEnd };
  const r = solveSensitivities(pr, { params, ...tol, rtol: 1e-10 });
  const n = pr.n;
  const np = params.length;
  let worst = 0;
  params.forEach((id, k) => {
    const i = pr.paramIndex.get(id)!;
    const h = 1e-4 * Math.abs(pr.p[i]!);
    const up = Float64Array.from(pr.p);
    up[i] = pr.p[i]! + h;
    const dn = Float64Array.from(pr.p);
    dn[i] = pr.p[i]! - h;
    const yu = solve(pr, { ...tol, p: up, outputs: pr.stateIds, amount: pr.stateIds }).y;
    const yd = solve(pr, { ...tol, p: dn, outputs: pr.stateIds, amount: pr.stateIds }).y;
    ts.forEach((_, q) => {
      // Scale by the state's size over the run (as an atol would): sensitivities near zero crossings are relative to it.
      for (let j = 0; j < n; j++) {
        const fd = (yu[q * n + j]! - yd[q * n + j]!) / (2 * h);
        const s = r.sens[(q * np + k) * n + j]!;
        const scale = Math.max(Math.abs(fd), 1e-3 * maxAbsCol(r.sens, np, n, k, j, ts.length));
        worst = Math.max(worst, Math.abs(s - fd) / scale);
      }
    });
  });
  return worst;
}

function maxAbsCol(sens: Float64Array, np: number, n: number, k: number, j: number, nt: number): number {
  let m = 0;
  for (let q = 0; q < nt; q++) m = Math.max(m, Math.abs(sens[(q * np + k) * n + j]!));
  return m || 1;
}

test('two-compartment PK: sensitivities by rates and dose match central differences (rel <= 1e-4)', () => {
  const worst = fdCheck(pk2(), ['k10', 'k12', 'k21', 'dose'], 24, [1, 4, 8, 16, 24], 'auto');
  assert.ok(worst <= 1e-4, `worst relative error ${worst}`);
});

test('Robertson (stiff): sensitivities by k1, k2, k3 match central differences (rel <= 1e-4)', () => {
  const worst = fdCheck(robertson(), ['k1', 'k2', 'k3'], 40, [0.4, 4, 40], 'rodas');
  assert.ok(worst <= 1e-4, `worst relative error ${worst}`);
});

test('models with doses and unknown parameters are refused with an InputError', () => {
  const dosed = compile(
    new ModelBuilder('d')
      .compartment('c', 1)
      .param('k', 1, src)
      .species('A', { compartment: 'c', initial: 0 })
      .reaction('deg', 'A ->', 'k * A')
      .dose({ id: 'b', target: 'A', amount: 1, start: 1, every: 1, count: 2, route: 'bolus' })
      .build(),
  );
  assert.throws(() => solveSensitivities(dosed, { params: ['k'], tEnd: 1 }), /events or doses/);
  assert.throws(() => solveSensitivities(decay(), { params: ['nope'], tEnd: 1 }), /unknown parameter 'nope'/);
});
