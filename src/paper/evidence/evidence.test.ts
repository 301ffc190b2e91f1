import assert from 'node:assert/strict';
import { test } from 'node:test';
import { designOf, TRIAL_IDS } from '../../trial/designs.js';
import { claims } from '../claims/index.js';
import { discrepancy, evidence, parseEvidence } from './evidence.js';

test('evidence: one observation per claim C1-C8 and per trial, ids unique, every field sourced', () => {
  const targets = evidence.observations.map((o) => o.target);
  for (const c of claims) assert.ok(targets.includes(c.id), `no observation of ${c.id}`);
  for (const id of TRIAL_IDS) assert.ok(targets.includes(id), `no observation of trial ${id}`);
  for (const o of evidence.observations) {
    assert.equal(o.step, claims.some((c) => c.id === o.target) ? 'mouse' : 'trial', o.id);
    assert.ok(o.source.length > 10 && o.uncertainty.length > 10, o.id);
  }
});

test('evidence: trial observations are the published HRs of the designs, sd from their 95% CI', () => {
  for (const o of evidence.observations.filter((x) => x.step === 'trial')) {
    const p = designOf(o.target).published;
    assert.ok('value' in o.observed && o.observed.value === p.hr, o.id);
    const sd = Math.log(p.upper / p.lower) / (2 * 1.959964);
    assert.ok(Math.abs(o.sd - sd) < 1e-3, `${o.id}: sd ${o.sd} vs ${sd} from the interval`);
  }
});

test('discrepancy: standardised on the scale, zero inside a bound, NaN for a failed simulation', () => {
  const b47 = evidence.observations.find((o) => o.id === 'trial:b47')!;
  assert.ok(Math.abs(discrepancy(b47, 0.98)) < 1e-15);
  assert.ok(Math.abs(discrepancy(b47, 0.98 * Math.exp(b47.sd)) - 1) < 1e-12);
  const c1 = evidence.observations.find((o) => o.id === 'C1')!; // lower bound 2, log-sd 0.2
  assert.equal(discrepancy(c1, 3), 0);
  assert.ok(Math.abs(discrepancy(c1, 2 * Math.exp(-0.4)) + 2) < 1e-12);
  const c7 = evidence.observations.find((o) => o.id === 'C7')!; // upper 0.2, linear sd 0.1
  assert.ok(Math.abs(discrepancy(c7, 0.35) - 1.5) < 1e-12);
  assert.ok(Number.isNaN(discrepancy(c1, Number.NaN)));
  assert.ok(Number.isNaN(discrepancy(b47, 0)));
});

test('bad evidence files are input errors naming the path', () => {
  const good = JSON.parse(JSON.stringify(evidence)) as { observations: Record<string, unknown>[] };
  const bad = (edit: (o: Record<string, unknown>) => void): unknown => {
    const copy = structuredClone(good);
    edit(copy.observations[2]!);
    return copy;
  };
  const cases: [unknown, RegExp][] = [
    [bad((o) => (o.sd = 0)), /observations\[2\]\.sd.*standard deviation > 0/],
    [bad((o) => (o.observed = { lower: 2, upper: 1 })), /observed\.upper.*bound above lower/],
    [bad((o) => (o.observed = { value: -1 })), /observed\.value.*> 0 \(log scale\)/],
    [bad((o) => (o.observed = {})), /observed.*'value', 'lower' or 'upper'/],
    [bad((o) => (o.quality = 'guess')), /quality.*one of/],
    [bad((o) => (o.colour = 'red')), /observations\[2\]\.colour.*a known field/],
    [bad((o) => (o.id = 'C1')), /observations\[2\]\.id.*unique/],
    [{ ...good, version: 2 }, /version.*version 1/],
  ];
  for (const [doc, re] of cases)
    assert.throws(
      () => parseEvidence(doc, 'mine.json'),
      (e: Error) => re.test(e.message) && e.message.startsWith('mine.json: '),
    );
});
