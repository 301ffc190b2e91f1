/**
 * The order that sorts non-negative times ascending, ties in index order (stable). A least-significant-
 * digit radix sort on the IEEE-754 bits, which order like unsigned integers for doubles >= +0: four
 * passes of 16 bits, each skipped when every time shares that digit (the low 32 bits of whole-number
 * times are all zero). O(n); in V8 a comparator sort of 100,000 indices took ~100x longer.
 */

const RADIX = 1 << 16;
const SMALL = 256; // below this a comparator sort is cheaper than clearing the counts
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Sorting permutation of `t` (every value finite and >= +0; -0 must have been replaced by +0). */
export function sortOrder(t: Float64Array): Uint32Array {
  const n = t.length;
  let order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < SMALL) return order.sort((a, b) => t[a] - t[b] || a - b);
  const words = new Uint32Array(t.buffer, t.byteOffset, 2 * n);
  let next = new Uint32Array(n);
  const count = new Uint32Array(RADIX);
  for (let pass = 0; pass < 4; pass++) {
    const word = (pass >> 1) ^ (LITTLE_ENDIAN ? 0 : 1); // low 32 bits first
    const shift = (pass & 1) * 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(words[2 * i + word] >>> shift) & 0xffff]++;
    if (count[(words[word] >>> shift) & 0xffff] === n) continue; // one digit for all: order unchanged
    let sum = 0;
    for (let d = 0; d < RADIX; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let k = 0; k < n; k++) {
      const i = order[k];
      next[count[(words[2 * i + word] >>> shift) & 0xffff]++] = i;
    }
    const swap = order;
    order = next;
    next = swap;
  }
  return order;
}
