/**
 * The compact forms the trial analysis uses give the numbers of the full ones: the Kaplan-Meier curve
 * kept at its events (eventsOnly), the quantile of a curve computed without the curve, and the log-rank
 * test and Cox fit of two groups from counts at the event times. Random samples with heavy ties (times on
 * a grid), so that flat segments at a quantile's level and tied events occur, and constructed cases.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../../src/random/rng.js';
import {
  coxOfTable,
  coxPH,
  eventTable,
  kaplanMeier,
  kaplanMeierQuantile,
  logRank,
  logRankOfTable,
  survivalQuantile,
} from '../../src/trial/survival/index.js';

function sample(seed: number, n: number, distinct: number, events = 0.6) {
  const rng = stream(seed, 0);
  const time = Float64Array.from({ length: n }, () => Math.floor(rng.uniform() * distinct) / 4);
  const status = Uint8Array.from({ length: n }, () => (rng.uniform() < events ? 1 : 0));
  const code = Uint8Array.from({ length: n }, () => (rng.uniform() < 0.5 ? 0 : 1));
  return { time, status, code };
}

test('Kaplan-Meier at events only: the full curve at its event times and last time, same medians', () => {
  for (let seed = 1; seed <= 30; seed++) {
    const { time, status } = sample(seed, 5 + seed * 7, 3 + seed);
    const full = kaplanMeier(time, status);
    const ev = kaplanMeier(time, status, { eventsOnly: true });
    const keep = Array.from(full.time.keys()).filter(
      (i) => full.nEvent[i]! > 0 || i === full.time.length - 1,
    );
    for (const f of ['time', 'nRisk', 'nEvent', 'surv', 'stdErr', 'lower', 'upper'] as const)
      assert.deepEqual(
        Array.from(ev[f]),
        keep.map((i) => full[f][i]!),
        `seed ${seed}: ${f}`,
      );
    // Censorings at dropped times count at the next time kept.
    keep.forEach((i, j) => {
      let c = 0;
      for (let k = j === 0 ? 0 : keep[j - 1]! + 1; k <= i; k++) c += full.nCensor[k]!;
      assert.equal(ev.nCensor[j], c, `seed ${seed}: censored at row ${j}`);
    });
    assert.equal(ev.median, full.median);
    assert.equal(ev.medianLower, full.medianLower);
    assert.equal(ev.medianUpper, full.medianUpper);
    assert.equal(ev.n, full.n);
    assert.equal(ev.events, full.events);
  }
});

test('quantile without the curve equals survivalQuantile of the curve', () => {
  let flat = 0;
  for (let seed = 1; seed <= 60; seed++) {
    // Half the samples: every subject an event, so that S often lands on 0.5 exactly.
    const { time, status } = sample(100 + seed, 4 + (seed % 12) * 2, 2 + (seed % 9), seed % 2 ? 0.6 : 1);
    const km = kaplanMeier(time, status);
    for (const p of [0, 0.25, 0.5, 0.75, 1]) {
      const want = survivalQuantile(km.time, km.surv, p);
      assert.equal(kaplanMeierQuantile(time, status, p), want, `seed ${seed}, p ${p}`);
      if (p === 0.5 && Array.from(km.surv).some((s) => Math.abs(s - 0.5) < 1e-12)) flat++;
    }
  }
  assert.ok(flat >= 3, `curves sitting on 0.5: ${flat}`);
  // Exactly on 0.5 over a segment, and as the curve's tail.
  const cases: [number[], number[]][] = [
    [
      [1, 2, 3, 4],
      [1, 1, 1, 1],
    ],
    [
      [1, 2, 3, 4],
      [1, 0, 0, 0],
    ],
    [
      [1, 1, 2, 5, 7, 7],
      [1, 1, 0, 1, 0, 0],
    ],
  ];
  for (const [t, s] of cases) {
    const km = kaplanMeier(t, s);
    assert.equal(kaplanMeierQuantile(t, s, 0.5), survivalQuantile(km.time, km.surv, 0.5), `${t}`);
    assert.equal(kaplanMeierQuantile(t, s, 0.5), km.median);
  }
});

test('two groups from the event table: log-rank bit for bit, Cox within 1e-10 of coxPH (Efron and Breslow)', () => {
  let ties = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const { time, status, code } = sample(300 + seed, 20 + seed * 9, 5 + seed * 3, seed % 3 ? 0.5 : 0.2);
    if (!status.includes(1) || !code.includes(0) || !code.includes(1)) continue;
    // Times in quarter days, the table built from days (sorted the same) divided by 4.
    const key = Float64Array.from(time, (t) => t * 4);
    const T = eventTable(key, 4, status, code);
    if (Array.from(T.d0).some((d, j) => d + T.d1[j]! > 1)) ties++;
    const lr = logRankOfTable(T, ['a', 'b']);
    const want = logRank(
      time,
      status,
      Array.from(code, (c) => (c === 0 ? 'a' : 'b')),
    );
    assert.equal(lr.chisq, want.chisq, `seed ${seed}`);
    assert.deepEqual(Array.from(lr.observed), Array.from(want.observed));
    for (const ties of ['efron', 'breslow'] as const) {
      const a = coxOfTable(T, { ties });
      const b = coxPH(time, status, [code], { ties });
      const close = (u: number, v: number) => Math.abs(u - v) <= 1e-10 * Math.max(1, Math.abs(v));
      assert.ok(close(a.coef[0]!, b.coef[0]!), `seed ${seed} ${ties}: coef ${a.coef[0]} vs ${b.coef[0]}`);
      assert.ok(close(a.se[0]!, b.se[0]!), `seed ${seed} ${ties}: se ${a.se[0]} vs ${b.se[0]}`);
      assert.ok(close(a.loglik[1], b.loglik[1]), `seed ${seed} ${ties}: loglik`);
      assert.ok(close(a.scoreTest, b.scoreTest), `seed ${seed} ${ties}: score`);
      assert.equal(a.iterations, b.iterations);
    }
  }
  assert.ok(ties >= 10, `samples with tied events: ${ties}`);
});

test('event table: near-equal times merge as R does (a censoring 1e-12 before an event is at risk at it)', () => {
  const time = Float64Array.of(1, 2 - 1e-12, 2, 3, 4);
  const status = Uint8Array.of(1, 0, 1, 1, 0);
  const group = Uint8Array.of(0, 1, 1, 0, 1);
  const T = eventTable(time, 1, status, group);
  assert.deepEqual(Array.from(T.time), [1, 2 - 1e-12, 3]);
  assert.deepEqual(Array.from(T.n1), [3, 3, 1]);
  const want = logRank(time, status, ['a', 'b', 'b', 'a', 'b']);
  assert.equal(logRankOfTable(T, ['a', 'b']).chisq, want.chisq);
});
