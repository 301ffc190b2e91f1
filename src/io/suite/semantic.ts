/**
 * The SBML Test Suite semantic runner: every case folder under a directory (laid out as the suite's
 * `cases/semantic/NNNNN/`), run in parallel on worker threads, each case with a time limit.
 */
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { InputError } from '../../errors.js';
import { startWorker } from '../../parallel/workers.js';
import { type CaseResult, runCase, type SbmlVersion } from './run-case.js';
import type { CaseRequest } from './worker.js';

export { parseCaseFilter } from './case-files.js';
export type { CaseResult, CaseStatus } from './run-case.js';
export { SBML_VERSIONS, type SbmlVersion } from './run-case.js';

export interface SuiteOptions {
  /** Folder holding one sub-folder per case. */
  readonly casesDir: string;
  /** Keep only these case ids (see parseCaseFilter). */
  readonly filter?: (id: string) => boolean;
  /** Worker threads; 1 runs in this thread. Default: available cores. */
  readonly jobs?: number;
  /** Per-case wall-clock limit in ms (worker mode only); default 20 s. */
  readonly timeoutMs?: number;
  /** Which model file of each case to run (`l2v4` runs NNNNN-sbml-l2v4.xml); default L3V2. */
  readonly version?: SbmlVersion;
  /** Called as each case finishes (in completion order). */
  readonly onResult?: (r: CaseResult, done: number, total: number) => void;
}

export interface SuiteResult {
  readonly total: number;
  readonly passed: number;
  readonly failed: number;
  readonly unsupported: number;
  /**
   * Cases within SBML core that have a model at the requested Level/Version (total minus those needing a
   * package or not available there): the denominator of the pass rate.
   */
  readonly core: number;
  /** Sorted by id. */
  readonly cases: readonly CaseResult[];
  readonly ms: number;
}

/** Case folders (names of digits) under dir, sorted. */
export function listCases(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new InputError(`cannot read cases folder: ${(e as NodeJS.ErrnoException).code ?? String(e)}`, {
      file: dir,
    });
  }
  return names.filter((n) => /^\d+$/.test(n) && statSync(join(dir, n)).isDirectory()).sort();
}

function summarize(results: CaseResult[], started: number): SuiteResult {
  results.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const count = (s: CaseResult['status']) => results.filter((r) => r.status === s).length;
  return {
    total: results.length,
    passed: count('passed'),
    failed: count('failed'),
    unsupported: count('unsupported'),
    core: results.filter((r) => r.package === undefined && !r.unavailable).length,
    cases: results,
    ms: Math.round(performance.now() - started),
  };
}

export async function runSuite(options: SuiteOptions): Promise<SuiteResult> {
  const started = performance.now();
  const dir = options.casesDir;
  const ids = listCases(dir).filter((id) => options.filter?.(id) ?? true);
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), ids.length));
  const results: CaseResult[] = [];
  const report = (r: CaseResult) => {
    results.push(r);
    options.onResult?.(r, results.length, ids.length);
  };
  if (jobs === 1) {
    for (const id of ids) report(runCase(join(dir, id), id, options.version));
    return summarize(results, started);
  }
  await runPool(dir, ids, jobs, options.timeoutMs ?? 20_000, report, options.version);
  return summarize(results, started);
}

/** Hands cases to `jobs` workers one at a time; a worker over time is terminated and replaced. */
function runPool(
  dir: string,
  ids: readonly string[],
  jobs: number,
  timeoutMs: number,
  report: (r: CaseResult) => void,
  version: SbmlVersion | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let next = 0;
    let running = 0;
    let anyResult = false;
    const all = new Set<Worker>();
    const start = (): void => {
      const worker = startWorker('worker', import.meta.url);
      all.add(worker);
      worker.on('exit', () => all.delete(worker));
      let current: string | undefined;
      let timer: NodeJS.Timeout | undefined;
      let finished = false;
      const retire = (): void => {
        finished = true;
        if (timer) clearTimeout(timer);
        running--;
        if (running === 0 && next >= ids.length) resolve();
      };
      const feed = (): void => {
        if (next >= ids.length) {
          current = undefined;
          void worker.terminate();
          retire();
          return;
        }
        const id = ids[next++]!;
        current = id;
        const req: CaseRequest = { dir: join(dir, id), id, ...(version ? { version } : {}) };
        worker.postMessage(req);
        timer = setTimeout(() => {
          report({
            id,
            status: 'failed',
            reason: `timeout: no result within ${timeoutMs / 1000} s`,
            ms: timeoutMs,
          });
          current = undefined;
          void worker.terminate();
          retire();
          start();
        }, timeoutMs);
      };
      worker.on('message', (r: CaseResult) => {
        anyResult = true;
        if (timer) clearTimeout(timer);
        if (r.id === current) report(r);
        feed();
      });
      worker.on('error', (e) => {
        if (finished) return;
        // A worker that fails before any case ever finished cannot load: give up rather than respawn.
        if (!anyResult) {
          finished = true;
          if (timer) clearTimeout(timer);
          for (const w of all) void w.terminate();
          reject(e);
          return;
        }
        if (current !== undefined)
          report({ id: current, status: 'failed', reason: `worker crashed: ${e.message}` });
        retire();
        start();
      });
      running++;
      feed();
    };
    for (let k = 0; k < jobs; k++) start();
  });
}
