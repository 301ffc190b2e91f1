import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { loadPetab } from '../../src/petab/problem.js';
import { SBML, writeProblem } from './fixture.js';

const close = (a: number, b: number, tol = 1e-6): void => {
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b}`);
};

describe('PEtab problem: closed-form simulations and likelihood', () => {
  const fx = writeProblem();
  after(fx.cleanup);
  const pp = loadPetab(fx.yaml);

  it('exposes the estimated parameters on parameter scale', () => {
    assert.deepEqual(pp.parameterIds, ['k2', 'scale', 'sd']);
    assert.deepEqual(pp.scales, ['log10', 'lin', 'log10']);
    close(pp.nominal[0]!, Math.log10(0.5));
    close(pp.lowerBounds[0]!, -2);
    close(pp.upperBounds[2]!, 0);
    assert.equal(pp.conditions, 3); // (c0), (high), (pre -> c0)
    assert.equal(pp.measurements, 6);
  });

  it('simulates conditions, preequilibration and steady states (inf), and sums the llh', () => {
    const ev = pp.simulate(pp.nominal);
    const [k1, k2, scale, sd, sigB] = [1, 0.5, 2, 0.2, 0.1];
    const A = (t: number, a0: number, k: number): number => k / k2 + (a0 - k / k2) * Math.exp(-k2 * t);
    const s = ev.results[0]!.simulation;
    close(s[0]!, scale * A(1, 0, k1));
    close(s[1]!, scale * A(4, 0, k1));
    close(s[2]!, scale * (4 / k2)); // condition high: k1 = k1_high at its steady state
    // preequilibrated with k1 = 2 (A -> 4), then simulated with k1 = 1; the condition resets A to 0
    close(s[3]!, scale * A(2, 0, k1));
    // B + C = 1 conserved in c0 (B keeps its model value: NaN); after preeq B + C = 3
    const Bss = (T: number): number => (T * 1) / (2 + 1);
    const B = (t: number): number => Bss(1) + (1 - Bss(1)) * Math.exp(-3 * t);
    close(s[4]!, B(3));
    close(s[5]!, Bss(3), 1e-6);
    const sig = ev.results[0]!.sigma;
    assert.deepEqual([sig[0], sig[1], sig[4]], [sd, 0.3, sigB]);
    const normal = (m: number, y: number, q: number): number =>
      -0.5 * Math.log(2 * Math.PI * q * q) - 0.5 * ((m - y) / q) ** 2;
    const laplace10 = (m: number, y: number, q: number): number =>
      -Math.log(2 * q) - Math.log(m * Math.LN10) - Math.abs(Math.log10(m) - Math.log10(y)) / q;
    const expected =
      normal(0.8, s[0]!, sd) +
      normal(1.6, s[1]!, 0.3) +
      normal(9, s[2]!, sd) +
      normal(3.5, s[3]!, sd) +
      laplace10(0.3, s[4]!, sigB) +
      laplace10(0.9, s[5]!, sigB);
    close(ev.llh, expected, 1e-9);
    close(pp.llh(pp.nominal), ev.llh, 1e-12);
  });

  it('maps x on parameter scale (log10 k2) to the model', () => {
    const x = Float64Array.from(pp.nominal);
    x[0] = Math.log10(0.25);
    const s = pp.simulate(x).results[0]!.simulation;
    close(s[2]!, 2 * (4 / 0.25));
  });
});

describe('PEtab conditions replace initial values before initial assignments read them', () => {
  // C = B at t0 (an initial assignment): the condition's B must be the one C sees (PEtab semantics).
  const M = 'xmlns="http://www.w3.org/1998/Math/MathML"';
  const fx = writeProblem({
    'model.xml': SBML.replace(
      '<listOfReactions>',
      `<listOfInitialAssignments><initialAssignment symbol="C"><math ${M}><ci>B</ci></math></initialAssignment></listOfInitialAssignments><listOfReactions>`,
    ),
  });
  after(fx.cleanup);

  it('B = 3 in the preequilibration condition makes C = 3 there: B + C = 6, B -> 2', () => {
    const pp = loadPetab(fx.yaml);
    const s = pp.simulate(pp.nominal).results[0]!.simulation;
    close(s[5]!, 6 / 3, 1e-6);
    // c0 keeps the model's B = 1 (NaN), so C = 1 and B + C = 2: B(3) from B(0) = 1 towards 2/3
    close(s[4]!, 2 / 3 + (1 - 2 / 3) * Math.exp(-9), 1e-6);
  });
});
