import assert from 'node:assert/strict';
import { test } from 'node:test';
import { logTicks, niceDomain, niceLogDomain, niceTicks, tickStep } from '../../src/report/svg/ticks.js';

/** Mulberry32: a tiny seeded generator so the property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A nice step is 1, 2 or 5 times a power of ten. */
function isNiceStep(step: number): boolean {
  const e = Math.floor(Math.log10(step));
  const m = step / 10 ** e;
  return [1, 2, 5, 10].some((k) => Math.abs(m - k) < 1e-9);
}

function randomDomain(r: () => number): [number, number] {
  const scale = 10 ** Math.floor(r() * 24 - 12);
  const a = (r() * 2 - 1) * scale * 10;
  const b = a + r() * scale * 10 + scale * 1e-3;
  return [a, b];
}

test('niceTicks: inside the domain, evenly spaced by a nice step, about count of them', () => {
  const r = rng(1);
  for (let k = 0; k < 2000; k++) {
    const [lo, hi] = randomDomain(r);
    const count = 2 + Math.floor(r() * 9);
    const ticks = niceTicks(lo, hi, count);
    const step = tickStep(lo, hi, count);
    assert.ok(isNiceStep(step), `step ${step} for [${lo}, ${hi}]`);
    assert.ok(ticks.length >= 1, `no ticks for [${lo}, ${hi}]`);
    // Heckbert/d3 guarantee: between count/sqrt(50)-ish and about 2.3 * count labels.
    assert.ok(ticks.length <= Math.ceil(count * 2.3) + 1, `${ticks.length} ticks for count ${count}`);
    for (let i = 0; i < ticks.length; i++) {
      assert.ok(ticks[i] >= lo && ticks[i] <= hi, `tick ${ticks[i]} outside [${lo}, ${hi}]`);
      if (i > 0) assert.ok(Math.abs(ticks[i] - ticks[i - 1] - step) <= step * 1e-9, 'uneven spacing');
      // No floating-point debris such as 0.30000000000000004: the value is short in 12 significant digits.
      assert.equal(ticks[i], Number(ticks[i].toPrecision(12)), `tick ${ticks[i]} not clean`);
      assert.ok(
        Math.abs(ticks[i] / step - Math.round(ticks[i] / step)) < 1e-6,
        'tick is a multiple of the step',
      );
    }
  }
});

test('niceDomain covers the data and ends on ticks', () => {
  const r = rng(2);
  for (let k = 0; k < 2000; k++) {
    const [lo, hi] = randomDomain(r);
    const [a, b] = niceDomain(lo, hi, 5);
    assert.ok(a <= lo && b >= hi, `[${a}, ${b}] does not cover [${lo}, ${hi}]`);
    const ticks = niceTicks(a, b, 5);
    assert.equal(ticks[0], a, `lower end ${a} not a tick`);
    assert.equal(ticks[ticks.length - 1], b, `upper end ${b} not a tick`);
    // Never wildly wider than the data: each end moves by less than two final steps.
    const step = tickStep(a, b, 5);
    assert.ok(lo - a < 2 * step && b - hi < 2 * step, `too much padding: [${a}, ${b}] for [${lo}, ${hi}]`);
  }
});

test('niceTicks on classic examples', () => {
  assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(0, 1, 10), [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  assert.deepEqual(niceTicks(-7, 23, 5), [-5, 0, 5, 10, 15, 20]);
  assert.deepEqual(niceTicks(3, 3, 5), [3]);
  assert.deepEqual(niceTicks(Number.NaN, 1, 5), []);
  assert.deepEqual(niceDomain(0.3, 97, 5), [0, 100]);
  assert.ok(!Object.is(niceTicks(-1, 1, 2)[1], -0));
});

test('log ticks: majors are the powers of ten when three or more lie in the domain', () => {
  for (let e0 = -12; e0 <= 6; e0 += 3) {
    for (let span = 3; span <= 14; span++) {
      const lo = 10 ** e0 * 1.7;
      const hi = 10 ** (e0 + span) * 0.6;
      const { major, minor } = logTicks(lo, hi, 6);
      const powersInside = Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 1;
      if (powersInside < 3) continue;
      assert.ok(major.length >= 2 && major.length <= 8, `${major.length} majors for ${lo}..${hi}`);
      for (const v of major) {
        const e = Math.log10(v);
        assert.ok(Math.abs(e - Math.round(e)) < 1e-12, `major ${v} is not a power of ten`);
        assert.ok(v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9), `major ${v} outside`);
      }
      for (const v of minor) assert.ok(v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) && !major.includes(v));
    }
  }
  assert.deepEqual(logTicks(1, 1e4).major, [1, 10, 100, 1000, 10000]);
  assert.deepEqual(logTicks(1e-3, 1).major, [0.001, 0.01, 0.1, 1]);
});

test('log ticks in narrow domains use 1-2-5 values, then linear ticks', () => {
  assert.deepEqual(logTicks(1, 20).major, [1, 2, 5, 10, 20]);
  const narrow = logTicks(3, 6);
  assert.ok(narrow.major.length >= 2);
  for (const v of narrow.major) assert.ok(v >= 3 && v <= 6);
  assert.deepEqual(logTicks(0, 10), { major: [], minor: [] });
});

test('niceLogDomain extends to powers of ten for wide ranges and to 1-2-5 values for narrow ones', () => {
  assert.deepEqual(niceLogDomain(3, 4500), [1, 10000]);
  assert.deepEqual(niceLogDomain(0.0012, 0.7), [0.001, 1]);
  assert.deepEqual(niceLogDomain(3, 45), [2, 50]);
  const r = rng(3);
  for (let k = 0; k < 500; k++) {
    const lo = 10 ** (r() * 20 - 10);
    const hi = lo * 10 ** (r() * 6 + 0.01);
    const [a, b] = niceLogDomain(lo, hi);
    assert.ok(a <= lo * (1 + 1e-12) && b >= hi * (1 - 1e-12), `[${a}, ${b}] vs [${lo}, ${hi}]`);
    assert.ok(a > 0 && b / a <= (hi / lo) * 100, 'padding at most one decade each side');
  }
});
