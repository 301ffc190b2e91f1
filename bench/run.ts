/**
 * `npm run bench [-- options]`: our ODE solvers side by side with SUNDIALS CVODE, SciPy solve_ivp and
 * R deSolve on the problems in bench/problems, at the same tolerances, errors against the references in
 * bench/reference. Prints tables (or with --json the rows array) to stdout; progress goes to stderr.
 *
 *   --json            rows as JSON: [{ problem, solver, ms, error, peer, peer_ms, peer_error, ratio }]
 *   --quick           shorter timing batches (a smoke run; noisier numbers)
 *   --problems a,b    only these problems (robertson, vdp, pk2, hires)
 *   --peers a,b       only these peers (cvode-bdf, scipy-lsoda, scipy-bdf, scipy-radau, desolve-lsoda, desolve-radau)
 *   --no-sweep        skip the Robertson tolerance sweep (work-precision)
 *   --no-cli          skip the cold-start `cscsim simulate` point
 *   --no-ssa          skip the stochastic rows (bench/ssa/run.ts; bench/ssa/large.ts unless --quick)
 *   --no-fit          skip the ABC-SMC rows (bench/fit/run.ts: engine overhead, 2 workers vs 1)
 *   --no-trial        skip the virtual-trial row (bench/trial/run.ts: fast vs exact B-47, about 20 s)
 *   --no-claims       skip the claims-eval row (bench/claims/run.ts: C1-C8 statistics per parameter set)
 *   --no-rr           skip the libRoadRunner rows (bench/roadrunner/run.ts: PEtab, BioModels, HER2 models)
 *   --clock cpu|wall  cpu (default): process CPU time, robust on a loaded machine; wall: elapsed time
 *   --in-process      run all our cases in this process (faster start, but see ours-child.ts: polymorphic
 *                     call sites make later cases slower than they are alone)
 */
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coldStart } from './cli.js';
import { ourOutcome, peerOutcome, type Tolerance } from './compare.js';
import { loadEngine, ourSolvers } from './ours.js';
import { peers as allPeers } from './peers/registry.js';
import { problems as allProblems } from './problems/index.js';
import type { BenchProblem } from './problems/types.js';
import { loadReference } from './reference/store.js';
import { asRows, type Outcome, pairRows, type Row } from './rows.js';
import { outcomesTable, rowsTable } from './table.js';
import type { TimingOptions } from './timing.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const list = (name: string): string[] | null => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] ? argv[i + 1]!.split(',') : null;
};
const known = new Set([
  '--json',
  '--quick',
  '--problems',
  '--peers',
  '--no-sweep',
  '--no-cli',
  '--no-ssa',
  '--no-fit',
  '--no-trial',
  '--no-claims',
  '--no-rr',
  '--in-process',
  '--clock',
]);
for (const [i, a] of argv.entries()) {
  if (a.startsWith('--') && !known.has(a)) throw new Error(`bench: unknown option '${a}'`);
  if (!a.startsWith('--') && !['--problems', '--peers', '--clock'].includes(argv[i - 1] ?? '')) {
    throw new Error(`bench: unexpected argument '${a}'`);
  }
}

const json = flag('--json');
const clock = list('--clock')?.[0] ?? 'cpu';
if (clock !== 'cpu' && clock !== 'wall') throw new Error(`bench: --clock cpu|wall, not '${clock}'`);
const timing: TimingOptions = flag('--quick')
  ? { batchMs: 50, batches: 3, warmupMs: 100, clock }
  : { batchMs: 200, batches: 7, warmupMs: 500, clock };
const pick = list('--problems');
const problems = allProblems.filter((p) => !pick || pick.includes(p.id));
const pickPeers = list('--peers');
const peers = allPeers.filter((p) => !pickPeers || pickPeers.includes(p.id));
const log = (s: string): void => {
  process.stderr.write(`${s}\n`);
};

const engine = await loadEngine();
const rows: Row[] = [];
const details: { problem: string; o: Outcome }[] = [];

function compare(
  bp: BenchProblem,
  label: string,
  tol: Tolerance,
  solverIds: string[] | null,
  peerIds: string[] | null,
) {
  const ref = loadReference(bp).y;
  const mine = ourSolvers.filter(
    (s) => (bp.stiff ? s.stiffOk : true) && (!solverIds || solverIds.includes(s.id)),
  );
  const ours = mine.map((s) => {
    log(`bench: ${label}: ${s.id}`);
    return ourOutcome(bp, s, engine, tol, ref, timing, !flag('--in-process'));
  });
  const theirs = peers
    .filter((p) => !peerIds || peerIds.includes(p.id))
    .map((p) => {
      log(`bench: ${label}: ${p.id}`);
      return peerOutcome(bp, p, tol, ref, timing);
    });
  for (const o of [...ours, ...theirs]) details.push({ problem: label, o });
  rows.push(...pairRows(label, ours, theirs));
}

