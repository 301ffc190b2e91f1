/**
 * The error measure used for every row: the maximum relative error over a fixed output grid and over all
 * state components, with a floor so that components passing through zero do not divide by zero:
 *
 *   error = max over grid points i and components k of |y_ik - ref_ik| / max(|ref_ik|, floor)
 *
 * The floor is each problem's `errorFloor`, its headline atol / rtol: a solver asked for rtol, atol keeps
 * |e| near rtol |y| + atol = rtol (|y| + atol / rtol), so this measure reads "achieved relative accuracy"
 * for every component, tiny ones included (with floor = atol, Robertson's C at t = 1e-4, 1.6e-8, would
 * show every solver at 1e-2). The floor is fixed across a tolerance sweep so the error axis of a
 * work-precision diagram means the same thing at every point.
 */
export function maxRelError(y: ArrayLike<number>, ref: ArrayLike<number>, floor: number): number {
  if (y.length !== ref.length)
    throw new Error(`error: ${y.length} values against ${ref.length} reference values`);
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i]!;
    const d = Math.abs(y[i]! - r) / Math.max(Math.abs(r), floor);
    // NaN (a failed solve) must not hide behind max(): report it as infinite error.
    if (!(d <= worst)) worst = Number.isNaN(d) ? Number.POSITIVE_INFINITY : d;
  }
  return worst;
}
