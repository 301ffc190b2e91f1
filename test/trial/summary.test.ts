/**
 * The trial's analysis from DFS counted per day (summary.ts) against the per-patient survival statistics
 * (validated against R elsewhere) on the same day-recorded times: the same numbers. And the summary's size
 * is set by the follow-up, not by the number of patients.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyse, hazardRatioOf } from '../../src/trial/analysis.js';
import { observed, type PatientOutcome } from '../../src/trial/outcome.js';
import { ARMS, DAYS_PER_YEAR } from '../../src/trial/population.js';
import { runTrial } from '../../src/trial/run.js';
import { SummaryAccumulator } from '../../src/trial/summary.js';
import {
  coxOfTable,
  coxPH,
  eventTable,
  eventTableOfCounts,
  kaplanMeier,
  kaplanMeierOfCounts,
  kaplanMeierQuantile,
  logRank,
} from '../../src/trial/survival/index.js';

/** Per-patient data of the randomised arm as a trial records it: whole days, in years. */
function recorded(outcomes: readonly PatientOutcome[], pick: (o: PatientOutcome) => boolean = () => true) {
  const rows = outcomes.filter(pick).map((o) => ({ o, ob: observed(o, o.arm) }));
  return {
    time: Float64Array.from(rows, (r) => Math.floor(r.ob.time) / DAYS_PER_YEAR),
    status: Uint8Array.from(rows, (r) => r.ob.status),
    arm: Uint8Array.from(rows, (r) => ARMS.indexOf(r.o.arm)),
    group: rows.map((r) => r.o.arm),
  };
}

test('the analysis from day counts equals the per-patient statistics on day-recorded times', async () => {
  const r = await runTrial({ patients: 1200, seed: 11 });
  const outcomes = r.outcomes!;
  const a = r.analysis;
  const all = recorded(outcomes);
  assert.ok(all.status.reduce((s, v) => s + v, 0) > 50, 'enough events to mean something');
  for (const arm of a.arms) {
    const d = recorded(outcomes, (o) => o.arm === arm.arm);
    const km = kaplanMeier(d.time, d.status, { eventsOnly: true });
    assert.deepEqual(arm.km, km, `${arm.arm}: Kaplan-Meier`);
    assert.equal(arm.n, d.time.length);
  }
  const lr = logRank(all.time, all.status, all.group);
  assert.equal(a.logRank.chisq, lr.chisq);
  assert.deepEqual(hazardRatioOf(r.summary), a.cox);
  const table = eventTable(all.time, 1, all.status, all.arm);
  const cox = coxOfTable(table);
  assert.equal(a.cox.hr, cox.hr[0]);
  assert.equal(a.cox.lower, cox.lower[0]);
  // The per-subject Cox fit (exp per subject) agrees to its last bits.
  const full = coxPH(all.time, all.status, [all.arm]);
  assert.ok(Math.abs(full.hr[0]! / a.cox.hr - 1) < 1e-10);
  const fu = kaplanMeierQuantile(
    all.time,
    Uint8Array.from(all.status, (s) => 1 - s),
    0.5,
  );
  assert.equal(a.medianFollowUpMonths, fu! * 12);
  // Both outcomes of every patient.
  const both = outcomes.flatMap((o) => ARMS.map((arm, k) => ({ ob: observed(o, arm), k })));
  const t2 = eventTable(
    Float64Array.from(both, (b) => Math.floor(b.ob.time) / DAYS_PER_YEAR),
    1,
    Uint8Array.from(both, (b) => b.ob.status),
    Uint8Array.from(both, (b) => b.k),
  );
  assert.equal(a.counterfactual.hr, coxOfTable(t2).hr[0]);
});

test('the summary does not depend on the order patients arrive in, and its size not on their number', async () => {
  const r = await runTrial({ patients: 400, seed: 3, micrometMean: 1 });
  const strata = r.design.eligibility.strata.map((s) => s.id);
  const forward = new SummaryAccumulator(strata);
  const backward = new SummaryAccumulator(strata);
  for (const o of r.outcomes!) forward.push(o);
  for (const o of [...r.outcomes!].reverse()) backward.push(o);
  assert.deepEqual(forward.summary(), backward.summary());
  assert.deepEqual(forward.summary(), r.summary);
  assert.deepEqual(analyse(forward.summary()), r.analysis);
  // Twice the patients: the same days (set by the follow-up), twice the counts.
  for (const o of r.outcomes!) forward.push({ ...o, index: o.index + 400 });
  const s2 = forward.summary();
  assert.equal(s2.days, r.summary.days);
  assert.equal(s2.n, 800);
  assert.deepEqual(
    Array.from(s2.both[0]!.event),
    Array.from(r.summary.both[0]!.event, (v) => 2 * v),
  );
});

test('counts in: bad counts and unordered times are refused', () => {
  assert.throws(() => kaplanMeierOfCounts([0, 1], [1, -1], [0, 0]), /integers >= 0/);
  assert.throws(() => kaplanMeierOfCounts([1, 0], [1, 1], [0, 0]), /ascending/);
  assert.throws(() => eventTableOfCounts([0, 1], [1, 0.5], [0, 0], [1, 0], [0, 0]), /integers >= 0/);
  assert.throws(() => new SummaryAccumulator().push(badOutcome()), /outside/);
  // A curve from counts equals the curve of the subjects they stand for.
  const km = kaplanMeierOfCounts([0.5, 1, 2], [2, 0, 1], [1, 1, 0]);
  assert.deepEqual(km, kaplanMeier([0.5, 0.5, 0.5, 1, 2], [1, 1, 0, 0, 1]));
});

function badOutcome(): PatientOutcome {
  return {
    index: 0,
    arm: 'control',
    stratum: 'ihc1',
    ihc: 1,
    her2Base: 1,
    micromets: 0,
    dormant: 0,
    censorDay: 2e6,
    backgroundDay: Number.POSITIVE_INFINITY,
    recurrence: { control: Number.POSITIVE_INFINITY, trastuzumab: Number.POSITIVE_INFINITY },
  };
}
