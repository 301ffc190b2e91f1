import assert from 'node:assert/strict';
import { test } from 'node:test';
import { elda, eldaCompare, eldaLogLik } from './elda.js';

const close = (a: number, b: number, rel: number, msg?: string): void =>
  assert.ok(Math.abs(a - b) <= rel * Math.abs(b), `${msg ?? ''} ${a} vs ${b}`);

test('one dose: MLE, Wald interval by hand', () => {
  // 5 of 10 positive at 100 cells: 1 - exp(-100 f) = 1/2, f = ln 2 / 100.
  // Information on log f: n m^2 e^-m / (1 - e^-m) = 10 (ln 2)^2 = 4.8045, se = 0.45622.
  const r = elda([{ dose: 100, tested: 10, responded: 5 }]);
  close(r.oneIn, 100 / Math.LN2, 1e-9, 'oneIn');
  close(r.seLogF, 1 / Math.sqrt(10 * Math.LN2 ** 2), 1e-9, 'se');
  close(r.oneInWald[0], 58.95, 1e-3, 'wald lo');
  close(r.oneInWald[1], 353.0, 1e-3, 'wald hi');
  // The profile interval contains the MLE and sits where the log-likelihood drops by chi2/2.
  assert.ok(r.oneInProfile[0] < r.oneIn && r.oneIn < r.oneInProfile[1]);
  for (const x of r.oneInProfile)
    close(r.logLik - eldaLogLik([{ dose: 100, tested: 10, responded: 5 }], -Math.log(x)), 1.9207, 1e-4);
});

test('several doses: the MLE maximises the likelihood', () => {
  const rows = [
    { dose: 1000, tested: 6, responded: 6 },
    { dose: 100, tested: 6, responded: 4 },
    { dose: 10, tested: 6, responded: 1 },
  ];
  const r = elda(rows);
  const th = Math.log(r.frequency);
  for (const d of [-1e-3, 1e-3]) assert.ok(eldaLogLik(rows, th + d) < r.logLik);
  // Brute-force grid agrees.
  let best = -Infinity;
  let arg = 0;
  for (let t = -10; t < 0; t += 1e-4) {
    const l = eldaLogLik(rows, t);
    if (l > best) [best, arg] = [l, t];
  }
  close(th, arg, 1e-3);
});

test('boundaries: all negative gives a one-sided bound exp(-f sum n d) = 0.05', () => {
  const r = elda([
    { dose: 10, tested: 5, responded: 0 },
    { dose: 100, tested: 5, responded: 0 },
  ]);
  assert.equal(r.oneIn, Infinity);
  close(r.oneInWald[0], 550 / -Math.log(0.05), 1e-12);
  const all = elda([{ dose: 10, tested: 4, responded: 4 }]);
  assert.equal(all.oneIn, 0);
  // (1 - exp(-10 f))^4 = 0.05 at the bound.
  const f = 1 / all.oneInWald[1];
  close((1 - Math.exp(-10 * f)) ** 4, 0.05, 1e-6);
});

test('likelihood-ratio comparison separates different frequencies only', () => {
  const a = [
    { dose: 10, tested: 10, responded: 8 },
    { dose: 1, tested: 10, responded: 2 },
  ];
  const b = [
    { dose: 1000, tested: 10, responded: 7 },
    { dose: 100, tested: 10, responded: 1 },
  ];
  const diff = eldaCompare(a, b);
  assert.ok(diff.p < 1e-6 && diff.ratio > 50);
  const same = eldaCompare(a, a);
  close(same.p, 1, 1e-9);
  assert.throws(() => elda([{ dose: 10, tested: 2, responded: 3 }]), RangeError);
});