// 1. Headline: every problem at its own tolerances, every solver against every peer.
for (const bp of problems) compare(bp, bp.id, bp, null, null);

// 2. Work-precision: Robertson over rtol 1e-3 .. 1e-10 (atol = rtol * 1e-4, as at the headline 1e-6 / 1e-10).
const rob = problems.find((p) => p.id === 'robertson');
if (rob && !flag('--no-sweep')) {
  for (let e = 3; e <= 10; e++) {
    const rtol = 10 ** -e;
    compare(
      rob,
      `robertson@${rtol.toExponential(0)}`,
      { rtol, atol: rtol * 1e-4 },
      ['rodas'],
      ['cvode-bdf', 'scipy-lsoda'],
    );
  }
}

// 3. Cold start of the whole CLI on the PK model.
const pk = problems.find((p) => p.id === 'pk2');
if (pk && !flag('--no-cli')) {
  log('bench: cold start: cscsim simulate');
  const c = coldStart(pk, flag('--quick') ? 2 : 5, log);
  for (const o of [c.ours, ...c.peers]) details.push({ problem: 'pk2 (cold)', o });
  rows.push(...pairRows('pk2 cold start', [c.ours], c.peers));
}

// 4. Stochastic rows from the SSA engineer's bench, when present.
const ssaFile = join(HERE, 'ssa', 'run.ts');
let ssaNote = '';
if (!flag('--no-ssa') && existsSync(ssaFile)) {
  try {
    log('bench: ssa');
    const ssaModule = './ssa/run.js'; // a variable: the file may not exist yet
    const mod = (await import(ssaModule)) as { runSsaBench?: () => unknown };
    if (typeof mod.runSsaBench !== 'function') throw new Error('bench/ssa/run.ts has no runSsaBench()');
    rows.push(...asRows(await mod.runSsaBench(), 'runSsaBench'));
    if (!flag('--quick')) {
      log('bench: ssa, large populations (about 1 minute)');
      const { runLargeBench } = await import('./ssa/large.js');
      rows.push(...asRows(await runLargeBench(log), 'runLargeBench'));
      log('bench: ssa, the HER2 model (ssa-her2-*: hybrid, tau-leap; direct at 1e4 cells as the reference)');
      const { runHer2Bench } = await import('./ssa/her2.js');
      rows.push(...asRows(await runHer2Bench(log), 'runHer2Bench'));
    }
  } catch (e) {
    ssaNote = `ssa rows skipped: ${e instanceof Error ? e.message : String(e)}`;
  }
}

// 5. Calibration engine rows (ABC-SMC overhead per candidate, 2 workers vs 1).
if (!flag('--no-fit')) {
  log('bench: fit');
  const { runFitBench } = await import('./fit/run.js');
  rows.push(...asRows(await runFitBench(log, flag('--quick')), 'runFitBench'));
}

// 6. The virtual trial: fast path against the exact path on the same patients.
if (!flag('--no-trial')) {
  const { runTrialBench } = await import('./trial/run.js');
  rows.push(...(await runTrialBench(log, flag('--quick') ? 600 : 3270)));
}

// 6b. The claims' statistics per parameter set (the calibration's evaluation).
if (!flag('--no-claims')) {
  const { runClaimsBench } = await import('./claims/run.js');
  rows.push(...runClaimsBench(log, flag('--quick') ? 10 : 40));
}

// 7. libRoadRunner side by side (load + compile, simulate, accuracy), when rrref is present.
let rrNote = '';
if (!flag('--no-rr') && !flag('--quick')) {
  try {
    log('bench: libRoadRunner (several minutes: its LLVM load of large models is slow)');
    const { roadrunnerSummary, runRoadrunnerBench } = await import('./roadrunner/run.js');
    const rrRows = runRoadrunnerBench(log);
    rows.push(...rrRows);
    rrNote = roadrunnerSummary(rrRows);
  } catch (e) {
    rrNote = `libRoadRunner rows skipped: ${e instanceof Error ? e.message : String(e)}`;
  }
}

if (json) {
  process.stdout.write(`${JSON.stringify(rows, null, 1)}\n`);
} else {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const out = [
    `cscsim bench ${new Date().toISOString().slice(0, 10)}  node ${process.version}  ${cpu} x${cpus().length}`,
    `time = ${clock === 'cpu' ? 'CPU' : 'wall'} time of the fastest of ${timing.batches} batches of ~${timing.batchMs} ms, per solve; error = max relative error on the grid (floor atol/rtol); ratio = ours / peer (< 1: we are faster)`,
    '',
    rowsTable(rows),
    '',
    'per solver:',
    outcomesTable(details),
  ];
  const notes = [...new Set(rows.flatMap((r) => (r.note ? [r.note] : [])))];
  if (ssaNote) notes.push(ssaNote);
  if (rrNote) notes.push(rrNote);
  if (notes.length) out.push('', 'notes:', ...notes.map((n) => `  ${n}`));
  process.stdout.write(`${out.join('\n')}\n`);
}
