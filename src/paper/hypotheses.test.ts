import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lab } from '../experiments/lab.js';
import { cellLines, sites } from '../models/index.js';
import { addedParams, hypotheses, hypothesis, hypothesisStatistics } from './hypotheses.js';

test('every variant builds and compiles for every line and site, with what it adds documented', () => {
  assert.ok(hypotheses.length >= 5);
  for (const h of hypotheses) {
    assert.ok(h.rationale.length > 200 && h.citation.length > 10, h.id);
    for (const line of cellLines)
      for (const site of sites) assert.ok(lab(line, site, h.model).problem.n > 10);
    for (const s of [...addedParams(h), ...h.trialParams]) {
      assert.ok(s.range[1] > s.range[0], `${h.id}: ${s.id} has a range`);
      assert.ok(s.source.length > 20, `${h.id}: ${s.id} has a source`);
    }
  }
  const ids = (id: string) => addedParams(hypothesis(id)!).map((s) => s.id);
  assert.deepEqual(ids('hierarchy'), []);
  assert.deepEqual(ids('patient-fc'), []);
  assert.deepEqual(ids('plasticity'), ['omega']);
  assert.deepEqual(ids('aldh-signalling').sort(), ['KALDH', 'aldhHER2', 'kALDH']);
  assert.deepEqual(ids('aldh-signalling-fc'), ids('aldh-signalling'));
  assert.deepEqual(ids('dormancy'), ['dormAdcc']);
  assert.deepEqual(
    hypothesis('patient-fc')!.trialParams.map((s) => s.id),
    ['effectors'],
  );
});

test('statistics differ between variants where their mechanisms act', () => {
  const stat = (id: string) => Array.from(hypothesisStatistics(hypothesis(id)!));
  const base = stat('hierarchy');
  // Same model up to an extra empty state (the solver's steps may differ in the last digits).
  const close = (a: number[], b: number[]) => {
    a.forEach((x, i) => {
      assert.ok(Math.abs(x - b[i]!) <= 1e-6 * Math.abs(b[i]!), `C${i + 1}: ${x} vs ${b[i]}`);
    });
  };
  assert.ok(base.every(Number.isFinite));
  // Mouse side identical: Fc activity and dormancy only enter the trials.
  assert.deepEqual(stat('patient-fc'), base);
  close(stat('dormancy'), base);
  // ALDH+ by HER2 signalling: blockade lowers the ALDEFLUOR+ fraction (C2), which the stage gate does not.
  const aldh = stat('aldh-signalling');
  assert.ok(aldh[1]! < 0.7 && base[1]! > 0.7, `C2 ${aldh[1]} vs ${base[1]}`);
  close(aldh.slice(2), base.slice(2));
  assert.deepEqual(stat('aldh-signalling-fc'), aldh);
  // Dedifferentiation refills the CSC pool: adjuvant blockade no longer stops growth (C4).
  const plastic = stat('plasticity');
  assert.ok(plastic[3]! > 10 * base[3]!, `C4 ${plastic[3]} vs ${base[3]}`);
});
