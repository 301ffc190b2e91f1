import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { solve } from '../../src/engines/solve.js';
import { exportSbml } from '../../src/io/sbml/export.js';
import { importSbml } from '../../src/io/sbml/import.js';
import { compile } from '../../src/model/compile.js';
import type { Model } from '../../src/model/types.js';
import { pkModel } from './fixtures/pk-model.js';

const times = Float64Array.from({ length: 61 }, (_, i) => i * 0.5);

function trajectory(m: Model, outputs: string[]) {
  return solve(compile(m), { tEnd: 30, rtol: 1e-10, atol: 1e-12, outputTimes: times, outputs });
}

describe('SBML round trip', () => {
  const outputs = ['drug', 'cells', 'total', 'level'];
  const original = pkModel();

  it('import(export(m)) gives the same trajectories', () => {
    const a = trajectory(original, outputs);
    const b = trajectory(importSbml(exportSbml(original), 'pk.xml'), outputs);
    assert.equal(a.y.length, b.y.length);
    for (let k = 0; k < a.y.length; k++) {
      const tol = 1e-8 * (1 + Math.abs(a.y[k]!));
      assert.ok(
        Math.abs(a.y[k]! - b.y[k]!) <= tol,
        `${outputs[k % outputs.length]} at t=${times[Math.floor(k / outputs.length)]}`,
      );
    }
  });

  it('the lowered SBML without our annotations simulates the doses the same way', () => {
    // Strip cscsim annotations: another tool sees only the plain events and reactions.
    const plain = exportSbml(original).replace(/<annotation>.*?<\/annotation>/g, '');
    const m = importSbml(plain, 'pk-plain.xml');
    assert.equal(m.doses, undefined);
    const a = trajectory(original, outputs);
    const b = trajectory(m, outputs);
    for (let k = 0; k < a.y.length; k++) {
      const tol = 1e-7 * (1 + Math.abs(a.y[k]!));
      assert.ok(
        Math.abs(a.y[k]! - b.y[k]!) <= tol,
        `${outputs[k % outputs.length]} at t=${times[Math.floor(k / outputs.length)]}: ${a.y[k]} vs ${b.y[k]}`,
      );
    }
  });
});
