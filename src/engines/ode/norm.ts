/**
 * Weighted RMS error norm of Hairer, Norsett & Wanner I, eq. (II.4.11):
 * sqrt(mean((err_i / (atol_i + rtol max(|y_i|, |yNew_i|)))^2)). A step is accepted when it is <= 1.
 * Returns NaN when any component of err or yNew is NaN or infinite, so that one comparison
 * catches blow-ups.
 */
export function errorNorm(
  err: Float64Array,
  y: Float64Array,
  yNew: Float64Array,
  atol: Float64Array,
  rtol: number,
  n: number,
): number {
  let sum = 0;
  let poison = 0;
  for (let i = 0; i < n; i++) {
    const yn = yNew[i];
    const sk = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yn));
    const r = err[i] / sk;
    sum += r * r;
    poison += yn - yn;
  }
  // An empty state (every quantity given by rules) has nothing to control: norm 0, not 0/0.
  return n === 0 ? 0 : Math.sqrt(sum / n) + poison;
}

/**
 * Index of the component that dominates the error estimate: the first non-finite component of
 * err or yNew if any, else argmax |err_i| / sk_i. Used to name the state in a SolverError.
 */
export function worstComponent(
  err: Float64Array,
  y: Float64Array,
  yNew: Float64Array,
  atol: Float64Array,
  rtol: number,
  n: number,
): number {
  let worst = 0;
  let max = -1;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(yNew[i]) || !Number.isFinite(err[i]) || !Number.isFinite(y[i])) return i;
    const r = Math.abs(err[i]) / (atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
    if (r > max) {
      max = r;
      worst = i;
    }
  }
  return worst;
}
