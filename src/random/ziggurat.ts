/**
 * Exponential variates by the ziggurat method (Marsaglia & Tsang, "The ziggurat method for generating
 * random variables", J Stat Softw 5(8), 2000), driven by one 53-bit uniform per draw in ~99% of cases.
 * Exact: every draw has the Exp(1) law (no approximation beyond the uniform's 2^-53 grid); only the
 * number of uniforms consumed varies.
 *
 * Layout. The density f(x) = e^-x is covered by N = 256 regions of equal area v: the base (layer 0) is
 * the box [0, r] x [0, f(r)] plus the tail x > r, with r = 7.697... so that v = f(r) (r + 1); layer
 * i >= 1 is the box [0, x_i] x [f(x_i), f(x_{i+1})] with x_1 = r, x_{i+1} = -log(v / x_i + f(x_i)) and
 * x_N = 0. Layer 0 gets the virtual width x_0 = v / f(r).
 *
 * Draw. A uniform U = (k + 0.5) / 2^53 (k uniform on [0, 2^53)) gives the layer i = floor(256 U) (the
 * top 8 bits of k) and, independently, the position g = 256 U - i (the other 45 bits). Then x = g x_i:
 * if g < x_{i+1} / x_i the point lies under the curve whatever its height (accept; a multiply and a
 * compare). Otherwise layer 0 returns r + Exp(1) from its tail (memorylessness, by inversion), and a
 * layer i >= 1 accepts x when a uniform height in [f(x_i), f(x_{i+1})] falls below e^-x, else starts over
 * with fresh uniforms.
 *
 * Hot loops inline the fast path from EXP_ACCEPT / EXP_WIDTH and call `expSlow` for the rest
 * (engines/ssa/kernel.ts); `expZiggurat` is the whole sampler. Both consume the same uniforms in the
 * same order, so inlined and called draws are one stream.
 */
import type { UniformSource } from './distributions.js';

export const EXP_LAYERS = 256;

/**
 * Fills the tables for base edge r (v = f(r) (r + 1)) and returns the top layer's area minus v: zero
 * when the N regions close exactly, -Infinity when r is so small that the layers reach x = 0 early.
 */
function layout(r: number): number {
  const fr = Math.exp(-r);
  const v = fr * (r + 1);
  EXP_WIDTH[0] = v / fr;
  EXP_WIDTH[1] = r;
  EXP_F[0] = fr;
  EXP_F[1] = fr;
  for (let i = 1; i < EXP_LAYERS - 1; i++) {
    const x = -Math.log(v / EXP_WIDTH[i] + EXP_F[i]);
    // r too small: the regions use up the area under f before the top.
    if (!(x > 0)) return Number.NEGATIVE_INFINITY;
    EXP_WIDTH[i + 1] = x;
    EXP_F[i + 1] = Math.exp(-x);
  }
  EXP_F[EXP_LAYERS] = 1;
  const top = EXP_WIDTH[EXP_LAYERS - 1];
  return top * (1 - EXP_F[EXP_LAYERS - 1]) - v;
}

/** x_i, the width of layer i (x_0 virtual). */
export const EXP_WIDTH = new Float64Array(EXP_LAYERS);
/** x_{i+1} / x_i: the fast-accept bound on g for layer i (0 for the top layer, whose x_256 = 0). */
export const EXP_ACCEPT = new Float64Array(EXP_LAYERS);
/** f(x_i) for i = 0..256 (f(x_0) = f(r) stands for the base, f(x_256) = 1). */
const EXP_F = new Float64Array(EXP_LAYERS + 1);

/** Right edge of the base box, r = 7.697... (Marsaglia & Tsang 2000), refined so the regions close. */
const R = (() => {
  // The closure error grows with r (a larger r leaves less area per region and a wider top layer).
  // Bisection to adjacent doubles.
  let lo = 7.6;
  let hi = 7.8;
  for (let it = 0; it < 200 && hi - lo > 0; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (layout(mid) > 0) hi = mid;
    else lo = mid;
  }
  const eLo = Math.abs(layout(lo));
  return eLo <= Math.abs(layout(hi)) ? lo : hi;
})();

layout(R);
for (let i = 0; i < EXP_LAYERS - 1; i++) EXP_ACCEPT[i] = EXP_WIDTH[i + 1] / EXP_WIDTH[i];
EXP_ACCEPT[EXP_LAYERS - 1] = 0;

/** Area of each region and the top layer's deviation from it (tests: the layout closes). */
export function layoutClosure(): { area: number; topError: number } {
  const area = Math.exp(-R) * (R + 1);
  const top = EXP_WIDTH[EXP_LAYERS - 1];
  return { area, topError: top * (1 - EXP_F[EXP_LAYERS - 1]) - area };
}

/**
 * The rest of a draw whose first uniform gave layer i and position g but was not accepted by the fast
 * test (g >= EXP_ACCEPT[i]): finishes it from u, restarting with fresh uniforms when the wedge rejects.
 */
export function expSlow(u: UniformSource, i: number, g: number): number {
  for (;;) {
    if (i === 0) return R - Math.log(u.uniform());
    const x = g * EXP_WIDTH[i];
    const lo = EXP_F[i];
    if (lo + u.uniform() * (EXP_F[i + 1] - lo) < Math.exp(-x)) return x;
    const w = u.uniform() * EXP_LAYERS;
    i = w | 0;
    g = w - i;
    if (g < EXP_ACCEPT[i]) return g * EXP_WIDTH[i];
  }
}

/** One Exp(1) variate. */
export function expZiggurat(u: UniformSource): number {
  const w = u.uniform() * EXP_LAYERS;
  const i = w | 0;
  const g = w - i;
  return g < EXP_ACCEPT[i] ? g * EXP_WIDTH[i] : expSlow(u, i, g);
}
