/**
 * The virtual B-47 trial, fast path against the exact (reference) path: the full `runTrial` (3,270
 * patients, both arms, the 1,000-patient control-arm calibration included) on the same patients (seed 1),
 * in this thread (workers 1), CPU time (process.cpuUsage), after one warm-up run of each (the fast one at
 * full size: V8 takes a few trials to optimise it, and a calibration engine runs thousands). The fast path
 * runs five times around the exact one and keeps its best; the exact path runs once (about 8 s).
 * Row: { problem: 'trial-b47', solver: 'fast', peer: 'exact', ms, peer_ms, ratio }.
 */
import { runTrial, type TrialResult } from '../../src/trial/index.js';
import type { Row } from '../rows.js';

function cpuMs<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const c0 = process.cpuUsage();
  return f().then((value) => {
    const c = process.cpuUsage(c0);
    return { ms: (c.user + c.system) / 1000, value };
  });
}

export async function runTrialBench(log: (s: string) => void = () => {}, patients = 3270): Promise<Row[]> {
  const o = { patients, seed: 1, workers: 1 } as const;
  await runTrial(o);
  await runTrial({ ...o, patients: 40, exact: true });
  const fast: number[] = [];
  let f: TrialResult | undefined;
  let exact: { ms: number; value: TrialResult } | undefined;
  for (let round = 0; round < 5; round++) {
    log(`bench: trial-b47 fast, round ${round + 1}`);
    const r = await cpuMs(() => runTrial(o));
    fast.push(r.ms);
    f = r.value;
    if (round === 1) {
      log('bench: trial-b47 exact (about 10 s)');
      exact = await cpuMs(() => runTrial({ ...o, exact: true }));
    }
  }
  const ms = Math.min(...fast);
  const e = exact!;
  const hr = (r: TrialResult) => r.analysis.cox.hr.toFixed(3);
  return [
    {
      problem: 'trial-b47',
      solver: 'fast',
      ms,
      error: null,
      peer: 'exact',
      peer_ms: e.ms,
      peer_error: null,
      ratio: ms / e.ms,
      note: `trial-b47: ${patients} patients, seed 1, workers 1, CPU ms; HR fast ${hr(f!)} vs exact ${hr(e.value)}; fast runs ${fast.map((x) => x.toFixed(0)).join(', ')} ms`,
    },
  ];
}
