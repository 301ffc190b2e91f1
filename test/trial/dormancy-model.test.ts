/** The additive `dormancy` option of the HER2-CSC model. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paramVector } from '../../src/experiments/sim.js';
import { compile } from '../../src/model/compile.js';
import { her2Csc } from '../../src/models/index.js';

test('dormancy is off by default and adds only Sq, its kill and dormAdcc when on', () => {
  const off = her2Csc('MCF7');
  const on = her2Csc('MCF7', { dormancy: true });
  assert.ok(!off.species.some((s) => s.id === 'Sq'));
  const extraSpecies = on.species.filter((s) => !off.species.some((x) => x.id === s.id)).map((s) => s.id);
  const extraRx = on.reactions.filter((r) => !off.reactions.some((x) => x.id === r.id)).map((r) => r.id);
  const extraP = on.parameters.filter((p) => !off.parameters.some((x) => x.id === p.id)).map((p) => p.id);
  assert.deepEqual([extraSpecies, extraRx, extraP], [['Sq'], ['Sq_adcc'], ['dormAdcc']]);
});

test('dormant CSCs count as tumor cells and CSCs, do not divide, and die by Fc killing only under drug', () => {
  const pr = compile(her2Csc('ZR75-1', { dormancy: true, her2: 'steady' }));
  const p = paramVector(pr, { dormAdcc: 0.5 });
  const y = pr.initialState(p);
  const S = pr.stateIndex.get('S')!;
  const Sq = pr.stateIndex.get('Sq')!;
  y.fill(0, 0, pr.stateIndex.get('Ab_c')!);
  y[S] = 10;
  y[Sq] = 30;
  const obs = pr.observe(['N', 'cscFraction', 'adccS']);
  const out = new Float64Array(3);
  obs(0, y, p, out);
  assert.deepEqual([out[0], out[1]], [40, 1]);
  const dy = new Float64Array(pr.n);
  pr.rhs(0, y, p, dy);
  assert.ok(dy[Sq] === 0, 'no drug: dormant CSCs stay');
  y[pr.stateIndex.get('Ab_c')!] = 5;
  pr.rhs(0, y, p, dy);
  obs(0, y, p, out);
  assert.ok(out[2]! > 0);
  assert.ok(
    Math.abs(dy[Sq]! + 0.5 * out[2]! * 30) < 1e-12 * 30 * out[2]!,
    `${dy[Sq]} vs ${-0.5 * out[2]! * 30}`,
  );
});
