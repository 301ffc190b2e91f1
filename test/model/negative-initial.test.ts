/**
 * SBML allows negative species amounts (membrane potentials are often modelled as species): they load,
 * compile and integrate; stochastic methods still refuse them, since they need counts >= 0.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { simulate } from '../../src/engines/ssa/ensemble.js';
import { InputError } from '../../src/errors.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';

// V' = (E - V) / tau from V(0) = -70: V(t) = E + (V0 - E) exp(-t / tau).
const membrane: Model = {
  id: 'membrane',
  compartments: [{ id: 'c', size: 1 }],
  species: [{ id: 'V', compartment: 'c', initial: -70, hasOnlySubstanceUnits: true }],
  parameters: [
    { id: 'E', value: -50, unit: 'mV', source: 'test' },
    { id: 'tau', value: 2, unit: 'ms', source: 'test' },
  ],
  reactions: [
    {
      id: 'leak',
      reactants: [],
      products: [{ species: 'V' }],
      rate: {
        k: 'op',
        op: 'div',
        args: [
          {
            k: 'op',
            op: 'sub',
            args: [
              { k: 'id', id: 'E' },
              { k: 'id', id: 'V' },
            ],
          },
          { k: 'id', id: 'tau' },
        ],
      },
    },
  ],
};

describe('negative initial amounts', () => {
  it('compile and integrate', () => {
    const sol = solve(compile(membrane), {
      tEnd: 4,
      outputTimes: [0, 4],
      outputs: ['V'],
      rtol: 1e-10,
      atol: 1e-12,
    });
    assert.equal(sol.y[0], -70);
    assert.ok(Math.abs(sol.y[1]! - (-50 - 20 * Math.exp(-2))) < 1e-7);
  });
  it('are refused by stochastic methods, which need counts', async () => {
    await assert.rejects(
      simulate(compile(membrane), { runs: 2, seed: 1, outputTimes: [0, 1], method: 'direct' }),
      (e: unknown) =>
        e instanceof InputError &&
        /initial amount of 'V' is -70; stochastic simulation needs a count >= 0/.test(e.message),
    );
  });
});
