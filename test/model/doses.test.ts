/** One dose expansion (model/doses.ts) behind the compiler, the experiments and the SBML exporter. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { administrations as experimentDoses } from '../../src/experiments/sim.js';
import { administrations as sbmlDoses } from '../../src/io/sbml/doses.js';
import { doseSchedule } from '../../src/model/compile/events.js';
import { administrations } from '../../src/model/doses.js';
import type { Dose } from '../../src/model/types.js';

const d: Dose = {
  id: 'd',
  target: 'S',
  amount: 2,
  amounts: [5],
  start: 1,
  every: 3.5,
  count: 3,
  route: 'bolus',
};

test('a regimen expands once: count doses from start, every apart, amounts[k] else amount', () => {
  const a = administrations(d);
  assert.deepEqual(a, [
    { t: 1, amount: 5 },
    { t: 4.5, amount: 2 },
    { t: 8, amount: 2 },
  ]);
  assert.equal(sbmlDoses, administrations);
  assert.deepEqual(doseSchedule(d), { times: [1, 4.5, 8], amounts: [5, 2, 2] });
  assert.deepEqual(
    experimentDoses([d]),
    a.map((x) => ({ ...x, target: 'S' })),
  );
  assert.deepEqual(administrations({ ...d, count: 1, every: undefined }), [{ t: 1, amount: 5 }]);
});
