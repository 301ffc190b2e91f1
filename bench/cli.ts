/**
 * End-to-end, cold-start bench point: `cscsim simulate` on a model JSON in a fresh process (startup,
 * module loading, model parsing, compile, solve, CSV out), against the same job in a fresh peer process
 * (interpreter start, `import scipy` / `library(deSolve)`, solve, output). Wall clock of the whole
 * process, fastest of several runs. Runs the built CLI: dist/ when present and fresh, else a private build
 * in node_modules/.cache/cscsim-bench/dist (tsc, rebuilt when some src file is newer; outside the trees
 * that tsc and biome check); through tsx only if that build fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { jobText } from './peers/job.js';
import { findPeer } from './peers/registry.js';
import type { BenchProblem } from './problems/types.js';
import type { Outcome } from './rows.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');

function wallMs(cmd: string, args: readonly string[], input: string, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 64 << 20, cwd: ROOT });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${(r.stderr ?? '').trim().slice(-300)}`);
    best = Math.min(best, ms);
  }
  return best;
}

function newestSource(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestSource(p) : e.name.endsWith('.ts') ? statSync(p).mtimeMs : 0);
  }
  return t;
}

/** The node arguments that start the built CLI, and a label saying which build. */
function builtCli(log: (s: string) => void): { args: string[]; label: string } {
  const srcTime = newestSource(join(ROOT, 'src'));
  const fresh = (f: string): boolean => existsSync(f) && statSync(f).mtimeMs >= srcTime;
  const shipped = join(ROOT, 'dist', 'cli', 'main.js');
  if (fresh(shipped)) return { args: [shipped], label: 'cscsim simulate' };
  const ownDir = join(ROOT, 'node_modules', '.cache', 'cscsim-bench', 'dist');
  const own = join(ownDir, 'cli', 'main.js');
  if (!fresh(own)) {
    log(`bench: building the CLI into ${ownDir} (tsc)`);
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const config = join(ROOT, 'tsconfig.build.json');
    spawnSync(process.execPath, [tsc, '-p', config, '--outDir', ownDir], {
      cwd: ROOT,
      stdio: 'ignore',
    });
  }
  // tsc emits even with type errors elsewhere; only a missing file means the build failed
  if (existsSync(own)) return { args: [own], label: 'cscsim simulate' };
  return { args: ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts')], label: 'cscsim simulate (tsx)' };
}

function ours(bp: BenchProblem, runs: number, log: (s: string) => void): Outcome {
  const src = join(ROOT, 'src', 'cli', 'commands', 'simulate.ts');
  if (!existsSync(src))
    return { ok: false, solver: 'cscsim simulate', why: 'missing (no simulate command yet)' };
  const { args: cli, label } = builtCli(log);
  mkdirSync(OUT, { recursive: true });
  const modelFile = join(OUT, `${bp.id}.model.json`);
  writeFileSync(modelFile, JSON.stringify(bp.model()));
  const csv = join(OUT, `${bp.id}.cli.csv`);
  const args = [...cli, 'simulate', modelFile, '--t-end', String(bp.tEnd), '--steps', '365', '--out', csv];
  args.push('--rtol', String(bp.rtol), '--atol', String(bp.atol));
  try {
    const ms = wallMs(process.execPath, args, '', runs);
    return { ok: true, solver: label, ms, msMedian: ms, error: null, steps: 0, rhsEvals: 0, jacEvals: 0 };
  } catch (e) {
    return { ok: false, solver: label, why: `failed: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function peer(
  bp: BenchProblem,
  id: string,
  cmd: string,
  script: string,
  method: string,
  runs: number,
): Outcome {
  const p = findPeer(id);
  const a = p.available();
  if (!a.ok) return { ok: false, solver: `${id} (process)`, why: `missing (${a.why})` };
  const text = jobText(bp, { method, rtol: bp.rtol, atol: bp.atol, batchMs: 0, batches: 0, reference: true });
  const ms = wallMs(cmd, [join(ROOT, 'bench', 'peers', script)], text, runs);
  return {
    ok: true,
    solver: `${id} (process)`,
    ms,
    msMedian: ms,
    error: null,
    steps: 0,
    rhsEvals: 0,
    jacEvals: 0,
  };
}

/** Our cold start and the peers' cold starts on the same problem. Errors are not measured here. */
export function coldStart(
  bp: BenchProblem,
  runs: number,
  log: (s: string) => void,
): { ours: Outcome; peers: Outcome[] } {
  return {
    ours: ours(bp, runs, log),
    peers: [
      peer(
        bp,
        'scipy-lsoda',
        process.env.CSCSIM_BENCH_PYTHON ?? '/usr/bin/python3',
        'scipy_ivp.py',
        'LSODA',
        runs,
      ),
      peer(bp, 'desolve-lsoda', process.env.CSCSIM_BENCH_RSCRIPT ?? 'Rscript', 'desolve.R', 'lsoda', runs),
    ],
  };
}
