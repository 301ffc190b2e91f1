import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chunkedSource } from './chunks.js';

type Fn = (t: number, y: Float64Array, dy: Float64Array) => number;
const build = (src: string): Fn => new Function('H', 'w', src)(null, new Float64Array(2000)) as Fn;

test('a long straight-line body is split into helpers that compute the same values', () => {
  const lines = Array.from({ length: 1500 }, (_, i) => `w[${i}] = (y[${i % 7}] * ${i + 1}) + t;`);
  lines.push('dy[0] = w[0] + w[1499];');
  lines.push('return w[10] * 2;');
  const body = lines.join('\n');
  const src = chunkedSource('t, y, dy', body, '');
  assert.match(src, /function c1\(t, y, dy\)/);
  const whole = build(`'use strict';\nreturn function (t, y, dy) {\n${body}\n};`);
  const y = Float64Array.from([1, 2, 3, 4, 5, 6, 7]);
  const a = new Float64Array(1);
  const b = new Float64Array(1);
  assert.equal(build(src)(0.5, y, a), whole(0.5, y, b));
  assert.equal(a[0], b[0]);
});

test('bodies with declarations or multi-line blocks are kept whole', () => {
  const long = Array.from({ length: 1500 }, (_, i) => `w[${i}] = y[0] * ${i};`).join('\n');
  for (const extra of ['const a = 1;', 'if (t > 0) {', "w[0] = H.f('x');"]) {
    const src = chunkedSource('t, y, dy', `${extra}\n${long}`, '');
    assert.doesNotMatch(src, /function c0/);
  }
});
