import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planJobs } from './jobs.js';
import { runJobs } from './pool.js';

test('jobs give the same results on two worker threads as on the calling thread', async () => {
  const jobs = planJobs(['C7', 'C8'], 6).map((j) => (j.kind === 'robustness' ? { ...j, to: j.from + 3 } : j));
  const split = [...jobs, { kind: 'robustness' as const, ids: ['C7', 'C8'], n: 6, from: 3, to: 6 }];
  const ctx = { seed: 2, quick: true };
  const inline = await runJobs(split, ctx, 1);
  const threaded = await runJobs(split, ctx, 2);
  assert.deepEqual(threaded, inline);
  // Set ranges add up to the whole sweep.
  const whole = await runJobs(planJobs(['C7', 'C8'], 6).slice(-1), ctx, 1);
  const parts = inline.filter((r) => r.kind === 'robustness');
  const sum = (k: number) => parts.reduce((s, r) => s + (r.kind === 'robustness' ? r.counts[k]! : 0), 0);
  const w = whole[0]!;
  assert.ok(w.kind === 'robustness');
  assert.deepEqual([0, 1].map(sum), w.counts);
});

test('plan: claims sharing a study run together, set ranges cover the sweep once', () => {
  const jobs = planJobs(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'], 60);
  const claimJobs = jobs.filter((j) => j.kind === 'claims').map((j) => j.ids.join('+'));
  assert.ok(claimJobs.includes('C3+C4'));
  assert.equal(claimJobs.join('+').split('+').sort().join(), 'C1,C2,C3,C4,C5,C6,C7,C8');
  let covered = 0;
  for (const j of jobs) if (j.kind === 'robustness') covered += j.to - j.from;
  assert.equal(covered, 60);
});
