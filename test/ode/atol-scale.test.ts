/**
 * Absolute tolerances at each state's scale (engines/ode/scale.ts): a scalar atol applies to the
 * concentration of a species whose math value is a concentration, so a compartment of 1e-16 L does not
 * put its amounts (~1e-23) below the error test. BIOMD0000000001 (Edelstein 1996, nicotinic receptor in
 * a 1e-16 L compartment) came out at -0.045 against 1.8e-7 before.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { atolScales } from '../../src/engines/ode/scale.js';
import { solve } from '../../src/engines/solve.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';

const decay = (size: number): Model => ({
  id: 'decay',
  compartments: [{ id: 'c', size }],
  species: [
    { id: 'A', compartment: 'c', initial: 1e-7, initialKind: 'concentration' },
    { id: 'N', compartment: 'c', initial: 5, hasOnlySubstanceUnits: true },
  ],
  parameters: [{ id: 'k', value: 1, unit: '1/s', source: 'test' }],
  reactions: [
    {
      id: 'R',
      reactants: [{ species: 'A' }],
      products: [],
      rate: {
        k: 'op',
        op: 'mul',
        args: [
          { k: 'id', id: 'k' },
          { k: 'id', id: 'A' },
          { k: 'id', id: 'c' },
        ],
      },
    },
  ],
});

describe('atol at each state scale', () => {
  it('scales concentration species by their compartment size and leaves amounts alone', () => {
    const p = compile(decay(1e-16));
    const s = atolScales(p, p.initialState(p.p), p.p, 0);
    assert.deepEqual([...s], [1e-16, 1].slice(0, p.n));
  });
  it('keeps a species in a 1e-16 L compartment accurate at the atol given for concentrations', () => {
    const p = compile(decay(1e-16));
    const times = [1, 5, 10, 20];
    const err = (scaleAtol: boolean): number => {
      const sol = solve(p, {
        tEnd: 20,
        outputTimes: times,
        outputs: ['A'],
        rtol: 1e-6,
        atol: 1e-12,
        scaleAtol,
      });
      return Math.max(...times.map((t, i) => Math.abs(sol.y[i]! - 1e-7 * Math.exp(-t))));
    };
    assert.ok(err(true) < 1e-11, `scaled: ${err(true)}`);
    // Without the scale the error test never sees A (amounts ~1e-23 against atol 1e-12): far off, negative.
    assert.ok(err(false) > 1e-6, `unscaled: ${err(false)}`);
  });
  it('BIOMD0000000001 stays non-negative over 0-100 s', () => {
    const file = join(import.meta.dirname, '..', 'biomodels', 'corpus', 'BIOMD0000000001.xml.gz');
    const m = importSbml(gunzipSync(readFileSync(file)).toString('utf8'), 'BIOMD0000000001.xml');
    const p = compile(m);
    const ids = m.species.map((s) => s.id);
    const sol = solve(p, { tEnd: 100, outputTimes: [0, 1, 10, 100], outputs: ids, rtol: 1e-6, atol: 1e-9 });
    let min = Number.POSITIVE_INFINITY;
    for (const v of sol.y) min = Math.min(min, v);
    assert.ok(min > -1e-12, `min concentration ${min}`);
  });
});
