/**
 * Philox4x32-10, the counter-based generator of Salmon, Moraes, Dror & Shaw, "Parallel random numbers:
 * as easy as 1, 2, 3" (SC 2011). Block i of a stream is a pure function of (key, counter), so run i of an
 * ensemble can own stream i without any sequential jump-ahead and draws the same numbers on any worker.
 */

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/**
 * High 32 bits of the unsigned 64-bit product a * b (a, b < 2^32). The double product is within 2^10 of
 * the exact one and the subtraction of the exact low word adds at most 2^10 more, so after scaling by
 * 2^-32 the error is below 2^-21 and rounding recovers the high word exactly.
 */
export function mulhi32(a: number, b: number): number {
  return Math.round((a * b - (Math.imul(a, b) >>> 0)) * 2.3283064365386963e-10);
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
    const hi0 = mulhi32(M0, c0);
    const lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi32(M1, c2);
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
