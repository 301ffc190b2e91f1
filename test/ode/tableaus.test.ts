import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOPRI5, DOPRI5_DENSE, RODAS5P } from '../../src/engines/ode/tableaus.js';

type M = readonly (readonly number[])[];
const sum = (v: readonly number[]) => v.reduce((a, b) => a + b, 0);
const close = (a: number, b: number, tol = 1e-13, what = '') =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${what}: ${a} vs ${b}`);

test('DOPRI5: sum b = 1, row sums of A = c, error weights sum to 0, FSAL row', () => {
  close(sum(DOPRI5.b), 1, 1e-14, 'sum b');
  close(sum(DOPRI5.e), 0, 1e-14, 'sum e');
  DOPRI5.a.forEach((row, i) => {
    close(sum(row), DOPRI5.c[i], 1e-14, `row ${i}`);
  });
  assert.deepEqual(DOPRI5.a[6], DOPRI5.b);
  assert.ok(Object.isFrozen(DOPRI5) && Object.isFrozen(DOPRI5.a[0]));
});

test('DOPRI5: order conditions up to 5 for b, up to 4 for the embedded bHat = b - e', () => {
  const { a, c } = DOPRI5;
  const s = 7;
  const check = (b: readonly number[], order: number, what: string) => {
    // Bushy trees sum b c^(k-1) = 1/k, and the tall/mixed trees that are cheap to write.
    for (let k = 1; k <= order; k++)
      close(sum(b.map((bi, i) => bi * c[i] ** (k - 1))), 1 / k, 1e-13, `${what} c^${k - 1}`);
    const ac = Array.from({ length: s }, (_, i) => sum(a[i].map((aij, j) => aij * c[j])));
    const ac2 = Array.from({ length: s }, (_, i) => sum(a[i].map((aij, j) => aij * c[j] ** 2)));
    const aac = Array.from({ length: s }, (_, i) => sum(a[i].map((aij, j) => aij * ac[j])));
    if (order >= 3) close(sum(b.map((bi, i) => bi * ac[i])), 1 / 6, 1e-13, `${what} bAc`);
    if (order >= 4) {
      close(sum(b.map((bi, i) => bi * c[i] * ac[i])), 1 / 8, 1e-13, `${what} bcAc`);
      close(sum(b.map((bi, i) => bi * ac2[i])), 1 / 12, 1e-13, `${what} bAc2`);
      close(sum(b.map((bi, i) => bi * aac[i])), 1 / 24, 1e-13, `${what} bAAc`);
    }
    if (order >= 5) {
      close(sum(b.map((bi, i) => bi * c[i] ** 2 * ac[i])), 1 / 10, 1e-13, `${what} bc2Ac`);
      close(sum(b.map((bi, i) => bi * ac[i] ** 2)), 1 / 20, 1e-13, `${what} b(Ac)^2`);
      close(sum(b.map((bi, i) => bi * c[i] * aac[i])), 1 / 30, 1e-13, `${what} bcAAc`);
      const aaac = Array.from({ length: s }, (_, i) => sum(a[i].map((aij, j) => aij * aac[j])));
      close(sum(b.map((bi, i) => bi * aaac[i])), 1 / 120, 1e-13, `${what} bAAAc`);
    }
  };
  check(DOPRI5.b, 5, 'b');
  check(
    DOPRI5.b.map((bi, i) => bi - DOPRI5.e[i]),
    4,
    'bHat',
  );
  // The embedded method is genuinely of order 4 only (otherwise the error estimate would vanish).
  const bHat = DOPRI5.b.map((bi, i) => bi - DOPRI5.e[i]);
  assert.ok(Math.abs(sum(bHat.map((bi, i) => bi * DOPRI5.c[i] ** 4)) - 1 / 5) > 1e-6);
  close(sum(DOPRI5_DENSE), 0, 1e-12, 'dense weights sum');
});

/** Lower-triangular inverse by forward substitution. */
function invLower(L: number[][]): number[][] {
  const s = L.length;
  const X = Array.from({ length: s }, () => new Array<number>(s).fill(0));
  for (let col = 0; col < s; col++) {
    for (let i = 0; i < s; i++) {
      let v = i === col ? 1 : 0;
      for (let k = 0; k < i; k++) v -= L[i][k] * X[k][col];
      X[i][col] = v / L[i][i];
    }
  }
  return X;
}
const matmul = (A: M, B: M) => A.map((row) => B[0].map((_, j) => sum(row.map((aik, k) => aik * B[k][j]))));

test('Rodas5P: W-transformed coefficients satisfy the Rosenbrock order conditions (Hairer-Wanner IV.7) to order 4', () => {
  const { stages: s, gamma, a, C, b } = RODAS5P;
  // Undo the transformation: Gamma^-1 = diag(1/gamma) - C, alpha = a Gamma, bOrig = b Gamma.
  const Ginv = Array.from({ length: s }, (_, i) =>
    Array.from({ length: s }, (_, j) => (i === j ? 1 / gamma : -C[i][j])),
  );
  const G = invLower(Ginv);
  const alpha = matmul(a, G);
  const bo = matmul([b], G)[0];
  const beta = alpha.map((row, i) => row.map((v, j) => (j < i ? v + G[i][j] : 0)));
  const alphaI = alpha.map((row) => sum(row));
  const betaI = beta.map((row) => sum(row));
  // c_i = sum_j alpha_ij and d_i = sum_j gamma_ij (including the diagonal).
  alphaI.forEach((v, i) => {
    close(v, RODAS5P.c[i], 1e-10, `c[${i}]`);
  });
  G.forEach((row, i) => {
    close(sum(row), RODAS5P.d[i], 1e-10, `d[${i}]`);
  });
  const g = gamma;
  close(sum(bo), 1, 1e-10, 'order 1');
  close(sum(bo.map((bj, j) => bj * betaI[j])), 0.5 - g, 1e-10, 'order 2');
  close(sum(bo.map((bj, j) => bj * alphaI[j] ** 2)), 1 / 3, 1e-10, 'order 3a');
  const bb = bo.map((_, j) => sum(beta[j].map((v, k) => v * betaI[k])));
  close(sum(bo.map((bj, j) => bj * bb[j])), 1 / 6 - g + g * g, 1e-10, 'order 3b');
  close(sum(bo.map((bj, j) => bj * alphaI[j] ** 3)), 1 / 4, 1e-10, 'order 4a');
  const ab = bo.map((_, j) => sum(alpha[j].map((v, k) => v * betaI[k])));
  close(sum(bo.map((bj, j) => bj * alphaI[j] * ab[j])), 1 / 8 - g / 3, 1e-10, 'order 4b');
  const ba2 = bo.map((_, j) => sum(beta[j].map((v, k) => v * alphaI[k] ** 2)));
  close(sum(bo.map((bj, j) => bj * ba2[j])), 1 / 12 - g / 3, 1e-10, 'order 4c');
  const bbb = bo.map((_, j) => sum(beta[j].map((v, k) => v * bb[k])));
  close(sum(bo.map((bj, j) => bj * bbb[j])), 1 / 24 - g / 2 + 1.5 * g * g - g ** 3, 1e-10, 'order 4d');
  // Stiffly accurate: b is the last row of a plus the last stage.
  RODAS5P.b.forEach((bi, i) => {
    close(bi, a[s - 1][i] + (i === s - 1 ? 1 : 0), 0, `b[${i}]`);
  });
});
