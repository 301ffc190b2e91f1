/**
 * Event localisation on the dense output: finds the first time in (tLo, tHi] at which any root
 * function differs in sign from its value at tLo. Illinois-modified regula falsi over several functions
 * as in SUNDIALS CVODE's cvRootfind (Hiebert & Shampine 1980, "Implicitly defined output points for
 * solutions of ODEs", Sandia SAND80-0180): the secant estimate of the earliest crossing, a weight that
 * halves/doubles when the same end is retained twice, and a guard keeping trial points off the ends.
 */

/** Sign with zero: -1, 0, 1. */
function sgn(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0;
}

/** True when g differs in sign from the baseline gBase in some component. */
export function anyCrossing(gBase: Float64Array, g: Float64Array, nR: number): boolean {
  for (let i = 0; i < nR; i++) if (sgn(g[i]) !== sgn(gBase[i])) return true;
  return false;
}

/** Baseline signs, reused across calls (locateRoot never runs inside itself). */
let baseSigns = new Int8Array(16);

/**
 * `evalG(t, out)` writes the root functions at time t (state from the dense output).
 * `gLo` holds the values at tLo (the baseline signs), `gHi` those at tHi (must show a crossing);
 * `gMid` is scratch. Returns the right end of the final bracket (width <= relTol (|tHi| + |tHi - tLo|));
 * gHi then holds the root values there. gLo is overwritten.
 */
export function locateRoot(
  evalG: (t: number, out: Float64Array) => void,
  tLo: number,
  tHi: number,
  gLo: Float64Array,
  gHi: Float64Array,
  gMid: Float64Array,
  nR: number,
  relTol = 1e-12,
): number {
  if (baseSigns.length < nR) baseSigns = new Int8Array(nR);
  const base = baseSigns;
  for (let i = 0; i < nR; i++) base[i] = sgn(gLo[i]);
  const width0 = tHi - tLo;
  const tol = Math.max(relTol * (Math.abs(tHi) + Math.abs(width0)), 4 * Number.EPSILON * Math.abs(tHi));
  let alpha = 1;
  let side = 0;
  let sidePrev = 0;
  for (let iter = 0; iter < 200 && tHi - tLo > tol; iter++) {
    alpha = side !== 0 && side === sidePrev ? (side === 2 ? alpha * 2 : alpha * 0.5) : 1;
    // Earliest secant estimate among the functions that crossed in [tLo, tHi].
    let frac = 1;
    for (let i = 0; i < nR; i++) {
      if (sgn(gHi[i]) === base[i]) continue;
      const denom = gHi[i] - alpha * gLo[i];
      const f = denom !== 0 ? 1 - gHi[i] / denom : 0.5;
      if (f < frac) frac = f;
    }
    const w = tHi - tLo;
    // Never closer than tol / 2 to an end: a secant landing on a root's far side would otherwise creep
    // towards it by a vanishing fraction of the bracket (w < tol is the exit, so the point stays inside).
    const guard = Math.max((w / width0 > 0.1 ? 0.1 : 0.5 * (w / width0)) * w, 0.5 * tol);
    let tMid = tLo + frac * w;
    if (!(tMid - tLo >= 0.5 * tol)) tMid = tLo + guard;
    if (!(tHi - tMid >= 0.5 * tol)) tMid = tHi - guard;
    evalG(tMid, gMid);
    sidePrev = side;
    let crossed = false;
    for (let i = 0; i < nR; i++) {
      if (sgn(gMid[i]) !== base[i]) {
        crossed = true;
        break;
      }
    }
    if (crossed) {
      tHi = tMid;
      gHi.set(gMid.subarray(0, nR));
      side = 1;
    } else {
      tLo = tMid;
      gLo.set(gMid.subarray(0, nR));
      side = 2;
    }
  }
  return tHi;
}
