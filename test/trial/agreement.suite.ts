/**
 * `npm run test:trial-agreement`: the fast path against the exact (reference) path on the same populations
 * (seeds 1-20, PATIENTS patients each, the micrometastasis mean fixed so that both paths simulate the same
 * patients with the same residual disease), in a scenario where trastuzumab helps only partly (Fc activity
 * 0.03, HER2 share 0.5), so that both arms recur and the treated arm exercises the grid, the jump across
 * the treatment and the ODE hand-over. Criteria (issue 12):
 * - 5-y DFS per arm and the log HR (over both outcomes of every patient): the mean over seeds of the
 *   paired difference fast - exact lies within 2 standard errors of 0 (SE from the seeds' spread);
 * - per seed and arm, a log-rank test between the fast and the exact per-patient DFS times has p > 0.01
 *   in at least 19 of the 20 seeds.
 * A small version (one seed, 600 patients) is in fast.test.ts and runs with `npm test`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { observed } from '../../src/trial/outcome.js';
import { runTrial, type TrialResult } from '../../src/trial/run.js';
import { logRank } from '../../src/trial/survival/index.js';

const PATIENTS = Number(process.env.AGREEMENT_PATIENTS ?? 800);
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

const meanSe = (x: readonly number[]) => {
  const m = x.reduce((a, b) => a + b, 0) / x.length;
  const v = x.reduce((a, b) => a + (b - m) ** 2, 0) / (x.length - 1);
  return { m, se: Math.sqrt(v / x.length) };
};

function armLogRank(f: TrialResult, e: TrialResult, arm: 'control' | 'trastuzumab'): number {
  const time: number[] = [];
  const status: number[] = [];
  const group: string[] = [];
  for (const [label, r] of [
    ['fast', f],
    ['exact', e],
  ] as const)
    for (const o of r.outcomes ?? []) {
      const ob = observed(o, arm);
      time.push(ob.time);
      status.push(ob.status);
      group.push(label);
    }
  return logRank(time, status, group).p;
}

test(`fast vs exact over 20 seeds (${PATIENTS} patients each)`, { timeout: 3_600_000 }, async () => {
  const d: Record<string, number[]> = { control: [], trastuzumab: [], logHr: [] };
  const p: Record<string, number[]> = { control: [], trastuzumab: [] };
  let fastMs = 0;
  let exactMs = 0;
  for (const seed of SEEDS) {
    const o = {
      patients: PATIENTS,
      seed,
      micrometMean: 1,
      workers: 2,
      scenario: { effectors: 0.03, her2Share: 0.5 },
    } as const;
    const f = await runTrial(o);
    const e = await runTrial({ ...o, exact: true });
    fastMs += f.elapsedMs;
    exactMs += e.elapsedMs;
    for (const arm of ['control', 'trastuzumab'] as const) {
      const dfs = (r: TrialResult) => r.analysis.arms.find((a) => a.arm === arm)!.dfs5;
      d[arm]!.push(dfs(f) - dfs(e));
      p[arm]!.push(armLogRank(f, e, arm));
    }
    d.logHr!.push(Math.log(f.analysis.counterfactual.hr) - Math.log(e.analysis.counterfactual.hr));
    console.log(
      `seed ${seed}: dfs5 control ${d.control!.at(-1)!.toFixed(4)}, trastuzumab ${d.trastuzumab!.at(-1)!.toFixed(4)}, ` +
        `log HR ${d.logHr!.at(-1)!.toFixed(3)}; log-rank p ${p.control!.at(-1)!.toFixed(3)} / ${p.trastuzumab!.at(-1)!.toFixed(3)}`,
    );
  }
  console.log(`wall: fast ${(fastMs / 1000).toFixed(1)} s, exact ${(exactMs / 1000).toFixed(1)} s in all`);
  for (const [k, x] of Object.entries(d)) {
    const { m, se } = meanSe(x);
    console.log(`${k}: mean difference ${m.toExponential(2)}, SE ${se.toExponential(2)}`);
    assert.ok(Math.abs(m) <= 2 * se, `${k}: mean difference ${m} beyond 2 SE (${se})`);
  }
  for (const [arm, ps] of Object.entries(p)) {
    const ok = ps.filter((x) => x > 0.01).length;
    console.log(`${arm}: log-rank p > 0.01 in ${ok} of ${ps.length} seeds`);
    assert.ok(ok >= 19, `${arm}: log-rank p > 0.01 in only ${ok} of 20 seeds`);
  }
});
