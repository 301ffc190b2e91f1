/** Event localisation (rootFind.ts): accuracy and the number of root-function evaluations. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { locateRoot } from '../../src/engines/ode/rootFind.js';

function find(g: (t: number) => number, tLo: number, tHi: number): { t: number; evals: number } {
  let evals = 0;
  const evalG = (t: number, out: Float64Array): void => {
    evals++;
    out[0] = g(t);
  };
  const t = locateRoot(
    evalG,
    tLo,
    tHi,
    Float64Array.of(g(tLo)),
    Float64Array.of(g(tHi)),
    new Float64Array(1),
    1,
  );
  return { t, evals };
}

test('a linear root whose secant lands on its far side converges in a few evaluations', () => {
  // time - reset >= 0.01 after an event at `reset` (SBML suite 00966): the secant hits the root to
  // rounding, then the bracket must close from the other side without creeping.
  for (const reset of [0, 0.01, 0.02, 12.34, 999.99]) {
    const { t, evals } = find((x) => x - reset - 0.01, reset, reset + 1);
    assert.ok(Math.abs(t - (reset + 0.01)) <= 2e-12 * (reset + 2), `root ${t}`);
    assert.ok(t - reset - 0.01 >= 0, 'the right end of the bracket has crossed');
    assert.ok(evals <= 6, `${evals} evaluations for reset = ${reset}`);
  }
});

test('curved roots: located to the relative tolerance with a bounded number of evaluations', () => {
  for (const [g, root, hi] of [
    [(x: number) => Math.exp(-x) - 0.5, Math.LN2, 3],
    [(x: number) => x ** 3 - 2, Math.cbrt(2), 3],
    [(x: number) => Math.sin(x) - 0.999, Math.asin(0.999), 1.6],
  ] as const) {
    const { t, evals } = find(g, 0, hi);
    assert.ok(Math.abs(t - root) < 1e-11, `root ${t} vs ${root}`);
    assert.ok(evals <= 20, `${evals} evaluations`);
  }
});
