/**
 * The claims' statistics (src/paper/claims/statistics.ts): CPU ms per parameter set for all eight of C1-C8
 * under the hierarchy variant, the evaluation the calibration repeats per particle (issue #15's goal: <= 50
 * ms). Latin-hypercube sets of the robustness sweep (seed 3), in this thread, process.cpuUsage; the first
 * set (models compiled, JIT cold) is reported apart, then `sets` more are timed claim by claim (C4 reads
 * C3's MCF7 study, so it costs only its own arm). Row: { problem: 'claims-eval', ms, peer: the goal }.
 */
import { claims } from '../../src/paper/claims/index.js';
import { parameterSets } from '../../src/paper/robustness.js';
import type { Row } from '../rows.js';

const GOAL_MS = 50;

const cpu = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

function evaluate(set: Parameters<(typeof claims)[number]['statistic']>[0], ms: number[]): void {
  claims.forEach((c, k) => {
    const t0 = cpu();
    try {
      c.statistic(set);
    } catch {
      // a failed simulation is part of the cost, as in the calibration (NaN there)
    }
    ms[k]! += cpu() - t0;
  });
}

export function runClaimsBench(log: (s: string) => void = () => {}, sets = 40): Row[] {
  log(`bench: claims-eval (${sets} parameter sets)`);
  const all = parameterSets(sets + 5, 3);
  const cold = claims.map(() => 0);
  evaluate(all[0]!, cold);
  for (const s of all.slice(1, 5))
    evaluate(
      s,
      claims.map(() => 0),
    );
  const ms = claims.map(() => 0);
  for (const s of all.slice(5)) evaluate(s, ms);
  const per = ms.map((x) => x / sets);
  const total = per.reduce((a, b) => a + b, 0);
  const parts = claims.map((c, k) => `${c.id} ${per[k]!.toFixed(1)}`).join(', ');
  return [
    {
      problem: 'claims-eval',
      solver: 'hierarchy, C1-C8 statistics',
      ms: total,
      error: null,
      peer: `goal ${GOAL_MS} ms (issue #15)`,
      peer_ms: GOAL_MS,
      peer_error: null,
      ratio: total / GOAL_MS,
      note:
        `claims-eval: CPU ms per parameter set, mean of ${sets} LHS sets after 5 warm-up sets: ${parts}; ` +
        `first set (compiles, cold JIT) ${cold.reduce((a, b) => a + b, 0).toFixed(0)} ms`,
    },
  ];
}
