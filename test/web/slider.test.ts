/** Parameter sliders: log over positive ranges, linear from zero, ends clamp, positions round-trip. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { STEPS, sliderPosition, sliderScale, sliderValue } from '../../web/src/app/slider.js';

test('no slider without a range to slide over', () => {
  assert.equal(sliderScale(undefined), undefined);
  assert.equal(sliderScale([6.7, 6.7]), undefined);
  assert.equal(sliderScale([2, 1]), undefined);
});

test('log scale over a positive range: the midpoint is the geometric mean', () => {
  const s = sliderScale([1e4, 1e6])!;
  assert.equal(s.log, true);
  assert.equal(sliderValue(s, 0), 1e4);
  assert.equal(sliderValue(s, STEPS), 1e6);
  assert.equal(sliderValue(s, STEPS / 2), 1e5);
  assert.equal(sliderPosition(s, 1e5), STEPS / 2);
});

test('linear from zero; values outside the range sit at the ends', () => {
  const s = sliderScale([0, 0.03])!;
  assert.equal(s.log, false);
  assert.equal(sliderValue(s, STEPS / 2), 0.015);
  assert.equal(sliderPosition(s, -1), 0);
  assert.equal(sliderPosition(s, 5), STEPS);
});

test('every position maps to a value that maps back to the same position (4 significant digits)', () => {
  for (const range of [
    [0.25, 0.6],
    [5e5, 2e6],
    [0, 0.05],
    [-10, 10],
  ] as const) {
    const s = sliderScale(range)!;
    for (let pos = 0; pos <= STEPS; pos += 7) {
      const v = sliderValue(s, pos);
      assert.ok(Math.abs(sliderPosition(s, v) - pos) <= 1, `${range}: ${pos} -> ${v}`);
    }
  }
});
