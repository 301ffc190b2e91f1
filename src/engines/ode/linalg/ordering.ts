/**
 * A fill-reducing symmetric ordering for the LU factorisations of the implicit steppers: minimum degree
 * (Tinney & Walker 1967, scheme 2; George & Liu, "The evolution of the minimum degree ordering
 * algorithm", SIAM Review 31:1, 1989) on the graph of J + J^T, from the Jacobian's structural nonzeros.
 * Reaction networks with many complexes fill in badly in their natural order (SalazarCavazos_MBoC2020:
 * 27% of J nonzero, 94% of its factors); eliminating low-degree states first keeps the factors sparse,
 * so luFactor's sparse updates and luSolveSparse pay for far fewer entries. Partial pivoting still
 * applies inside the ordered matrix: the ordering changes cost and rounding, never which system is solved.
 */

import { SPARSE_MIN_N } from './lu.js';

/** Orderings by pattern, computed once per compiled problem (its pattern array is the key). */
const cache = new WeakMap<Uint8Array, Int32Array | null>();

/**
 * perm[k] = the state eliminated k-th, or null where ordering is not worth it (small or dense systems, or
 * an ordering that would fill more than two thirds of the matrix).
 */
export function fillReducingOrder(pattern: Uint8Array, n: number): Int32Array | null {
  let perm = cache.get(pattern);
  if (perm === undefined) {
    perm = n >= SPARSE_MIN_N && pattern.length === n * n ? minimumDegree(pattern, n) : null;
    cache.set(pattern, perm);
  }
  return perm;
}

function minimumDegree(pattern: Uint8Array, n: number): Int32Array | null {
  const adj: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  let edges = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (pattern[i * n + j] !== 0 || pattern[j * n + i] !== 0) {
        adj[i]!.add(j);
        adj[j]!.add(i);
        edges++;
      }
    }
  }
  // Dense already: nothing to save, and the elimination graph would cost O(n^3) to build.
  const budget = (n * (n - 1)) / 3;
  if (edges > budget) return null;
  const perm = new Int32Array(n);
  const done = new Uint8Array(n);
  let fill = edges;
  for (let k = 0; k < n; k++) {
    let v = -1;
    let best = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      if (done[i] === 0 && adj[i]!.size < best) {
        best = adj[i]!.size;
        v = i;
      }
    }
    perm[k] = v;
    done[v] = 1;
    const nb = [...adj[v]!];
    // Eliminating v joins its neighbours into a clique (the fill of this elimination step).
    for (const u of nb) adj[u]!.delete(v);
    for (let a = 0; a < nb.length; a++) {
      const su = adj[nb[a]!]!;
      for (let b = a + 1; b < nb.length; b++) {
        const w = nb[b]!;
        if (!su.has(w)) {
          su.add(w);
          adj[w]!.add(nb[a]!);
          if (++fill > budget) return null;
        }
      }
    }
    adj[v]!.clear();
  }
  return perm;
}
