/**
 * Exact transitions of the linear birth-death process with time-varying per-capita rates, used for the CSC
 * pool of a micrometastasis while extinction matters (Kendall, Ann Math Stat 19:1, 1948, section 3; the
 * constant-rate case is src/experiments/kendall.ts). One ancestor at time 0 with birth rate b(s) and death
 * rate d(s), R(s) = integral_0^s (b - d), leaves X cells at time h with
 *   P(X = 0) = alpha = 1 - e^{R(h)} / (1 + A),  P(X = n) = (1 - alpha)(1 - beta) beta^(n - 1) (n >= 1),
 *   A = integral_0^h b(s) e^{R(h) - R(s)} ds,  beta = A / (1 + A),
 * so that E[X] = e^{R(h)}. n independent ancestors: survivors m ~ Binomial(n, 1 - alpha), and X = m + a
 * negative binomial (m, 1 - beta) drawn as a gamma-Poisson mixture: O(1) whatever n.
 * Rates are taken linear within a step (R exact, A by composite 5-point Gauss-Legendre), or constant (closed form).
 */
import type { Rng } from '../random/rng.js';

const GL_X = [-0.906179845938664, -0.5384693101056831, 0, 0.5384693101056831, 0.906179845938664];
const GL_W = [
  0.23692688505618908, 0.47862867049936647, 0.5688888888888889, 0.47862867049936647, 0.23692688505618908,
];

/** One-ancestor law of a step: extinction probability alpha and geometric parameter beta. */
export interface StepLaw {
  alpha: number;
  beta: number;
}

/** The law over [0, h] with b and d linear from (b0, d0) to (b1, d1); writes into `out`. */
export function linearStepLaw(
  b0: number,
  b1: number,
  d0: number,
  d1: number,
  h: number,
  out: StepLaw = { alpha: 0, beta: 0 },
): StepLaw {
  if (!(h > 0)) {
    out.alpha = 0;
    out.beta = 0;
    return out;
  }
  const g0 = b0 - d0;
  const slope = (b1 - d1 - g0) / h;
  const Rh = g0 * h + 0.5 * slope * h * h;
  // Composite 5-point Gauss-Legendre, panels short enough that e^{R(h) - R(s)} varies by < e^0.25 in each.
  const spread = Math.max(Math.abs(g0), Math.abs(b1 - d1)) * h;
  const panels = Math.min(256, 1 + Math.floor(spread / 0.25));
  const w = h / panels;
  let A = 0;
  for (let k = 0; k < panels; k++) {
    for (let i = 0; i < 5; i++) {
      const s = w * (k + 0.5 * (1 + GL_X[i]!));
      A += GL_W[i]! * (b0 + ((b1 - b0) * s) / h) * Math.exp(Rh - (g0 * s + 0.5 * slope * s * s));
    }
  }
  A *= 0.5 * w;
  return lawFrom(Rh, A, out);
}

/** The law over a step of length h with constant rates (closed form). */
export function constantStepLaw(
  b: number,
  d: number,
  h: number,
  out: StepLaw = { alpha: 0, beta: 0 },
): StepLaw {
  const r = b - d;
  const A = Math.abs(r * h) < 1e-10 ? b * h : (b * Math.expm1(r * h)) / r;
  return lawFrom(r * h, A, out);
}

function lawFrom(Rh: number, A: number, out: StepLaw): StepLaw {
  // 1 - alpha = e^{Rh} / (1 + A), in logs so that long steps neither overflow nor lose the small side.
  const survive = Math.exp(Rh - Math.log1p(A));
  out.alpha = survive >= 1 ? 0 : 1 - survive;
  out.beta = A / (1 + A);
  return out;
}

/** Cells after a step from n ancestors, drawn from the step's law. */
export function transition(n: number, law: StepLaw, rng: Rng): number {
  if (n <= 0) return 0;
  const m = law.alpha <= 0 ? n : rng.binomial(n, 1 - law.alpha);
  if (m === 0 || law.beta <= 0) return m;
  const mean = rng.gamma(m, law.beta / (1 - law.beta));
  // Poisson noise is below 1e-3.5 of the mean beyond 1e7: the mean itself is then exact enough.
  return m + (mean > 1e7 ? Math.round(mean) : rng.poisson(mean));
}

/**
 * Ultimate extinction probability of one lineage started at each grid time (length J + 1), given the step
 * laws of the J grid steps and the constant rates (bEnd, dEnd) after the grid (into xi when given):
 * xi_J = min(1, dEnd / bEnd),
 * xi_j = G_j(xi_{j+1}) with the step's generating function G(s) = alpha + (1 - alpha)(1 - beta) s / (1 - beta s).
 */
export function ultimateExtinction(
  alpha: Float64Array,
  beta: Float64Array,
  bEnd: number,
  dEnd: number,
  xi: Float64Array = new Float64Array(alpha.length + 1),
): Float64Array {
  const J = alpha.length;
  xi[J] = bEnd > dEnd ? dEnd / bEnd : 1;
  for (let j = J - 1; j >= 0; j--) {
    const s = xi[j + 1];
    const a = alpha[j];
    const b = beta[j];
    xi[j] = Math.min(1, a + ((1 - a) * (1 - b) * s) / (1 - b * s));
  }
  return xi;
}
