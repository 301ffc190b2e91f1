/**
 * The dense output form shared by every stepper: five vectors r1..r5 (5n values) describing
 * y(tPrev + theta h) = r1 + theta (r2 + (1 - theta) (r3 + theta (r4 + (1 - theta) r5))), theta in [0, 1].
 * This is Hairer's CONTD5 form for DOPRI5 (order 4); Rodas5P's interpolant
 * (1-th) y0 + th (y1 + (1-th)(K0 + th (K1 + th K2))) is the same polynomial with r1 = y0, r2 = y1 - y0,
 * r3 = K0, r4 = K1 + K2, r5 = -K2 (since th^3 (1-th) = th^2 (1-th) - th^2 (1-th)^2).
 * One representation lets the delay history, root finding and output sampling ignore the method.
 */
export function evalDense(
  dense: Float64Array,
  offset: number,
  n: number,
  theta: number,
  out: Float64Array,
): void {
  const th1 = 1 - theta;
  const o2 = offset + n;
  const o3 = o2 + n;
  const o4 = o3 + n;
  const o5 = o4 + n;
  for (let i = 0; i < n; i++) {
    out[i] =
      dense[offset + i] +
      theta * (dense[o2 + i] + th1 * (dense[o3 + i] + theta * (dense[o4 + i] + th1 * dense[o5 + i])));
  }
}
