// The peer harnesses implement the benchmark equations again, in C, Python and R; a typo there would
// make every comparison meaningless. Each harness, solved tightly, must land on our references.
// Skipped (with the reason) when a peer is not installed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxRelError } from '../../bench/error.js';
import { findPeer } from '../../bench/peers/registry.js';
import { problems } from '../../bench/problems/index.js';
import { loadReference } from '../../bench/reference/store.js';

const cases: [string, string[]][] = [
  ['cvode-bdf', ['robertson', 'pk2', 'hires', 'vdp']],
  ['scipy-lsoda', ['pk2', 'hires']],
  ['desolve-lsoda', ['pk2', 'hires']],
];

for (const [peerId, ids] of cases) {
  const peer = findPeer(peerId);
  const a = peer.available();
  test(`${peerId} solves the benchmark equations (${ids.join(', ')})`, { skip: a.ok ? false : a.why }, () => {
    for (const id of ids) {
      const bp = problems.find((p) => p.id === id)!;
      const out = peer.run(bp, {
        rtol: 1e-10,
        atol: 1e-10 * bp.errorFloor,
        batchMs: 0,
        batches: 0,
        reference: true,
      });
      const err = maxRelError(out.y, loadReference(bp).y, bp.errorFloor);
      // rtol 1e-10, and VdP amplifies phase errors: 1e-4 still catches any wrong coefficient
      assert.ok(err < 1e-4, `${peerId} on ${id}: error ${err}`);
      assert.ok(out.rhsEvals > 0);
    }
  });
}
