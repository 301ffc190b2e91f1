/**
 * Profiling helper: solves one benchmark problem repeatedly so that a CPU profile shows where the time goes.
 *
 *   node --cpu-prof --cpu-prof-dir=bench/out/prof --import tsx bench/profile.ts robertson rodas [seconds]
 *   node --import tsx bench/profile.ts --summary bench/out/prof [top]
 *
 * The summary lists self time by function and by file (ignoring the first 10% of samples: warm-up/JIT),
 * for the busiest profile in the directory (tsx's loader thread writes a second, idle one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEngine, ourSolvers, runOurs } from './ours.js';
import { problems } from './problems/index.js';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

function busiest(dir: string): CpuProfile {
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as CpuProfile);
  const busy = (p: CpuProfile): number => {
    const idle = new Set(p.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    return p.samples.filter((id) => !idle.has(id)).length;
  };
  const best = all.sort((x, y) => busy(y) - busy(x))[0];
  if (!best) throw new Error(`no .cpuprofile in ${dir}`);
  return best;
}

function summary(dir: string, top: number): void {
  const p = busiest(dir);
  const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
  const byFn = new Map<string, number>();
  const byFile = new Map<string, number>();
  let total = 0;
  const skip = Math.floor(p.samples.length / 10);
  for (let i = skip; i < p.samples.length; i++) {
    const cf = byId.get(p.samples[i]!)!;
    const us = p.timeDeltas[i] ?? 0;
    total += us;
    const where = cf.url.split('/').slice(-2).join('/');
    const fn = `${cf.functionName || '(anonymous)'} ${where}:${cf.lineNumber + 1}`;
    byFn.set(fn, (byFn.get(fn) ?? 0) + us);
    byFile.set(where || cf.functionName, (byFile.get(where || cf.functionName) ?? 0) + us);
  }
  const show = (m: Map<string, number>, k: number): string =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${name}`)
      .join('\n');
  console.log(`${(total / 1000).toFixed(0)} ms sampled\n-- self time by function\n${show(byFn, top)}`);
  console.log(`-- self time by file\n${show(byFile, 12)}`);
}

const [a, b, c] = process.argv.slice(2);
if (a === '--summary') {
  summary(b!, Number(c ?? 25));
} else {
  const bp = problems.find((p) => p.id === a);
  const s = ourSolvers.find((x) => x.id === b);
  if (!bp || !s)
    throw new Error(`usage: profile.ts PROBLEM SOLVER [seconds] (solvers: ${ourSolvers.map((x) => x.id)})`);
  const engine = await loadEngine();
  if (typeof engine.solve === 'string') throw new Error(engine.solve);
  const seconds = Number(c ?? 3);
  const r = runOurs(bp, s, { solve: engine.solve, compile: engine.compile }, bp, {
    batchMs: (seconds * 1000) / 3,
    batches: 3,
    warmupMs: 200,
  });
  console.log(
    `${bp.id} ${s.id}: ${r.ms.toFixed(3)} ms per solve, ${r.steps} steps, ${r.rhsEvals} rhs, ${r.jacEvals} jac`,
  );
}
