/**
 * The compact forms the trial analysis uses give the numbers of the full ones: the Kaplan-Meier curve
 * kept at its events (eventsOnly), the quantile of a curve computed without the curve, and the log-rank
 * test on group codes. Random samples with heavy ties (integer times), so that flat segments at a
 * quantile's level occur, and constructed cases that sit exactly on it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stream } from '../../src/random/rng.js';
import {
  kaplanMeier,
  kaplanMeierQuantile,
  logRank,
  logRankCoded,
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

test('log-rank on group codes equals log-rank on labels', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const { time, status, code } = sample(200 + seed, 30 + seed * 5, 6 + seed);
    if (!status.includes(1) || !code.includes(0) || !code.includes(1)) continue;
    const a = logRank(
      time,
      status,
      Array.from(code, (c) => (c === 0 ? 'a' : 'b')),
    );
    const b = logRankCoded(time, status, code, ['a', 'b']);
    assert.equal(b.chisq, a.chisq);
    assert.equal(b.p, a.p);
    assert.deepEqual(Array.from(b.expected), Array.from(a.expected));
  }
});
