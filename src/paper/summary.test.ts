import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Claim, ClaimResult } from './claims/types.js';
import { summaryFacts, summarySection } from './summary.js';

const result = (id: string, status: 'pass' | 'fail', summary?: string): ClaimResult => ({
  id,
  title: `title ${id}`,
  criterion: 'c',
  status,
  value: 1,
  details: '',
  figures: [],
  ...(summary ? { summary } : {}),
});
const claim = (id: string, basis?: Claim['basis']): Claim => ({
  id,
  title: id,
  criterion: 'c',
  run: () => Promise.resolve(result(id, 'pass')),
  statistic: () => 1,
  accepts: () => true,
  holds: () => true,
  ...(basis ? { basis } : {}),
});

test('summary facts: pass/fail, non-predictions, fragile (< 50%), findings', () => {
  const results = [result('A', 'pass'), result('B', 'fail', 'B found x'), result('C', 'pass')];
  const rob = [
    { id: 'A', sets: 10, holds: 9, fraction: 0.9 },
    { id: 'B', sets: 10, holds: 4, fraction: 0.4 },
    { id: 'C', sets: 10, holds: 5, fraction: 0.5 },
  ];
  const claims = [
    claim('A', { kind: 'input', note: 'built in' }),
    claim('B', { kind: 'prediction', note: 'p' }),
    claim('C', { kind: 'consistency', note: 'sized from similar data' }),
  ];
  const f = summaryFacts(results, rob, claims);
  assert.deepEqual(f.passed, ['A', 'C']);
  assert.deepEqual(f.failed, ['B']);
  assert.deepEqual(
    f.notPredictions.map((n) => `${n.id}:${n.kind}`),
    ['A:input', 'C:consistency'],
  );
  assert.deepEqual(f.fragile, [{ id: 'B', status: 'fail', fraction: 0.4 }]);
  assert.deepEqual(f.findings, [{ id: 'B', text: 'B found x' }]);
});

test('the shipped claims declare C1 an input and C5 a consistency check; the section renders', () => {
  const results = ['C1', 'C3', 'C5', 'C7'].map((id) => result(id, 'pass'));
  const f = summaryFacts(results, [{ id: 'C3', sets: 200, holds: 4, fraction: 0.02 }]);
  const kinds = Object.fromEntries(f.notPredictions.map((n) => [n.id, n.kind]));
  assert.deepEqual(kinds, { C1: 'input', C5: 'consistency', C7: 'input' });
  const html = String(summarySection(results, [{ id: 'C3', sets: 200, holds: 4, fraction: 0.02 }]));
  assert.ok(html.includes('Summary and limitations') && html.includes('C3 2% (pass)'), html);
  assert.ok(String(summarySection(results, [])).includes('not assessed'));
});
