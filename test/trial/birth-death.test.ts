/** Exact birth-death transitions with time-varying rates (Kendall 1948). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kendallAlphaBeta } from '../../src/experiments/kendall.js';
import { stream } from '../../src/random/rng.js';
import {
  constantStepLaw,
  linearStepLaw,
  type StepLaw,
  transition,
  ultimateExtinction,
} from '../../src/trial/birthDeath.js';

const close = (a: number, b: number, tol: number, msg = ''): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg} ${a} vs ${b}`);

/** Generating function of a step law. */
const G = (l: StepLaw, s: number): number => l.alpha + ((1 - l.alpha) * (1 - l.beta) * s) / (1 - l.beta * s);

test('constant rates: the law is the closed form of the constant-rate process', () => {
  for (const [b, d, h] of [
    [0.2, 0.1, 7],
    [0.1, 0.2, 30],
    [0.15, 0.15, 5],
    [0.05, 0.01, 400],
  ] as const) {
    const l = constantStepLaw(b, d, h);
    const [alpha, beta] = kendallAlphaBeta(b, d, h);
    close(l.alpha, alpha, 1e-10, `alpha ${b} ${d} ${h}`);
    close(l.beta, beta, 1e-10, `beta ${b} ${d} ${h}`);
    const lin = linearStepLaw(b, b, d, d, h);
    close(lin.alpha, alpha, 1e-10, 'linear with equal ends');
    close(lin.beta, beta, 1e-10, 'linear with equal ends');
  }
});

test('time-varying rates: two half steps compose to the whole step (G_0h = G_0m o G_mh)', () => {
  const [b0, b1, d0, d1, h] = [0.3, 0.05, 0.1, 0.4, 10];
  const bm = 0.5 * (b0 + b1);
  const dm = 0.5 * (d0 + d1);
  const whole = linearStepLaw(b0, b1, d0, d1, h);
  const first = linearStepLaw(b0, bm, d0, dm, h / 2);
  const second = linearStepLaw(bm, b1, dm, d1, h / 2);
  for (const s of [0, 0.3, 0.7, 0.95]) close(G(whole, s), G(first, G(second, s)), 1e-9, `s = ${s}`);
});

test('sampled transitions have the law: extinct fraction alpha^n and mean n e^{R}', () => {
  const law = linearStepLaw(0.3, 0.1, 0.1, 0.25, 8);
  const n0 = 3;
  const runs = 20000;
  let extinct = 0;
  let sum = 0;
  const rng = stream(5, 0);
  for (let i = 0; i < runs; i++) {
    const x = transition(n0, law, rng);
    if (x === 0) extinct++;
    sum += x;
  }
  const p = law.alpha ** n0;
  close(extinct / runs, p, 4 * Math.sqrt((p * (1 - p)) / runs), 'extinct');
  const R = (0.3 - 0.1) * 8 + 0.5 * ((0.1 - 0.25 - 0.2) / 8) * 64;
  // Mean n0 e^R; the sd of the sample mean from the one-ancestor variance.
  const mean1 = (1 - law.alpha) / (1 - law.beta);
  const var1 = ((1 - law.alpha) * (1 + law.beta)) / (1 - law.beta) ** 2 - mean1 ** 2;
  close(mean1, Math.exp(R), 1e-9, 'one-ancestor mean');
  close(sum / runs, n0 * Math.exp(R), 4 * Math.sqrt((n0 * var1) / runs), 'mean');
});

test('ultimate extinction: d/b for constant supercritical rates, 1 when subcritical, monotone in between', () => {
  const J = 20;
  const law = constantStepLaw(0.2, 0.1, 7);
  const alpha = new Float64Array(J).fill(law.alpha);
  const beta = new Float64Array(J).fill(law.beta);
  const xi = ultimateExtinction(alpha, beta, 0.2, 0.1);
  for (const v of xi) close(v, 0.5, 1e-12);
  // A subcritical stretch (treatment) before the same supercritical tail raises extinction.
  const sub = constantStepLaw(0.1, 0.2, 7);
  alpha.fill(sub.alpha);
  beta.fill(sub.beta);
  const treated = ultimateExtinction(alpha, beta, 0.2, 0.1);
  for (let j = 0; j < J; j++) assert.ok(treated[j]! > treated[j + 1]! && treated[j]! <= 1);
  assert.deepEqual(Array.from(ultimateExtinction(alpha, beta, 0.1, 0.2)), new Array(J + 1).fill(1));
});
