/**
 * The peer solvers: how to find each, build it if needed, and run one job. A peer that is not installed
 * is reported as missing with the reason, never a crash.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchProblem } from '../problems/types.js';
import { type JobOptions, jobText, type PeerOutput, parsePeerOutput } from './job.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, '..', 'out');

export type Availability = { readonly ok: true } | { readonly ok: false; readonly why: string };

export interface Peer {
  /** e.g. 'cvode-bdf', 'scipy-lsoda'. */
  readonly id: string;
  available(): Availability;
  run(bp: BenchProblem, o: Omit<JobOptions, 'method'>): PeerOutput;
}

function exec(cmd: string, args: readonly string[], input = ''): { ok: boolean; out: string; err: string } {
  // One thread each, like our solver: no BLAS/OpenMP helper threads in numpy or R.
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const r = spawnSync(cmd, args, { input, env, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 30 * 60_000 });
  if (r.error) return { ok: false, out: '', err: r.error.message };
  return { ok: r.status === 0, out: r.stdout, err: r.stderr };
}

function once<T>(f: () => T): () => T {
  let v: { x: T } | null = null;
  return () => (v ??= { x: f() }).x;
}

// ---- CVODE: our C harness, compiled on first use against the installed SUNDIALS (>= 6, SUNContext API).
const CVODE_SRC = join(HERE, 'cvode.c');
const CVODE_BIN = join(OUT, 'cvode');
const CVODE_LIBS = [
  '-lsundials_cvode',
  '-lsundials_nvecserial',
  '-lsundials_sunmatrixdense',
  '-lsundials_sunlinsoldense',
  '-lm',
];

const buildCvode = once((): Availability => {
  if (!existsSync('/usr/include/cvode/cvode.h') && !process.env.CSCSIM_BENCH_CFLAGS) {
    return { ok: false, why: 'SUNDIALS headers not found (apt-get install libsundials-dev)' };
  }
  if (existsSync(CVODE_BIN) && statSync(CVODE_BIN).mtimeMs > statSync(CVODE_SRC).mtimeMs) return { ok: true };
  mkdirSync(OUT, { recursive: true });
  const extra = (process.env.CSCSIM_BENCH_CFLAGS ?? '').split(/\s+/).filter(Boolean);
  const r = exec('gcc', ['-O2', '-o', CVODE_BIN, CVODE_SRC, ...extra, ...CVODE_LIBS]);
  return r.ok ? { ok: true } : { ok: false, why: `gcc failed: ${(r.err || r.out).trim().slice(0, 300)}` };
});

// ---- SciPy: Debian's python3-scipy belongs to /usr/bin/python3 (not a pyenv python earlier on PATH).
const PYTHON = process.env.CSCSIM_BENCH_PYTHON ?? '/usr/bin/python3';
const scipyOk = once((): Availability => {
  const r = exec(PYTHON, ['-c', 'import scipy.integrate']);
  return r.ok
    ? { ok: true }
    : { ok: false, why: `${PYTHON} cannot import scipy (apt-get install python3-scipy)` };
});

// ---- R deSolve
const RSCRIPT = process.env.CSCSIM_BENCH_RSCRIPT ?? 'Rscript';
const desolveOk = once((): Availability => {
  const r = exec(RSCRIPT, ['-e', 'suppressPackageStartupMessages(library(deSolve))']);
  return r.ok
    ? { ok: true }
    : { ok: false, why: 'Rscript with deSolve not found (apt-get install r-cran-desolve)' };
});

function runProcess(id: string, cmd: string, args: readonly string[], text: string): PeerOutput {
  const r = exec(cmd, args, text);
  if (!r.ok) throw new Error(`${id} failed: ${(r.err || r.out).trim().slice(-400)}`);
  return parsePeerOutput(r.out, id);
}

function peer(
  id: string,
  method: string,
  available: () => Availability,
  cmd: () => [string, string[]],
): Peer {
  return {
    id,
    available,
    run(bp, o) {
      const a = available();
      if (!a.ok) throw new Error(`${id} is missing: ${a.why}`);
      const [c, args] = cmd();
      return runProcess(id, c, args, jobText(bp, { ...o, method }));
    },
  };
}

export const peers: readonly Peer[] = [
  peer('cvode-bdf', 'bdf', buildCvode, () => [CVODE_BIN, []]),
  peer('scipy-lsoda', 'LSODA', scipyOk, () => [PYTHON, [join(HERE, 'scipy_ivp.py')]]),
  peer('scipy-bdf', 'BDF', scipyOk, () => [PYTHON, [join(HERE, 'scipy_ivp.py')]]),
  peer('scipy-radau', 'Radau', scipyOk, () => [PYTHON, [join(HERE, 'scipy_ivp.py')]]),
  peer('desolve-lsoda', 'lsoda', desolveOk, () => [RSCRIPT, [join(HERE, 'desolve.R')]]),
  peer('desolve-radau', 'radau', desolveOk, () => [RSCRIPT, [join(HERE, 'desolve.R')]]),
];

export function findPeer(id: string): Peer {
  const p = peers.find((x) => x.id === id);
  if (!p) throw new Error(`unknown peer '${id}' (known: ${peers.map((x) => x.id).join(', ')})`);
  return p;
}
