/**
 * How often would a perfect simulator pass a DSMTS birth-death case under our rule (at most 1% of the
 * checked points outside the Z and Y ranges)? For the linear birth-death cases (00001, 00003, 00004:
 * X -> 2X at lambda X, X -> 0 at mu X) the law of the whole trajectory on the output grid is known
 * exactly, so we can draw it without any simulator: the process is Markov and, over one grid step dt,
 * every individual independently leaves 0 descendants with probability a and otherwise 1 + Geometric(b)
 * (Bailey 1964, ch. 8.6; E = e^((lambda - mu) dt), a = mu (E - 1) / (lambda E - mu),
 * b = lambda (E - 1) / (lambda E - mu)).
 * Each replicate draws n = 10,000 such trajectories, computes Z and Y at every output time against the
 * case's own expected mean and sd, and counts the points outside, exactly as src/io/suite/stochastic.ts
 * does. The fraction of replicates that pass is the pass probability of an exact simulator.
 * Usage: npx tsx bench/ssa/dsmts-perfect.ts [replicates] [cases dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stream } from '../../src/random/rng.js';

const CASES = [
  { id: '00001', lambda: 0.1, mu: 0.11, x0: 100 },
  { id: '00003', lambda: 1, mu: 1.1, x0: 100 },
  { id: '00004', lambda: 0.1, mu: 0.11, x0: 10 },
];
const reps = Number(process.argv[2] ?? 100);
const dir = process.argv[3] ?? '../shared/sbml-test-suite/stochastic';
const n = 10_000;

function expected(id: string): { t: number[]; mean: number[]; sd: number[] } {
  const lines = readFileSync(join(dir, id, `${id}-results.csv`), 'utf8')
    .trim()
    .split('\n')
    .slice(1);
  const rows = lines.map((l) => l.split(',').map(Number));
  return { t: rows.map((r) => r[0]), mean: rows.map((r) => r[1]), sd: rows.map((r) => r[2]) };
}

for (const c of CASES) {
  const ex = expected(c.id);
  const dt = ex.t[1] - ex.t[0];
  const e = Math.exp((c.lambda - c.mu) * dt);
  const a = (c.mu * (e - 1)) / (c.lambda * e - c.mu);
  const b = (c.lambda * (e - 1)) / (c.lambda * e - c.mu);
  const lb = Math.log(b);
  const T = ex.t.length;
  let passed = 0;
  const outsideCounts: number[] = [];
  for (let rep = 0; rep < reps; rep++) {
    const u = stream(7_000_000 + rep, 0);
    const s1 = new Float64Array(T);
    const s2 = new Float64Array(T);
    for (let run = 0; run < n; run++) {
      let x = c.x0;
      s1[0] += x;
      s2[0] += x * x;
      for (let i = 1; i < T; i++) {
        let next = 0;
        for (let k = 0; k < x; k++) {
          if (u.uniform() < a) continue;
          next += 1 + Math.floor(Math.log(u.uniform()) / lb);
        }
        x = next;
        s1[i] += x;
        s2[i] += x * x;
      }
    }
    let points = 0;
    let outside = 0;
    for (let i = 0; i < T; i++) {
      const mean = s1[i] / n;
      const v = Math.max(0, (s2[i] - n * mean * mean) / (n - 1));
      if (ex.sd[i] === 0) {
        points += 2;
        if (Math.abs(mean - ex.mean[i]) > 1e-9 * Math.max(1, ex.mean[i])) outside++;
        if (v > 0) outside++;
        continue;
      }
      const z = (Math.sqrt(n) * (mean - ex.mean[i])) / ex.sd[i];
      const y = Math.sqrt(n / 2) * (v / ex.sd[i] ** 2 - 1);
      points += 2;
      if (!(z > -3 && z < 3)) outside++;
      if (!(y > -5 && y < 5)) outside++;
    }
    outsideCounts.push(outside);
    if (outside <= 0.01 * points) passed++;
  }
  const mean = outsideCounts.reduce((s, v) => s + v, 0) / reps;
  console.log(
    `${c.id}: a perfect simulator passes ${passed} of ${reps} replicates (${((100 * passed) / reps).toFixed(0)}%); points outside per replicate: mean ${mean.toFixed(2)}, max ${Math.max(...outsideCounts)}`,
  );
}
