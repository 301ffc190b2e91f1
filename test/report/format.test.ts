import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatExponent,
  formatFixed,
  formatPercent,
  formatSI,
  formatSig,
  superscript,
} from '../../src/report/format.js';
import { tickLabels } from '../../src/report/svg/tick-format.js';

const M = '\u2212';

test('superscripts and exponent notation', () => {
  assert.equal(superscript(-12), '⁻¹²');
  assert.equal(formatExponent(2e5), '2×10⁵');
  assert.equal(formatExponent(1e-3), '10⁻³');
  assert.equal(formatExponent(-1.25e6, 3), `${M}1.25×10⁶`);
  assert.equal(formatExponent(0), '0');
});

test('significant digits, SI prefixes, fixed, percent', () => {
  assert.equal(formatSig(0.000123456), '1.235×10⁻⁴');
  assert.equal(formatSig(1234.5678), '1235');
  assert.equal(formatSig(-0.5), `${M}0.5`);
  assert.equal(formatSig(123456, 3), '123000');
  assert.equal(formatSig(Number.NaN), 'NaN');
  assert.equal(formatSig(Number.NEGATIVE_INFINITY), `${M}∞`);
  assert.equal(formatSI(1500), '1.5k');
  assert.equal(formatSI(2e-6), '2µ');
  assert.equal(formatSI(999.96), '1k');
  assert.equal(formatSI(-3.2e9), `${M}3.2G`);
  assert.equal(formatFixed(-0.0001, 2), '0.00');
  assert.equal(formatFixed(-1.5, 1), `${M}1.5`);
  assert.equal(formatPercent(0.125), '12.5%');
  assert.equal(formatPercent(0.5, 0), '50%');
});

test('tick labels: one consistent style per axis, neighbours distinct', () => {
  assert.deepEqual(tickLabels([0, 0.5, 1], 'linear'), ['0.0', '0.5', '1.0']);
  assert.deepEqual(tickLabels([0, 20, 40], 'linear'), ['0', '20', '40']);
  assert.deepEqual(tickLabels([0, 2e5, 4e5], 'linear'), ['0', '2×10⁵', '4×10⁵']);
  assert.deepEqual(tickLabels([1e6, 1.2e6, 1.4e6], 'linear'), ['10⁶', '1.2×10⁶', '1.4×10⁶']);
  assert.deepEqual(tickLabels([1000, 2000], 'linear', 'si'), ['1k', '2k']);
  assert.deepEqual(tickLabels([0, 0.25, 0.5], 'linear', 'percent'), ['0%', '25%', '50%']);
  assert.deepEqual(tickLabels([1, 10, 100, 1000], 'log'), ['1', '10', '100', '1000']);
  assert.deepEqual(tickLabels([1, 100, 1e4, 1e6], 'log'), ['10⁰', '10²', '10⁴', '10⁶']);
  assert.deepEqual(
    tickLabels([1, 2, 3], 'linear', (v) => `d${v}`),
    ['d1', 'd2', 'd3'],
  );
  const dense = tickLabels([0.1, 0.2, 0.3, 0.4], 'linear');
  assert.equal(new Set(dense).size, dense.length);
});

test('formatP: one p-value format (4 significant digits, exponent below 1e-4), used by paper and CLI', async () => {
  const { formatP } = await import('../../src/report/format.js');
  const { pval } = await import('../../src/paper/format.js');
  assert.equal(formatP(0.06534123), '0.06534');
  assert.equal(formatP(0.000123456), '0.0001235');
  assert.equal(formatP(3.2e-5), '3.2e-5');
  assert.equal(formatP(0), '0');
  assert.equal(formatP(1), '1');
  assert.equal(formatP(Number.NaN), 'NA');
  assert.equal(pval, formatP);
});
