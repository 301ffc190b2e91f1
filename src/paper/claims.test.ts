import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureCsv } from './report.js';
import { reproduce } from './reproduce.js';
import { parameterSets } from './robustness.js';

test('site and patient claims run, with criteria and figure data', async () => {
  const rep = await reproduce({ seed: 1, quick: true, sets: 3, only: ['C6', 'C7', 'C8'] });
  assert.deepEqual(
    rep.results.map((r) => r.id),
    ['C6', 'C7', 'C8'],
  );
  for (const r of rep.results) {
    assert.ok(r.criterion.length > 20 && Number.isFinite(r.value));
    assert.ok(r.status === 'pass' || r.status === 'fail');
    for (const f of r.figures) assert.ok(figureCsv(f).split('\n').length > 2);
  }
  assert.equal(rep.robustness.length, 3);
  assert.ok(rep.robustness.every((x) => x.sets === 3 && x.holds >= 0 && x.holds <= 3));
});

test('parameter sets stay in each line range and give bone its own RANKL', () => {
  const sets = parameterSets(4, 9);
  for (const s of sets) {
    const fat = s('MCF7');
    const bone = s('MCF7', 'bone');
    assert.ok(fat.rankl! >= 0 && fat.rankl! <= 0.05);
    assert.ok(bone.rankl! >= 0.5 && bone.rankl! <= 2);
    assert.ok(s('ZR75-1').her2Base! >= 4e4 && s('MCF7').her2Base! <= 3e4);
  }
});
