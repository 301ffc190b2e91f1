/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3" (SC 2011). Block i of a stream is a pure function of (key, counter), so run i of an
 * ensemble can own stream i without any sequential jump-ahead and draws the same numbers on any worker.
 */

const M0H = 0xd251;
const M0L = 0x1f53;
const M1H = 0xcd9e;
const M1L = 0x8d57;
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** High 32 bits of the 64-bit product of constant (mh:ml) and x, exact in doubles (all partials < 2^34). */
function mulhi(mh: number, ml: number, x: number): number {
  const xh = x >>> 16;
  const xl = x & 0xffff;
  const mid = mh * xl + ml * xh + ((ml * xl) >>> 16);
  return (mh * xh + Math.floor(mid / 65536)) >>> 0;
}

/**
 * Encrypts the counter (c0..c3) with key (k0, k1) in 10 rounds and writes the 4 output words to out[0..4).
 * Inputs and outputs are unsigned 32-bit integers.
 */
export function philox4x32(
  c0: number,
  c1: number,
  c2: number,
  c3: number,
  k0: number,
  k1: number,
  out: Uint32Array,
): void {
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi(M0H, M0L, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1H, M1L, c2);
    const lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}
